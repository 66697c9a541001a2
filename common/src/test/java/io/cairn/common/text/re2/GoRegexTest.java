package io.cairn.common.text.re2;

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
    "(?P<x>a)(?P<x>b)|ab|true",
    "(?U)a*|aaa|true",
    "(?)a|a|true",
    "a*(?i)*|aaa|true",
    "^*a|a|true",
    "a{01}|a{01}|true",
    "[\\d-z]|-|true",
    "[]a]|]|true",
    "[^]a]|b|true",
    "\\S|'\u000b'|true",
    "[^\\s]|'\u000b'|true",
    "a\\b|a|true",
    "\\bé|é|false",
    "(?i)[^k]|K|false",
    "\\pC|'\u0378'|false",
    "\\d|٣|false",
    "(?s-s:.)|'\n'|false",
    "(?i:a)A|aa|false",
    "a{,5}|a{,5}|true",
  })
  void matchesLikeGo(String re, String input, boolean expected) {
    assertThat(GoRegex.compile(re).matches(input)).isEqualTo(expected);
  }

  /** Messages checked against Prometheus 2.42 (Go 1.19's regexp.Compile of {@code ^(?:re)$}). */
  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', value = {
    "(|missing closing ): `^(?:()$`",
    "a)|unexpected ): `^(?:a))$`",
    "[a|missing closing ]: `[a)$`",
    "*a|missing argument to repetition operator: `*`",
    "'a|*'|missing argument to repetition operator: `*`",
    "a**|invalid nested repetition operator: `**`",
    "a*?*|invalid nested repetition operator: `*?*`",
    "a???|invalid nested repetition operator: `???`",
    "a*+|invalid nested repetition operator: `*+`",
    "a{2}{3}|invalid nested repetition operator: `{2}{3}`",
    "a*{1001}|invalid repeat count: `{1001}`",
    "a{1001}|invalid repeat count: `{1001}`",
    "a{2,1}|invalid repeat count: `{2,1}`",
    "(a{100}){11}|invalid repeat count: `{11}`",
    "((a{10}){10}){11}|invalid repeat count: `{11}`",
    "(?=a)|invalid or unsupported Perl syntax: `(?=`",
    "(?<=a)b|invalid or unsupported Perl syntax: `(?<`",
    "(?<n>a)|invalid or unsupported Perl syntax: `(?<`",
    "(?>a)|invalid or unsupported Perl syntax: `(?>`",
    "(?P=n)|invalid or unsupported Perl syntax: `(?P`",
    "(?x)a|invalid or unsupported Perl syntax: `(?x`",
    "(?i-)a|invalid or unsupported Perl syntax: `(?i-)`",
    "(?i--s)a|invalid or unsupported Perl syntax: `(?i--`",
    "(?P<n|invalid named capture: `(?P<n)$`",
    "(?P<>a)|invalid named capture: `(?P<>`",
    "(?P<a-b>a)|invalid named capture: `(?P<a-b>`",
    "\\1|invalid escape sequence: `\\1`",
    "(a)\\1|invalid escape sequence: `\\1`",
    "\\8|invalid escape sequence: `\\8`",
    "\\h|invalid escape sequence: `\\h`",
    "\\C|invalid escape sequence: `\\C`",
    "\\é|invalid escape sequence: `\\é`",
    "\\x{110000}|invalid escape sequence: `\\x{110000`",
    "\\xZZ|invalid escape sequence: `\\xZZ`",
    "\\x{}|invalid escape sequence: `\\x{}`",
    "\\x1|invalid escape sequence: `\\x1)`",
    "[\\Q]|invalid escape sequence: `\\Q`",
    "[[:foo:]]|invalid character class range: `[:foo:]`",
    "\\p{}|invalid character class range: `\\p{}`",
    "\\p{greek}|invalid character class range: `\\p{greek}`",
    "\\pX|invalid character class range: `\\pX`",
    "\\p{Greek|invalid character class range: `\\p{Greek)$`",
    "[z-a]|invalid character class range: `z-a`",
    "[]|missing closing ]: `[])$`",
    "\\Q.*|missing closing ): `^(?:\\Q.*)$`",
  })
  void refusesWithGoMessage(String re, String message) {
    assertThatThrownBy(() -> GoRegex.compile(re))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("error parsing regexp: " + message);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a)(", "a)b("})
  void matcherAlsoParsesTheExpressionAlone(String re) {
    assertThat(GoRegex.compile(re).expr()).isEqualTo(re); // fine inside ^(?:...)$, as for relabelling
    assertThatThrownBy(() -> GoRegex.compileMatcher(re)).hasMessage("error parsing regexp: unexpected ): `" + re + "`");
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
