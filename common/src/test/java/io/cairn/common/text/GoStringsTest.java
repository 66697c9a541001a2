package io.cairn.common.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GoStringsTest {
  @Test
  void quotesAsGoStrconvQuote() {
    assertThat(GoStrings.quote("a\"b\\c\nd\te\u0007\u0000\u007fé")).isEqualTo("\"a\\\"b\\\\c\\nd\\te\\a\\x00\\x7fé\"");
    assertThat(GoStrings.quote("x\uD800y")).isEqualTo("\"x\\ufffdy\"");
    StringBuilder sb = new StringBuilder("k=");
    GoStrings.quote("v", sb);
    assertThat(sb).hasToString("k=\"v\"");
  }

  @Test
  void shortensLongRenderings() {
    assertThat(GoStrings.quote("abcdef", 4)).isEqualTo("\"abc...\"");
    assertThat(GoStrings.quote("ab", 4)).isEqualTo("\"ab\"");
  }
}
