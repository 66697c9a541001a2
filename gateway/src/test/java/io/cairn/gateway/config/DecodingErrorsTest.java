package io.cairn.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every decoding error kind, with the exact problem (file, key, message). */
class DecodingErrorsTest {

  static Stream<Arguments> errors() {
    return Stream.of(
        Arguments.of("http:\n  routers:\n    r:\n      rul: x\n", "http.routers.r.rul",
            "unknown option \"rul\"; expected one of: entryPoints, middlewares, service, rule, ruleSyntax, priority, tls"),
        Arguments.of("http:\n  routers:\n    r:\n      priority: high\n", "http.routers.r.priority",
            "expected an integer, got \"high\""),
        Arguments.of("http:\n  routers:\n    r:\n      entryPoints: {a: b}\n", "http.routers.r.entryPoints",
            "expected a list of strings, got a mapping"),
        Arguments.of("http:\n  services:\n    s:\n      loadBalancer:\n        passHostHeader: maybe\n",
            "http.services.s.loadBalancer.passHostHeader", "expected a boolean (true or false), got \"maybe\""),
        Arguments.of("http:\n  services:\n    s:\n      loadBalancer:\n        healthCheck:\n          interval: soon\n",
            "http.services.s.loadBalancer.healthCheck.interval",
            "expected a duration such as \"10s\", \"1m30s\" or a number of seconds, got \"soon\""),
        Arguments.of("http:\n  services:\n    s: {}\n", "http.services.s",
            "a service needs exactly one kind (loadBalancer, weighted, mirroring, failover, fileServer), got none"),
        Arguments.of("http:\n  services:\n    s:\n      loadBalancer: {}\n      failover: {}\n", "http.services.s",
            "a service needs exactly one kind, got 2: loadBalancer, failover"),
        Arguments.of("http:\n  middlewares:\n    m:\n      digestAuth: {}\n", "http.middlewares.m.digestAuth",
            "the digestAuth middleware is not supported by cairn"),
        Arguments.of("http:\n  middlewares:\n    m:\n      stripPrefix: /x\n", "http.middlewares.m.stripPrefix",
            "expected a mapping of options, got \"/x\""),
        Arguments.of("tcp:\n  routers: {}\n", "tcp", "TCP routing is not supported by cairn (only http and tls)"),
        Arguments.of("- a\n- b\n", "", "expected a mapping of options, got a list"),
        Arguments.of("http:\n  routers:\n    r:\n      rule: a\n      Rule: b\n", "http.routers.r.Rule",
            "duplicate option: \"rule\" and \"Rule\" are the same option (names are case-insensitive)"),
        Arguments.of("http:\n  routers:\n    r:\n      servers:\n        - url: x\n", "http.routers.r.servers",
            "unknown option \"servers\"; expected one of: entryPoints, middlewares, service, rule, ruleSyntax, priority, tls"));
  }

  @ParameterizedTest(name = "{index}: {1}")
  @MethodSource("errors")
  void reportsTheExactProblem(String yaml, String key, String message) {
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> DynamicConfig.parse(yaml, "dyn.yml"));
    assertThat(e.problems()).containsExactly(new ConfigProblem("dyn.yml", key, message));
    assertThat(e.getMessage()).contains("dyn.yml: " + (key.isEmpty() ? "" : key + ": ") + message);
  }

  @Test
  void reportsEveryProblemNotJustTheFirst() {
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> DynamicConfig.parse("""
        [http.routers.a]
          priority = "x"
          colour = "blue"
        [http.services.b.loadBalancer]
          strategy = 3
          servers = "nope"
        """, "d.toml"));
    assertThat(e.problems()).extracting(ConfigProblem::key).containsExactlyInAnyOrder(
        "http.routers.a.priority", "http.routers.a.colour", "http.services.b.loadBalancer.servers");
    assertThat(e.problems()).allMatch(p -> p.file().equals("d.toml"));
    assertThat(e.getMessage()).startsWith("invalid configuration (3 problems):");
  }

  @Test
  void syntaxErrorsNameTheLine() {
    ConfigException yaml = catchThrowableOfType(ConfigException.class, () -> DynamicConfig.parse("http:\n  routers: [\n", "bad.yml"));
    assertThat(yaml.problems()).singleElement().satisfies(p -> {
      assertThat(p.file()).isEqualTo("bad.yml");
      assertThat(p.key()).isEmpty();
      assertThat(p.message()).startsWith("invalid YAML: ").contains("line ");
    });
    ConfigException toml = catchThrowableOfType(ConfigException.class, () -> DynamicConfig.parse("[http\nx = \n", "bad.toml"));
    assertThat(toml.problems()).singleElement().satisfies(p -> assertThat(p.message()).startsWith("invalid TOML: "));
  }

  @Test
  void duplicateYamlKeysAreErrors() {
    ConfigException e = catchThrowableOfType(ConfigException.class,
        () -> DynamicConfig.parse("http:\n  routers: {}\nhttp:\n  services: {}\n", "dup.yml"));
    assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.message()).startsWith("invalid YAML: ").contains("http"));
  }

  @Test
  void problemRendering() {
    assertThat(new ConfigProblem("f.yml", "a.b", "bad").toString()).isEqualTo("f.yml: a.b: bad");
    assertThat(new ConfigProblem(null, "", "bad").toString()).isEqualTo("bad");
    assertThat(new ConfigException(List.of(new ConfigProblem(null, "k", "m"))).getMessage()).isEqualTo("invalid configuration: k: m");
  }
}
