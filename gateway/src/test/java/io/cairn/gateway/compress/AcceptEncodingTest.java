package io.cairn.gateway.compress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Traefik's {@code getCompressionEncoding} cases ({@code acceptencoding_test.go}), default encodings zstd, br, gzip. */
class AcceptEncodingTest {
  private static final List<Encoding> ALL = List.of(Encoding.ZSTD, Encoding.BR, Encoding.GZIP);

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "''                             | ''   | identity",
      "gzip                           | ''   | gzip",
      "br                             | ''   | br",
      "zstd                           | ''   | zstd",
      "gzip, br                       | ''   | br",
      "gzip, br, zstd                 | ''   | zstd",
      "'gzip, deflate, br, zstd'      | ''   | zstd",
      "*                              | ''   | zstd",
      "*                              | gzip | gzip",
      "gzip;q=1.0, br;q=0.8           | ''   | gzip",
      "gzip;q=0.8, br;q=1.0           | ''   | br",
      "zstd;q=0.5, br;q=0.5, gzip     | ''   | gzip",
      "gzip;q=0, br;q=0               | ''   | identity",
      "identity                       | ''   | identity",
      "identity, gzip;q=0.5           | ''   | identity",
      "gzip;q=0.5, identity           | ''   | identity",
      "deflate, compress              | ''   | identity",
      "br;q=0.9, *;q=0.5              | ''   | br",
      "gzip;q=garbage, br;q=0.1       | ''   | br",
  })
  void chooses(String header, String defaultEncoding, String expected) {
    Optional<Encoding> got = AcceptEncoding.choose(List.of(header), ALL, Encoding.byToken(defaultEncoding));
    assertThat(got.map(Encoding::token).orElse("identity")).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "gzip, br           | br gzip",
      "br;q=0.5, gzip     | gzip br",
      "*                  | zstd br gzip",
      "*, br;q=0          | zstd gzip",
      "''                 | ''",
  })
  void acceptableForSidecars(String header, String expected) {
    List<String> got = AcceptEncoding.acceptable(List.of(header), ALL).stream().map(Encoding::token).toList();
    assertThat(String.join(" ", got)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "gzip | br    | br",
      "gzip | zstd  | gzip",
  })
  void severalHeaderLinesCount(String first, String second, String expected) {
    List<Encoding> order = Arrays.asList(Encoding.BR, Encoding.GZIP);
    assertThat(AcceptEncoding.choose(List.of(first, second), order, Optional.empty()).map(Encoding::token))
        .contains(expected);
  }
}
