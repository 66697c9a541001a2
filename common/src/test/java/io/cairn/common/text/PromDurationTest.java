package io.cairn.common.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PromDurationTest {
  @ParameterizedTest(name = "{0} = {1} ms, formats as {2}")
  @CsvSource({
    "0,0,0s", "0s,0,0s", "5s,5000,5s", "100ms,100,100ms", "1h30m,5400000,1h30m", "90m,5400000,1h30m",
    "1d,86400000,1d", "1w,604800000,1w", "1y,31536000000,1y", "14d,1209600000,2w", "8d,691200000,8d",
    "1y1w1d1h1m1s1ms,32230861001,373d1h1m1s1ms", "292y,9208512000000,292y",
  })
  void parsesAndFormats(String text, long millis, String formatted) {
    PromDuration d = PromDuration.parse(text);
    assertThat(d.millis()).isEqualTo(millis);
    assertThat(d.toString()).isEqualTo(formatted);
    assertThat(PromDuration.parse(d.toString())).isEqualTo(d);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1x", "1h1h", "1m1h", "-1s", "1.5s", "1S", " 1s", "s", "1", "00", "1s1ms1s"})
  void rejectsMalformed(String text) {
    assertThatThrownBy(() -> PromDuration.parse(text)).hasMessage("not a valid duration string: \"" + text + "\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1000y", "293y", "99999999999999999999s"})
  void rejectsOutOfRange(String text) {
    assertThatThrownBy(() -> PromDuration.parse(text)).hasMessage("duration out of range");
  }

  @org.junit.jupiter.api.Test
  void rejectsEmpty() {
    assertThatThrownBy(() -> PromDuration.parse("")).hasMessage("empty duration string");
  }
}
