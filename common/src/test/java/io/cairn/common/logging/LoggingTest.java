package io.cairn.common.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LoggingTest {
  private final PrintStream originalErr = System.err;
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

  @AfterEach
  void restore() {
    System.setErr(originalErr);
    Logging.configure(LogFormat.TEXT, LogLevel.WARN);
  }

  private String logOnce(LogFormat format, LogLevel level) {
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    Logging.configure(format, level);
    var log = LoggerFactory.getLogger("io.cairn.test");
    log.debug("hidden unless debug");
    log.info("hello {}", "world");
    return captured.toString(StandardCharsets.UTF_8);
  }

  @Test
  void textIsOneReadableLinePerEvent() {
    String out = logOnce(LogFormat.TEXT, LogLevel.INFO);
    assertThat(out.lines()).singleElement().asString()
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z INFO  \\[.+] io.cairn.test - hello world");
  }

  @Test
  void jsonIsOneObjectPerLine() throws Exception {
    String out = logOnce(LogFormat.JSON, LogLevel.DEBUG);
    var lines = out.lines().toList();
    assertThat(lines).hasSize(2);
    JsonNode info = new ObjectMapper().readTree(lines.get(1));
    assertThat(info.get("level").asText()).isEqualTo("INFO");
    assertThat(info.get("loggerName").asText()).isEqualTo("io.cairn.test");
    assertThat(info.get("formattedMessage").asText()).isEqualTo("hello world");
  }
}
