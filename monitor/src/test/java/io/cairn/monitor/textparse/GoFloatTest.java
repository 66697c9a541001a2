package io.cairn.monitor.textparse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Values as Go's strconv.ParseFloat reads them, minus what Prometheus refuses. */
class GoFloatTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1|1.0",
        "-1.5e-3|-0.0015",
        "+2|2.0",
        ".5|0.5",
        "5.|5.0",
        "1E+3|1000.0",
        "1e-3|0.001",
        "007|7.0",
        "7.424100000000001e-05|7.424100000000001e-05",
        "1.7976931348623157e308|1.7976931348623157e308",
        "1e-400|0.0",
        "4.9e-324|4.9e-324",
        "+Inf|Infinity",
        "inf|Infinity",
        "+INF|Infinity",
        "Infinity|Infinity",
        "-inf|-Infinity",
        "-Infinity|-Infinity",
        "1.0E10|1.0E10",
      })
  void accepts(String text, double expected) {
    assertThat(GoFloat.parse(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"NaN", "nan", "NAN", "nAn"})
  void everyNanIsTheNormalNan(String text) {
    assertThat(Double.doubleToRawLongBits(GoFloat.parse(text))).isEqualTo(Parser.NORMAL_NAN_BITS);
  }

  @ParameterizedTest
  @ValueSource(strings = {"-0", "-0.0", "-0e5"})
  void negativeZeroStaysNegative(String text) {
    assertThat(Double.doubleToRawLongBits(GoFloat.parse(text))).isEqualTo(Double.doubleToRawLongBits(-0.0));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "", "+", "-", ".", "e5", ".e5", "1e", "1e+", "1.2.3", "+nan", "-NaN", "infin", "infinityy",
        "1d", "1f", " 1", "1 ", "1,5", "0x10", "1_000", "١", "++1", "--1", "1e5.0", "Inf1"
      })
  void refusesWhatGoRefuses(String text) {
    assertThatThrownBy(() -> GoFloat.parse(text)).isInstanceOf(NumberFormatException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0x1p3", "1_0", "0X1P-2", "p"})
  void refusesHexFloatsAndUnderscoresAsPrometheusDoes(String text) {
    assertThatThrownBy(() -> GoFloat.parse(text)).hasMessageStartingWith("unsupported character in float");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e309", "-1e400", "1.8e308"})
  void outOfRangeIsAnError(String text) {
    assertThatThrownBy(() -> GoFloat.parse(text)).hasMessageEndingWith(": value out of range");
  }

  /** The byte fast path gives the bits (or the error) of the string path for any decimal-ish text. */
  @net.jqwik.api.Property(tries = 5000)
  void bytesParseAsString(@net.jqwik.api.ForAll("decimals") String text) {
    byte[] b = ("x" + text + "y").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    String want;
    try {
      want = Long.toHexString(Double.doubleToRawLongBits(GoFloat.parse(text)));
    } catch (NumberFormatException e) {
      want = e.getMessage();
    }
    String got;
    try {
      got = Long.toHexString(Double.doubleToRawLongBits(GoFloat.parse(b, 1, b.length - 1)));
    } catch (NumberFormatException e) {
      got = e.getMessage();
    }
    assertThat(got).as(text).isEqualTo(want);
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<String> decimals() {
    return net.jqwik.api.Arbitraries.of("0", "1", "2", "5", "9", ".", "-", "+", "e", "00", "123456789", "Inf", "NaN")
        .list().ofMaxSize(8).map(l -> String.join("", l));
  }
}
