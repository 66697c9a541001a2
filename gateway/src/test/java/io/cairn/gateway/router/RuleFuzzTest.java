package io.cairn.gateway.router;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Random input only ever yields the documented outcome. */
class RuleFuzzTest {

  private static final String RULE_CHARS = "HostPathRegexpQueryClientIPMethodHeader()`\"'!&|, "
      + "\n\t\\/{}[]^$*+?.:=;#-_0123456789abcxyzé🦭";
  private static final List<String> NAMES = List.of("Host", "HostRegexp", "Path", "PathPrefix",
      "PathRegexp", "Method", "Header", "HeaderRegexp", "Query", "QueryRegexp", "ClientIP",
      "HostHeader", "Headers", "HeadersRegexp", "host", "Nope");

  @Provide
  Arbitrary<String> junk() {
    return Arbitraries.strings().withChars(RULE_CHARS).ofMaxLength(60);
  }

  @Provide
  Arbitrary<String> ruleish() {
    Arbitrary<String> arg = Arbitraries.strings().withChars("/ab.*()[]{}:^$?+\\|10-:%é")
        .ofMaxLength(12).map(s -> "`" + s + "`");
    Arbitrary<String> call = Combinators.combine(Arbitraries.of(NAMES),
        arg.list().ofMaxSize(3)).as((n, args) -> n + "(" + String.join(", ", args) + ")");
    return call.list().ofMinSize(1).ofMaxSize(4).flatMap(calls -> Arbitraries.of("&&", "||",
        "&& !").list().ofSize(calls.size() - 1).map(ops -> {
          StringBuilder b = new StringBuilder(calls.get(0));
          for (int i = 0; i < ops.size(); i++) {
            b.append(' ').append(ops.get(i)).append(' ').append(calls.get(i + 1));
          }
          return b.toString();
        }));
  }

  @Property(tries = 2000)
  void parserYieldsARuleOrRuleSyntaxException(@ForAll("junk") String rule,
      @ForAll boolean v2) {
    assertOnlyDocumentedOutcome(rule, v2 ? "v2" : "v3");
  }

  @Property(tries = 2000)
  void compilerYieldsAMatcherOrRuleSyntaxException(@ForAll("ruleish") String rule,
      @ForAll boolean v2) {
    assertOnlyDocumentedOutcome(rule, v2 ? "v2" : "v3");
  }

  private static void assertOnlyDocumentedOutcome(String rule, String syntax) {
    try {
      assertThat(Rules.compile(rule, syntax)).isNotNull();
      assertThat(Rules.check(rule, syntax)).isEmpty();
    } catch (RuleSyntaxException e) {
      assertThat(e.getMessage()).startsWith("error while parsing rule ");
      assertThat(Rules.check(rule, syntax)).contains(e.getMessage());
    }
  }

  @Property(tries = 2000)
  void goRegexYieldsAPatternOrIllegalArgument(
      @ForAll("regexJunk") String pattern) {
    try {
      assertThat(GoRegex.compile(pattern)).isNotNull();
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).startsWith("error parsing regexp: ");
    }
  }

  @Provide
  Arbitrary<String> regexJunk() {
    return Arbitraries.strings().withChars("ab()[]{}^$*+?.|\\:<>=!PpQEdsvx0123789,-_&i-ms")
        .ofMaxLength(24);
  }

  @Provide
  Arbitrary<BasicRequest> requests() {
    Arbitrary<String> text = Arbitraries.strings().withChars("/ab%2F.é:?=&+[]{} \n")
        .ofMaxLength(20);
    Arbitrary<String> remote = Arbitraries.of("10.0.0.1:80", "[::1]:1", "::ffff:10.1.2.3",
        "1", "", "garbage", "192.168.1.7");
    return Combinators.combine(Arbitraries.of("GET", "get", "POST", ""), text, text,
        text.list().ofMaxSize(3), remote).as((m, host, path, values, ip) -> new BasicRequest(
            m, host, path, Map.of("q", values, "mobile", values), Map.of("X-Forwarded-Proto",
            values, "Content-Type", values), GoIp.fromRemoteAddr(ip)));
  }

  @Property(tries = 1000)
  void compiledMatchersNeverThrow(@ForAll("requests") BasicRequest request) throws Exception {
    for (String rule : List.of(
        "Host(`example.com.`) || HostRegexp(`^[a-z]+\\.(com|org)$`) && !Method(`GET`)",
        "PathPrefix(`/a`) || PathRegexp(`(?i)^/b[[:alpha:]]*$`) || Path(`/`)",
        "Header(`X-Forwarded-Proto`, `https`) || HeaderRegexp(`content-type`, `^a{1,3}$`)",
        "Query(`q`) || QueryRegexp(`q`, `é+`) || Query(`mobile`, `a`)",
        "ClientIP(`10.0.0.0/8`) || ClientIP(`::1`)", "HostRegexp(`^(a|b)*$`)")) {
      assertThat(Rules.compile(rule, "v3").matches(request)).isIn(true, false);
    }
    for (String rule : List.of("Host(`a`, `b.`) || HostRegexp(`{x:[a-z]+}.com`, `{y}`)",
        "Path(`/a/{id:[0-9]+}`, `/{x}`) || PathPrefix(`/b-{n:[0-9]?}`)",
        "Headers(`X-Forwarded-Proto`, `https`) || HeadersRegexp(`Content-Type`, `json`)",
        "Query(`q=`, `mobile={v:.*}`) || Method(`GET`, `post`) || ClientIP(`10.0.0.1`, `::/0`)")) {
      assertThat(Rules.compile(rule, "v2").matches(request)).isIn(true, false);
    }
  }

  @Property(tries = 2000)
  void routingPathYieldsAPathOrIllegalArgument(@ForAll("paths") String raw) {
    try {
      assertThat(RoutingPath.of(raw)).isNotNull();
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).contains("invalid percent-encoding");
    }
  }

  @Provide
  Arbitrary<String> paths() {
    return Arbitraries.strings().withChars("/a%2Ffz0 {}é?#").ofMaxLength(20);
  }
}
