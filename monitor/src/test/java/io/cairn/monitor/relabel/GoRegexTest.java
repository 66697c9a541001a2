package io.cairn.monitor.relabel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoRegexTest {
  @ParameterizedTest(name = "{0} matches {1}: {2}")
  @CsvSource(delimiter = '|', value = {
    "foo|foo|true",
    "foo|foox|false",
    "f|foo|false",
    "a|b|false",
    "foo$|foo|true",
    "foo|'foo\n'|false",
    "foo$|'foo\n'|false",
    "a.c|'a\nc'|false",
    "(?s)a.c|'a\nc'|true",
    "a.c|'a\rc'|true",
    "\\v|'\u000b'|true",
    "\\s|'\u000b'|false",
    "[[:alpha:]]+|abc|true",
    "[[:^digit:]]|a|true",
    "[[:digit:]]|a|false",
    "[a[]+|a[a|true",
    "[a&&b]+|a&b|true",
    "\\101|A|true",
    "\\0|'\u0000'|true",
    "a{2}|aa|true",
    "a{|a{|true",
    "x{2,}y|xxxy|true",
    "(?i)abc|ABC|true",
    "\\pL+|héllo|true",
    "\\p{Greek}+|αβ|true",
    "\\Q.*\\E|.*|true",
    "\\Q.*\\E|ab|false",
    "\\x41\\x{42}|AB|true",
    "(?P<x>a)(b)|ab|true",
    "(?m)^b$|b|true",
  })
  void matchesLikeGo(String re, String input, boolean expected) {
    assertThat(GoRegex.compile(re).matches(input)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "(", "a)", "[a", "*a", "a**", "a*+", "a++", "a{2}{3}", "a{1001}", "a{2,1}", "(?=a)", "(?!a)", "(?<=a)b",
    "(?<n>a)", "(?>a)", "\\1", "(a)\\1", "\\8", "\\h", "\\", "(?P<>a)", "(?P<a-b>a)", "(?P<x>a)(?P<x>b)",
    "(?U)a*", "(?x)a", "[[:foo:]]", "\\x{110000}", "\\xZZ", "\\p{}",
  })
  void refusesWhatGoRefuses(String re) {
    assertThatThrownBy(() -> GoRegex.compile(re))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("error parsing regexp: ");
  }

  @Test
  void messageQuotesAnchoredExpression() {
    assertThatThrownBy(() -> GoRegex.compile("(")).hasMessageContaining("`^(?:()$`");
  }

  @Test
  void submatchIndexesLikeGo() {
    GoRegex re = GoRegex.compile("(a)|(b)");
    assertThat(re.submatches("b")).containsExactly(0, 1, -1, -1, 0, 1);
    assertThat(re.submatches("c")).isNull();
    assertThat(re.expr()).isEqualTo("(a)|(b)");
    assertThat(re).isEqualTo(GoRegex.compile("(a)|(b)")).hasSameHashCodeAs(GoRegex.compile("(a)|(b)"));
  }
}
