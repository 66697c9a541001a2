package io.cairn.gateway.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Go's {@code ParseRangeTests} ({@code net/http/range_test.go}). */
class ByteRangesTest {

  @ParameterizedTest
  @ValueSource(strings = {"foo", "bytes=7", "bytes= 7 ", "bytes=5-4", "bytes=0-2,5-4", "bytes=2-5,4-3",
      "bytes=--5,4--3", "bytes=A-", "bytes=A- ", "bytes=A-Z", "bytes= -Z", "bytes=5-Z", "bytes=Ran-dom, garbage",
      "bytes=0x01-0x02"})
  void invalid(String header) {
    assertThatThrownBy(() -> ByteRanges.parse(header, 10))
        .isInstanceOf(ByteRanges.RangeException.class).hasMessage("invalid range");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "bytes=         | 10 | ''",
      "bytes= , , ,   | 10 | ''",
      "bytes=0-9 | 10 | 0+10",
      "bytes=0- | 10 | 0+10",
      "bytes=5- | 10 | 5+5",
      "bytes=0-20 | 10 | 0+10",
      "bytes=15-,0-5 | 10 | 0+6",
      "bytes=1-2,5- | 10 | 1+2 5+5",
      "bytes=-2 , 7- | 11 | 9+2 7+4",
      "bytes=0-0 ,2-2, 7- | 11 | 0+1 2+1 7+4",
      "bytes=-5 | 10 | 5+5",
      "bytes=-15 | 10 | 0+10",
      "bytes=0-499 | 10000 | 0+500",
      "bytes=500-999 | 10000 | 500+500",
      "bytes=-500 | 10000 | 9500+500",
      "bytes=9500- | 10000 | 9500+500",
      "bytes=0-0,-1 | 10000 | 0+1 9999+1",
      "bytes=500-600,601-999 | 10000 | 500+101 601+399",
      "bytes=500-700,601-999 | 10000 | 500+201 601+399",
      "bytes=   1 -2   ,  4- 5, 7 - 8 , ,, | 11 | 1+2 4+2 7+2",
  })
  void valid(String header, long size, String expected) throws Exception {
    List<String> got = new ArrayList<>();
    for (ByteRanges.Range r : ByteRanges.parse(header, size)) {
      got.add(r.start() + "+" + r.length());
    }
    assertThat(String.join(" ", got)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"bytes=1-", "bytes=11-", "bytes=100-1000"})
  void noOverlapIsUnsatisfiable(String header) {
    long size = header.equals("bytes=1-") ? 0 : 11;
    assertThatThrownBy(() -> ByteRanges.parse(header, size))
        .isInstanceOfSatisfying(ByteRanges.RangeException.class, e -> assertThat(e.noOverlap).isTrue())
        .hasMessage("invalid range: failed to overlap");
  }
}
