package io.cairn.tsdb.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Regex matchers as Prometheus 2.42's labels.NewMatcher: Go RE2, anchored, Go's error text. */
class MatcherTest {
  @ParameterizedTest(name = "{0} matches {1}: {2}")
  @CsvSource(delimiter = '|', value = {
    "foo|foo|true",
    "foo|foox|false",
    "foo|xfoo|false",
    "'a|b'|a|true",
    "'a|b'|ab|false",
    "'a|b|'|''|true",
    "foo.*|foobar|true",
    "foo.*|'foo\nbar'|false",
    "foo.*|fo|false",
    ".*|''|true",
    ".*|'a\nb'|false",
    ".+|''|false",
    ".+|x|true",
    "(?s).*|'a\nb'|true",
    "(?P<word>[[:alpha:]]+)|abc|true",
    "[[:alpha:]]+|ab1|false",
    "\\pL+|héllo|true",
    "\\p{Greek}+|αβ|true",
    "a$|'a\n'|false",
    "\\s|'\u000b'|false",
    "(?i)abc|ABC|true",
    "x{2}|xx|true",
    "a{|a{|true",
    "(a)|a|true",
  })
  void regexLikeGo(String re, String value, boolean expected) {
    assertThat(Matcher.of(Matcher.Type.REGEX, "l", re).matches(value)).isEqualTo(expected);
    assertThat(Matcher.of(Matcher.Type.NOT_REGEX, "l", re).matches(value)).isEqualTo(!expected);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', value = {
    "[a|missing closing ]: `[a)$`",
    "[|missing closing ]: `[)$`",
    "*|missing argument to repetition operator: `*`",
    "a**|invalid nested repetition operator: `**`",
    "(|missing closing ): `^(?:()$`",
    "a)(|unexpected ): `a)(`",
    "(?<n>a)|invalid or unsupported Perl syntax: `(?<`",
    "\\1|invalid escape sequence: `\\1`",
    "a{1001}|invalid repeat count: `{1001}`",
  })
  void badRegexHasGoMessage(String re, String message) {
    assertThatThrownBy(() -> Matcher.of(Matcher.Type.REGEX, "l", re))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("error parsing regexp: " + message);
  }

  @Test
  void equalityMatchersAndAccessors() {
    Matcher m = Matcher.of(Matcher.Type.NOT_EQUAL, "job", "a\"b");
    assertThat(m.matches("a\"b")).isFalse();
    assertThat(m.matches("")).isTrue();
    assertThat(m.pattern()).isNull();
    assertThat(m).hasToString("job!=\"a\\\"b\"");
    Matcher r = Matcher.of(Matcher.Type.REGEX, "job", "a.*");
    assertThat(r.pattern().matcher("abc").matches()).isTrue();
    assertThat(r).isEqualTo(Matcher.of(Matcher.Type.REGEX, "job", "a.*")).isNotEqualTo(Matcher.of(Matcher.Type.NOT_REGEX, "job", "a.*"));
    assertThat(r.matchesEmpty()).isFalse();
    assertThat(Matcher.of(Matcher.Type.REGEX, "job", "a|").matchesEmpty()).isTrue();
  }

  @Test
  void catastrophicBacktrackingStopsAtTheBudgetInsteadOfSpinning() {
    Matcher m = Matcher.of(Matcher.Type.REGEX, "a", "(.*a){10}");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> m.matches("a".repeat(40) + "c"))
        .isInstanceOf(RegexBudgetExceededException.class).hasMessageContaining("(.*a){10}");
    org.assertj.core.api.Assertions.assertThat(m.matches("a".repeat(12))).isTrue();
    org.assertj.core.api.Assertions.assertThat(Matcher.of(Matcher.Type.REGEX, "a", "(x|y)+z").matches("xy".repeat(300) + "z")).isTrue();
  }

  @Test
  void unbalancedParenthesesAreReportedInGoRegexpWords() {
    // As Prometheus 2.42 (seen against the real server in PromqlDifferentialIT).
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Matcher.of(Matcher.Type.REGEX, "job", "("))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("error parsing regexp: missing closing ): `^(?:()$`");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Matcher.of(Matcher.Type.NOT_REGEX, "job", "a)"))
        .hasMessage("error parsing regexp: unexpected ): `^(?:a))$`");
  }
}
