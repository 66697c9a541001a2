package io.cairn.gateway.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.gateway.router.Rule.And;
import io.cairn.gateway.router.Rule.Call;
import io.cairn.gateway.router.Rule.Not;
import io.cairn.gateway.router.Rule.Or;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Traefik's pkg/rules/parser_test.go ported, plus Go-lexer details of the rule text. */
class RuleParserTest {

  static Rule parse(String rule) throws RuleSyntaxException {
    return Rules.parse(rule, "v3");
  }

  static Call host(String... args) {
    return new Call("Host", List.of(args));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Host", "Host(`1`) &&", "Host(`1`) ||", "Host(`1)", "Host(`1`))",
      "(Host(`1`)", "W(`1`)", "Host('a')", "Host(1)", "Host(a)", "Host(`a` `b`)",
      "Host(`a`) Host(`b`)", "Host(`a`) & Path(`/`)", "Host(`a`) == Host(`b`)", "\"a\"",
      "!\"a\"", "Host(`a`)\n&& Path(`/`)", "Host(`a`\n)", "a.Host(`x`)", "(Host)(`a`)",
      "Host(`a`)(`b`)", "Host(\"\\q\")", "Host(\"a)", "/* open", "Host(`a`) # x",
      "Host(\"\\uD800\")", "Host(`a`,,)"})
  void refuses(String rule) {
    assertThatThrownBy(() -> parse(rule)).isInstanceOf(RuleSyntaxException.class)
        .satisfies(e -> assertThat(((RuleSyntaxException) e).rule()).isEqualTo(rule));
  }

  @Test
  void emptyRuleSaysWhatGoSays() {
    assertThatThrownBy(() -> parse("")).hasMessage(
        "error while parsing rule : 1:1: expected operand, found 'EOF'");
  }

  @Test
  void treesAsTraefikBuildsThem() throws Exception {
    assertThat(parse("Host()")).isEqualTo(host());
    assertThat(parse("Host(``)")).isEqualTo(host(""));
    assertThat(parse("Host(`1`)")).isEqualTo(host("1"));
    assertThat(parse("(Host(`1`))")).isEqualTo(host("1"));
    assertThat(parse("HOST(`1`)")).isEqualTo(host("1"));
    assertThat(parse("host(`1`)")).isEqualTo(host("1"));
    assertThat(parse("Host(`1`, `2`)")).isEqualTo(host("1", "2"));
    assertThat(parse("Host(`1`, `2`,)")).as("Go allows a trailing comma").isEqualTo(host("1", "2"));
    assertThat(parse("!Host(`1`)")).isEqualTo(new Not(host("1")));
    assertThat(parse("Host(`1`) && Host(`2`)")).isEqualTo(new And(host("1"), host("2")));
    assertThat(parse("Host(`1`) || Host(`2`)")).isEqualTo(new Or(host("1"), host("2")));
    assertThat(parse("!(Host(`1`) && Host(`2`))"))
        .isEqualTo(new Not(new And(host("1"), host("2"))));
    assertThat(parse("Host(`1`) || Host(`2`) && Host(`3`)"))
        .isEqualTo(new Or(host("1"), new And(host("2"), host("3"))));
    assertThat(parse("Host(`1`) && Host(`2`) && Host(`3`)"))
        .isEqualTo(new And(new And(host("1"), host("2")), host("3")));
    assertThat(parse("!!Host(`1`)")).isEqualTo(new Not(new Not(host("1"))));
  }

  @Test
  void matcherSpellingsAreTraefiks() throws Exception {
    for (String name : List.of("PathPrefix", "pathprefix", "PATHPREFIX", "Pathprefix")) {
      assertThat(parse(name + "(`/a`)")).isEqualTo(new Call("PathPrefix", List.of("/a")));
    }
    assertThatThrownBy(() -> parse("pathPrefix(`/a`)")).hasMessageEndingWith(
        "unsupported function: pathPrefix");
    assertThatThrownBy(() -> Rules.parse("HostHeader(`a`)", "v3"))
        .hasMessageEndingWith("unsupported function: HostHeader");
    assertThat(Rules.parse("HostHeader(`a`)", "v2"))
        .isEqualTo(new Call("HostHeader", List.of("a")));
    assertThat(Rules.parse("Headers(`a`, `b`)", "V2")).isEqualTo(
        new Call("Headers", List.of("a", "b")));
    assertThat(Rules.parse("Header(`a`, `b`)", "v4")).as("unknown syntax falls back to v3")
        .isEqualTo(new Call("Header", List.of("a", "b")));
  }

  @Test
  void stringLiteralsAreGos() throws Exception {
    assertThat(parse("Host(\"a\\\"b\")")).isEqualTo(host("a\"b"));
    assertThat(parse("Host(\"\\x41\\101\\u00e9\\U0001F9AD\\t\")"))
        .isEqualTo(host("AAé\uD83E\uDDAD\t"));
    assertThat(parse("Host(`a\\.b`)")).as("raw strings keep backslashes").isEqualTo(host("a\\.b"));
    assertThat(parse("Host(`a\r\nb`)")).as("raw strings drop CR").isEqualTo(host("a\nb"));
    assertThat(parse("Host(`a`) /* x */ && /* y\n */ Host(`b`) // z"))
        .isEqualTo(new And(host("a"), host("b")));
    assertThat(parse("Host(`a`) &&\n  Host(`b`)\n")).as("newline after && is fine")
        .isEqualTo(new And(host("a"), host("b")));
  }

  @Test
  void deepNestingIsRefusedNotOverflowed() {
    String deep = "(".repeat(10_000) + "Host(`a`)" + ")".repeat(10_000);
    assertThatThrownBy(() -> parse(deep)).hasMessageContaining("nests deeper");
    assertThatThrownBy(() -> parse("!".repeat(10_000) + "Host(`a`)"))
        .hasMessageContaining("nests deeper");
  }
}
