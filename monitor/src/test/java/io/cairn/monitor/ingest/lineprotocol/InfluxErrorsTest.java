package io.cairn.monitor.ingest.lineprotocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InfluxErrorsTest {
  private static ParseResult decode(String body) throws LineProtocolException {
    return new LineProtocolDecoder().decode(body.getBytes(StandardCharsets.UTF_8), Precision.NANOSECONDS, 0);
  }

  @Test
  void v1EveryLineFailed() throws Exception {
    ParseResult r = decode("bad\n");
    assertThat(InfluxErrors.v1Body(InfluxErrors.v1ParseMessage(r)))
        .isEqualTo("{\"error\":\"unable to parse 'bad': missing fields\"}\n");
  }

  @Test
  void v1PartialWrite() throws Exception {
    ParseResult r = decode("cpu f=1\nbad\nm,t=v f=\"x\n");
    assertThat(InfluxErrors.v1Body(InfluxErrors.v1ParseMessage(r)))
        .isEqualTo(
            "{\"error\":\"partial write: unable to parse 'bad': missing fields\\n"
                + "unable to parse 'm,t=v f=\\\"x': unbalanced quotes dropped=0\"}\n");
    assertThat(InfluxErrors.v1PartialWrite("field type conflict", 2))
        .isEqualTo("partial write: field type conflict dropped=2");
  }

  @Test
  void v2RejectsTheBatch() throws Exception {
    ParseResult r = decode("cpu f=1\nbad\n");
    assertThat(InfluxErrors.v2ParseError(r))
        .isEqualTo("{\"code\":\"invalid\",\"message\":\"unable to parse 'bad': missing fields\"}\n");
  }

  @Test
  void tooLarge() {
    assertThat(InfluxErrors.v1TooLarge()).isEqualTo("{\"error\":\"Request Entity Too Large\"}\n");
    assertThat(InfluxErrors.v2TooLarge())
        .isEqualTo(
            "{\"code\":\"request too large\",\"message\":\"unable to read data: points batch is too large\"}\n");
  }

  @Test
  void jsonEscapesAsGoDoes() {
    assertThat(InfluxErrors.v1Body("a<b>&\"c\"\\\t\u0001\u2028é\uD83D\uDE00"))
        .isEqualTo("{\"error\":\"a\\u003cb\\u003e\\u0026\\\"c\\\"\\\\\\t\\u0001\\u2028é\uD83D\uDE00\"}\n");
    assertThat(InfluxErrors.v2Body("invalid", "x\uD800y"))
        .isEqualTo("{\"code\":\"invalid\",\"message\":\"x\\ufffdy\"}\n");
  }

  @Test
  void moreFailedLinesThanKeptAreSummed() throws Exception {
    ParseResult r =
        new LineProtocolDecoder(new LineProtocolLimits(1000, 100, 10, 1))
            .decode("a\nb\nc\n".getBytes(StandardCharsets.UTF_8), Precision.NANOSECONDS, 0);
    assertThat(InfluxErrors.joinedErrors(r))
        .isEqualTo("unable to parse 'a': missing fields\nand 2 more lines could not be parsed");
  }

  @Test
  void v1HeaderIsOneLineOfAtMost1024Bytes() {
    assertThat(InfluxErrors.v1ErrorHeader("a\nb")).isEqualTo("a b");
    String longText = "é".repeat(600); // 1200 bytes
    assertThat(InfluxErrors.v1ErrorHeader(longText)).isEqualTo("é".repeat(512));
  }

  @ParameterizedTest
  @CsvSource({"'',NANOSECONDS", "n,NANOSECONDS", "ns,NANOSECONDS", "u,MICROSECONDS", "ms,MILLISECONDS",
      "s,SECONDS", "m,MINUTES", "h,HOURS"})
  void v1Precisions(String param, Precision expected) throws Exception {
    assertThat(Precision.v1(param)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"'',NANOSECONDS", "ns,NANOSECONDS", "us,MICROSECONDS", "ms,MILLISECONDS", "s,SECONDS"})
  void v2Precisions(String param, Precision expected) throws Exception {
    assertThat(Precision.v2(param)).isEqualTo(expected);
  }

  @Test
  void unknownPrecisionsAreRefusedWithInfluxDbsMessages() throws Exception {
    assertThat(Precision.v1(null)).isEqualTo(Precision.NANOSECONDS);
    assertThat(Precision.v2(null)).isEqualTo(Precision.NANOSECONDS);
    assertThatThrownBy(() -> Precision.v1("us"))
        .hasMessage("invalid precision \"us\" (use n, u, ms, s, m or h)");
    assertThatThrownBy(() -> Precision.v1("x\"y"))
        .hasMessage("invalid precision \"x\\\"y\" (use n, u, ms, s, m or h)");
    assertThatThrownBy(() -> Precision.v2("h"))
        .hasMessage("invalid precision; valid precision units are ns, us, ms, and s");
    assertThatThrownBy(() -> Precision.v2("u"))
        .hasMessage("invalid precision; valid precision units are ns, us, ms, and s");
  }
}
