package io.cairn.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Random and malformed YAML/TOML/flags: the only failure ever is a ConfigException with problems. */
class DecoderFuzzTest {

  @Provide
  Arbitrary<String> configish() {
    Arbitrary<String> tokens = Arbitraries.of("http:", "routers:", "services:", "middlewares:", "loadBalancer:", "servers:",
        "- url: ", "[http.routers.a]", "[[http.services.s.loadBalancer.servers]]", "rule = ", "\"", "'", "`", "{", "}", "[", "]",
        ":", "-", "=", ",", "\n", "  ", "\t", "&a", "*a", "!!binary", "!!map", "---", "...", "#", "true", "1e99", "0x1F",
        "9999999999999999999999", "tls:", "options:", "weighted:", "chain:", "headers:", "\\u0000", "\u0000", "\uFFFF", "é",
        "1979-05-27T07:32:00Z", "inf", "nan", "'''", "\"\"\"", "priority: ", "interval: ", "x");
    return tokens.list().ofMaxSize(60).map(l -> String.join("", l));
  }

  @Property(tries = 400)
  void yamlNeverThrowsAnythingElse(@ForAll("configish") String text) {
    decodeBothWays(text, "fuzz.yml");
  }

  @Property(tries = 400)
  void tomlNeverThrowsAnythingElse(@ForAll("configish") String text) {
    decodeBothWays(text, "fuzz.toml");
  }

  @Property(tries = 300)
  void arbitraryTextNeverThrowsAnythingElse(@ForAll String text) {
    decodeBothWays(text, "fuzz.yml");
    decodeBothWays(text, "fuzz.toml");
  }

  @Property(tries = 300)
  void flagsNeverThrowAnythingElse(@ForAll("flags") List<String> args) {
    try {
      StaticConfig.fromArgs(args);
    } catch (ConfigException e) {
      assertThat(e.problems()).isNotEmpty();
    }
  }

  @Provide
  Arbitrary<List<String>> flags() {
    Arbitrary<String> parts = Arbitraries.of("entryPoints", "web", "address", "http", "tls", "domains[0]", "domains[x]",
        "[1]", "providers", "file", "watch", "api", "accessLog", "", "..", "=", ":80", "metrics", "prometheus", "buckets");
    Arbitrary<String> flag = parts.list().ofMinSize(1).ofMaxSize(5)
        .map(l -> "--" + String.join(".", l))
        .flatMap(f -> Arbitraries.of("", "=true", "=:8080", "=a,b", "=", "=1.5").map(f::concat));
    return Arbitraries.oneOf(flag, Arbitraries.strings().ofMaxLength(5)).list().ofMaxSize(8);
  }

  private static void decodeBothWays(String text, String file) {
    try {
      DynamicConfig.parse(text, file);
    } catch (ConfigException e) {
      assertThat(e.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.file()).isEqualTo(file));
    }
    try {
      StaticConfig.parse(text, file);
    } catch (ConfigException e) {
      assertThat(e.problems()).isNotEmpty();
    }
  }
}
