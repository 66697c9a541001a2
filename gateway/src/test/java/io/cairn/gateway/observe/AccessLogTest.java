package io.cairn.gateway.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.gateway.config.StaticConfig;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccessLogTest {
  private static final StaticConfig.AccessLogFields KEEP_UA = new StaticConfig.AccessLogFields("keep", Map.of(), "drop",
      Map.of("User-Agent", "keep", "Referer", "keep"));

  /** The two cases of Traefik's {@code TestCommonLogFormatter_Format}, same data, same lines. */
  @Test
  void commonFormatMatchesTraefiksOwnTestLines() {
    Map<String, Object> missing = new HashMap<>();
    missing.put("StartUTC", Instant.parse("2009-11-10T23:00:00Z"));
    missing.put("Duration", 123_000_000_000L);
    missing.put("ClientHost", "10.0.0.1");
    missing.put("ClientUsername", "Client");
    missing.put("RequestMethod", "GET");
    missing.put("RequestPath", "/foo");
    missing.put("RequestProtocol", "http");
    missing.put("request_Referer", "");
    missing.put("request_User-Agent", "");
    missing.put("RequestCount", 0L);
    missing.put("RouterName", "");
    missing.put("ServiceURL", "");
    assertThat(CommonFormat.line(missing))
        .isEqualTo("10.0.0.1 - Client [10/Nov/2009:23:00:00 +0000] \"GET /foo http\" - - \"-\" \"-\" 0 \"-\" \"-\" 123000ms\n");

    Map<String, Object> all = new HashMap<>(missing);
    all.put("OriginStatus", 123L);
    all.put("OriginContentSize", 132L);
    all.put("request_Referer", "referer");
    all.put("request_User-Agent", "agent");
    all.remove("RequestCount");
    all.put("RouterName", "foo");
    all.put("ServiceURL", "http://10.0.0.2/toto");
    assertThat(CommonFormat.line(all)).isEqualTo(
        "10.0.0.1 - Client [10/Nov/2009:23:00:00 +0000] \"GET /foo http\" 123 132 \"referer\" \"agent\" - \"foo\" \"http://10.0.0.2/toto\" 123000ms\n");
  }

  @Test
  void commonLineOfAProxiedExchangeKeepingUserAgentAndReferer() {
    AccessLog log = AccessLog.to(new StaticConfig.AccessLog("", "common", 0, KEEP_UA, Optional.empty()),
        new ByteArrayOutputStream());
    assertThat(log.format(Records.proxied(200, 132, Records.headers()))).isEqualTo(
        "10.0.0.1 - - [10/Nov/2009:23:00:00 +0000] \"GET /foo?a=1 HTTP/1.1\" 200 132 \"referer\" \"agent\" 7 \"foo@file\" \"http://10.0.0.2/toto\" 123000ms\n");
    log.close();
  }

  @Test
  void commonLineOfAnAnswerWithoutRouterHasNoOriginStatusAsInTraefik() {
    AccessLog log = AccessLog.to(new StaticConfig.AccessLog("", "common", 0), new ByteArrayOutputStream());
    assertThat(log.format(Records.notFound()))
        .isEqualTo("::1 - - [10/Nov/2009:23:00:00 +0000] \"GET /nope HTTP/1.1\" - - \"-\" \"-\" 8 \"-\" \"-\" 1ms\n");
    log.close();
  }

  @Test
  void jsonLineHasTraefiksFieldNamesSortedWithGoValues() throws Exception {
    AccessLog log = AccessLog.to(new StaticConfig.AccessLog("", "json", 0,
        new StaticConfig.AccessLogFields("keep", Map.of(), "drop", Map.of("User-Agent", "keep", "X-Secret", "redact")),
        Optional.empty()), new ByteArrayOutputStream());
    String line = log.format(Records.proxied(200, 132, Records.headers()));
    log.close();
    assertThat(line).endsWith("}\n").doesNotContain("\n{");
    JsonNode j = new ObjectMapper().readTree(line);
    List<String> keys = new ArrayList<>();
    j.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).isSorted();
    assertThat(keys).contains("ClientAddr", "ClientHost", "ClientPort", "ClientUsername", "DownstreamContentSize",
        "DownstreamStatus", "Duration", "OriginContentSize", "OriginStatus", "RequestAddr", "RequestContentSize",
        "RequestCount", "RequestHost", "RequestMethod", "RequestPath", "RequestPort", "RequestProtocol", "RequestScheme",
        "RetryAttempts", "RouterName", "ServiceAddr", "ServiceName", "ServiceURL", "StartLocal", "StartUTC",
        "entryPointName", "level", "msg", "time", "request_User-Agent", "request_X-Secret");
    assertThat(keys).doesNotContain("request_Referer", "TLSVersion");
    assertThat(j.get("ClientHost").asText()).isEqualTo("10.0.0.1");
    assertThat(j.get("ClientPort").asText()).isEqualTo("51234");
    assertThat(j.get("RequestHost").asText()).isEqualTo("example.com");
    assertThat(j.get("RequestPort").asText()).isEqualTo("8080");
    assertThat(j.get("DownstreamStatus").isIntegralNumber()).isTrue();
    assertThat(j.get("DownstreamStatus").asInt()).isEqualTo(200);
    assertThat(j.get("Duration").asLong()).isEqualTo(123_000_000_000L);
    assertThat(j.get("RequestContentSize").asLong()).isEqualTo(5);
    assertThat(j.get("StartUTC").asText()).isEqualTo("2009-11-10T23:00:00Z");
    assertThat(j.get("ServiceAddr").asText()).isEqualTo("10.0.0.2");
    assertThat(j.get("entryPointName").asText()).isEqualTo("web");
    assertThat(j.get("request_User-Agent").asText()).isEqualTo("agent");
    assertThat(j.get("request_X-Secret").asText()).isEqualTo("REDACTED");
    assertThat(j.get("level").asText()).isEqualTo("info");
    assertThat(j.get("msg").asText()).isEmpty();
  }

  @Test
  void droppedFieldsAndDefaultDropMode() throws Exception {
    AccessLog log = AccessLog.to(new StaticConfig.AccessLog("", "json", 0,
        new StaticConfig.AccessLogFields("drop", Map.of("ClientHost", "keep"), "drop", Map.of()), Optional.empty()),
        new ByteArrayOutputStream());
    JsonNode j = new ObjectMapper().readTree(log.format(Records.proxied(200, 1, Records.headers())));
    log.close();
    List<String> keys = new ArrayList<>();
    j.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactly("ClientHost", "level", "msg", "time");
  }

  @Test
  void goTimeAndStringEncoding() {
    Instant t = Instant.parse("2020-01-02T03:04:05.120Z");
    assertThat(JsonFormat.rfc3339(t, ZoneOffset.UTC, true)).isEqualTo("2020-01-02T03:04:05.12Z");
    assertThat(JsonFormat.rfc3339(t, ZoneOffset.ofHours(2), false)).isEqualTo("2020-01-02T05:04:05+02:00");
    StringBuilder b = new StringBuilder();
    JsonFormat.string(b, "a<b>&\"\\\n\u0001");
    assertThat(b).hasToString("\"a\\u003cb\\u003e\\u0026\\\"\\\\\\n\\u0001\"");
    assertThat(LogFields.canonical("x-forwarded-for")).isEqualTo("X-Forwarded-For");
    assertThat(LogFields.splitHostPort("[::1]:80")).containsExactly("::1", "80");
    assertThat(LogFields.splitHostPort("example.com")).containsExactly("example.com", "-");
  }

  @Test
  void filtersKeepMatchingStatusRetriesOrSlowExchanges() {
    AccessLog log = AccessLog.to(new StaticConfig.AccessLog("", "common", 0, StaticConfig.AccessLogFields.DEFAULT,
        Optional.of(new StaticConfig.AccessLogFilters(List.of("404", "500-599"), false, Duration.ofSeconds(200)))),
        new ByteArrayOutputStream());
    assertThat(log.keep(Records.notFound())).isTrue();
    assertThat(log.keep(Records.proxied(503, 0, new DefaultHttpHeaders()))).isTrue();
    assertThat(log.keep(Records.proxied(200, 0, new DefaultHttpHeaders()))).isFalse();
    log.close();
    AccessLog none = AccessLog.to(new StaticConfig.AccessLog("", "common", 0, StaticConfig.AccessLogFields.DEFAULT,
        Optional.of(new StaticConfig.AccessLogFilters(List.of(), false, Duration.ZERO))), new ByteArrayOutputStream());
    assertThat(none.keep(Records.proxied(200, 0, new DefaultHttpHeaders()))).isTrue();
    none.close();
  }

  @Test
  void writerThreadWritesEveryLineAndCloseFlushes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    AccessLog log = AccessLog.to(new StaticConfig.AccessLog("", "common", 0), out);
    for (int i = 0; i < 100; i++) {
      log.finished(Records.notFound());
    }
    log.close();
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(text.lines()).hasSize(100).allMatch(l -> l.contains("\"GET /nope HTTP/1.1\""));
    assertThat(log.dropped()).isZero();
  }

  @Test
  void sigusr1ReopensTheFileAfterLogrotateMovedItAway(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path file = dir.resolve("logs/access.log");
    AccessLog log = AccessLog.open(new StaticConfig.AccessLog(file.toString(), "common", 0));
    try {
      log.finished(Records.notFound());
      awaitLines(file, 1);
      java.nio.file.Path rotated = dir.resolve("logs/access.log.1");
      java.nio.file.Files.move(file, rotated); // what logrotate does before it signals
      log.finished(Records.notFound());
      awaitLines(rotated, 2); // still the open (moved) file until the signal
      // the real signal, to this JVM, as logrotate's postrotate 'kill -USR1' sends it
      Process kill = new ProcessBuilder("kill", "-USR1", Long.toString(ProcessHandle.current().pid())).start();
      assertThat(kill.waitFor()).isZero();
      long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
      while (!java.nio.file.Files.exists(file) && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      log.finished(Records.notFound());
      awaitLines(file, 1);
      assertThat(java.nio.file.Files.readAllLines(rotated)).hasSize(2);
    } finally {
      log.close();
    }
  }

  private static void awaitLines(java.nio.file.Path file, int n) throws Exception {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      if (java.nio.file.Files.exists(file) && java.nio.file.Files.readAllLines(file).size() >= n) {
        break;
      }
      Thread.sleep(20);
    }
    assertThat(java.nio.file.Files.readAllLines(file)).as(file.toString()).hasSize(n);
  }

  @Test
  void aFullQueueDropsAndCountsInsteadOfBlocking() throws Exception {
    java.util.concurrent.CountDownLatch writing = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    java.io.OutputStream slow = new java.io.OutputStream() {
      @Override
      public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) {
        writing.countDown();
        try {
          release.await(); // the disk is stuck until the test says otherwise
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        sink.write(b, off, len);
      }
    };
    AccessLog log = AccessLog.to(new StaticConfig.AccessLog("", "common", 1), slow);
    log.finished(Records.notFound());
    assertThat(writing.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue(); // the writer is stuck in write
    log.finished(Records.notFound()); // fills the queue of one
    log.finished(Records.notFound()); // returns at once: dropped
    log.finished(Records.notFound());
    assertThat(log.dropped()).isEqualTo(2);
    release.countDown();
    log.close();
    assertThat(sink.toString(StandardCharsets.UTF_8).lines()).hasSize(2);
  }

  @Test
  void badOptionsAreRefusedWithAClearMessage() {
    assertThatThrownBy(() -> AccessLog.to(new StaticConfig.AccessLog("", "xml", 0), new ByteArrayOutputStream()))
        .hasMessageContaining("expected common or json");
    assertThatThrownBy(() -> AccessLog.to(new StaticConfig.AccessLog("", "json", -1), new ByteArrayOutputStream()))
        .hasMessageContaining("bufferingSize is -1");
  }
}
