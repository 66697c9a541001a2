package io.cairn.common.text.re2;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Go's regexp.Expand semantics, against the anchored (a)(b)(?P<n_1>c) matching "abc". */
class GoExpandTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "NULL",
      emptyValue = "",
      value = {
        "$1|a",
        "${1}|a",
        "$1x|''",
        "${1}x|ax",
        "$2$1|ba",
        "$$1|$1",
        "$|$",
        "x$|x$",
        "${1|${1",
        "${}|${}",
        "$-|$-",
        "$0|abc",
        "$01|''",
        "$9|''",
        "$n_1|c",
        "${n_1}!|c!",
        "$3|c",
        "$nope|''",
        "a$1b$2c|a",
        "$100000000|''",
      })
  void expands(String template, String expected) {
    GoRegex re = GoRegex.compile("(a)(b)(?P<n_1>c)");
    int[] m = re.submatches("abc");
    assertThat(re.expand(template, "abc", m)).isEqualTo(expected.equals("''") ? "" : expected);
  }
}
