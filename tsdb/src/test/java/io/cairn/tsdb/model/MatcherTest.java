package io.cairn.tsdb.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MatcherTest {
  @Test
  void unbalancedParenthesesAreReportedInGoRegexpWords() {
    // As Prometheus 2.42 (seen against the real server in PromqlDifferentialIT).
    assertThatThrownBy(() -> Matcher.of(Matcher.Type.REGEX, "job", "("))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("error parsing regexp: missing closing ): `^(?:()$`");
    assertThatThrownBy(() -> Matcher.of(Matcher.Type.NOT_REGEX, "job", "a)"))
        .hasMessage("error parsing regexp: unexpected ): `^(?:a))$`");
    assertThatThrownBy(() -> Matcher.of(Matcher.Type.REGEX, "job", "[a"))
        .hasMessageStartingWith("invalid regular expression in matcher job=~\"[a\": ");
    assertThat(Matcher.of(Matcher.Type.REGEX, "job", "a|b").matches("b")).isTrue();
  }
}
