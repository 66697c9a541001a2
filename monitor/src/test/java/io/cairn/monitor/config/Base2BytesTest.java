package io.cairn.monitor.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Base2BytesTest {
  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
    "0,0", "1B,1", "1KB,1024", "1KiB,1024", "10MB,10485760", "1.5MB,1572864", "1MB512KB,1572864",
    "-1MB,-1048576", "+2KB,2048", "1GB,1073741824", "1EB,1152921504606846976", ".5KB,512",
  })
  void parses(String text, long bytes) {
    assertThat(Base2Bytes.parse(text)).isEqualTo(bytes);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', value = {
    "100|units: unknown unit  in 100", "10mb|units: unknown unit mb in 10mb", "''|'units: invalid '",
    "MB|units: invalid MB", ".MB|units: invalid .MB", "8EB|units: overflow parsing unit",
  })
  void rejects(String text, String message) {
    assertThatThrownBy(() -> Base2Bytes.parse(text)).hasMessage(message);
  }
}
