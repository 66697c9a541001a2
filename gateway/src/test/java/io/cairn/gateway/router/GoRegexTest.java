package io.cairn.gateway.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Go regexp semantics on java.util.regex: what RE2 matches, and what it refuses. */
class GoRegexTest {

  static boolean find(String goPattern, String input) {
    Pattern p = GoRegex.compile(goPattern);
    return RegexMatch.find(p, input);
  }

  @ParameterizedTest(name = "{0} on \"{1}\" = {2}")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
      "(?P<name>a+)b|aab|true", "(?<name>a)|a|true", "(?P<my_name1>a)|a|true",
      "(?P<1x>a)|a|true", "a{|a{|true", "a{,3}|a{,3}|true", "a{2}|aa|true", "a{2}|a|false",
      "x{1,}y|xxy|true", "^abc$|'abc\n'|false", "(?m)^abc$|'abc\nx'|true", "\\Aab\\z|ab|true",
      "\\12|'\n'|true", "\\0|'\u0000'|true", "\\x41|A|true", "\\x{1F9AD}|\uD83E\uDDAD|true",
      "\\v|'\u000B'|true", "\\s|'\u000B'|false", "\\s|' '|true", "[\\s]|'\t'|true",
      "\\S|a|true", "[[:alpha:]]+$|abc|true", "[[:^digit:]]|5|false", "[[:digit:]]|5|true",
      "[a&&b]|&|true", "[[]|[|true", "[]a]|]|true", "[^]a]|b|true", "\\pL|é|true",
      "\\p{Greek}|α|true", "\\P{Greek}|α|false", "\\p{^Greek}|α|false", ".|'\r'|true",
      ".|'\n'|false", "(?s).|'\n'|true", "(?i)straße|STRASSE|false", "(?i)é|É|true",
      "\\Q.*\\E|.*|true", "\\Q.*\\E|ab|false", "a.c|abc|true", "\\.|a|false",
      "(?i)^[A-Z]+$|abc|true", "(?i:A)b|aB|false", "(?:ab)+|abab|true",
      "\\p{Any}|x|true", "[\\d-]|-|true", "a*?|aaa|true", "\\#|#|true"})
  void matchesAsGoDoes(String pattern, String input, boolean expected) {
    assertThat(find(pattern, input)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"(a", "a)", "[a", "*a", "a**", "a*+", "a++", "a?+", "a{2}{3}",
      "a{1001}", "a{3,2}", "(?=a)", "(?!a)", "(?<=a)", "(?<!a)", "(?>a)", "\\1", "(a)\\1", "\\8",
      "\\Z", "\\e", "\\h", "\\R", "\\k<x>", "\\G", "\\X", "\\C", "(?P<a>x)(?P<a>y)", "(?P<>x)",
      "(?P<a-b>x)", "(?)", "(?-)", "(?i-)", "(?x)", "(?U)a", "\\", "\\p{", "\\p{Greek",
      "[z-a]", "x\\xZZ", "\\x{110000}", "[\\b]", "\\p1"})
  void refusesWhatGoRefuses(String pattern) {
    assertThatThrownBy(() -> GoRegex.compile(pattern))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("error parsing regexp: ");
  }

  @Test
  void catastrophicBacktrackingCountsAsNoMatchInsteadOfThrowing() {
    Pattern p = GoRegex.compile("^(a|b)*$");
    String input = "ab".repeat(200_000) + "c";
    assertThat(RegexMatch.find(p, input)).isFalse();
  }

  @Test
  void muxTemplates() {
    assertThat(MuxTemplate.compile("/css{path:(/.*)?}", MuxTemplate.Kind.PATH).pattern())
        .isEqualTo("^/css((/.*)?)\\z");
    assertThat(MuxTemplate.quoteMeta("a.b+c*(d)[e]{f}^$|\\")).isEqualTo(
        "a\\.b\\+c\\*\\(d\\)\\[e\\]\\{f\\}\\^\\$\\|\\\\");
    assertThatThrownBy(() -> MuxTemplate.compile("/{}", MuxTemplate.Kind.PATH))
        .hasMessage("mux: missing name or pattern in \"{}\"");
    assertThatThrownBy(() -> MuxTemplate.compile("/{a", MuxTemplate.Kind.PATH))
        .hasMessage("mux: unbalanced braces in \"/{a\"");
    assertThatThrownBy(() -> MuxTemplate.compile("/{a:(}", MuxTemplate.Kind.PATH))
        .hasMessageStartingWith("error parsing regexp: ");
  }
}
