package io.cairn.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.gateway.server.LlhttpCases.Case;
import io.cairn.gateway.server.LlhttpCases.Message;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Feeds every request case of llhttp's test suite (read in place from ../shared/conformance) through
 * the HTTP/1 server pipeline, whole and byte by byte, and checks what reaches the router and the
 * forwarder against llhttp's strict parse.
 *
 * <p>Rules: a case llhttp parses in strict mode must reach the router with the same method, URL,
 * headers (values without surrounding whitespace) and body, and complete. A case llhttp rejects,
 * or accepts only with a lenient flag ({@code request-lenient-*}), must be answered with 400 (413,
 * 414, 431 or 501 where that is the problem) and the offending request must not complete: only the
 * requests before it may reach the forwarder.
 *
 * <p>Deliberate differences, each applied by rule, not by case name:
 *
 * <ul>
 *   <li>A line is judged when it is complete (except a bare CR or a leading space, judged at
 *       once); input that stops mid-line is answered 408 when the read-header timeout expires.
 *   <li>Only HTTP/1.0 and HTTP/1.1 request lines: 400 for HTTP/0.9 ({@code GET /}) and for RTSP
 *       and ICE, which llhttp also parses.
 *   <li>HTTP/1.1 without Host: 400 (RFC 9112 3.2 "MUST respond with 400"; Go and nginx do too);
 *       llhttp leaves that check to its user.
 *   <li>CONNECT: 501 (no tunnelling at this layer); llhttp pauses for the user.
 *   <li>Transfer-Encoding with codings before {@code chunked}: 501, as Go's server answers.
 *   <li>Methods: any token is accepted, as Go/Traefik do; llhttp only knows a fixed list and
 *       rejects RTSP-only methods on HTTP ("Invalid method for HTTP/x.x request").
 *   <li>Data after a {@code Connection: close} request: ignored without an error response (the
 *       connection closes after the response); llhttp flags it.
 *   <li>After an Upgrade pause llhttp stops parsing; the upgrade request must reach the router, what
 *       follows is not checked (we do not switch protocols except to h2c).
 * </ul>
 */
class LlhttpConformanceTest {
  private static final Set<Integer> REJECT = Set.of(400, 408, 413, 414, 431, 501);

  @Test
  void conformanceDataIsPresent() throws Exception {
    Path dir = LlhttpCases.requestDir();
    assertThat(dir).as("llhttp cases (set -Dcairn.conformance.dir)").isDirectory();
    assertThat(LlhttpCases.load(dir)).hasSizeGreaterThan(100);
  }

  @TestFactory
  Stream<DynamicTest> everyRequestCase() throws Exception {
    Path dir = LlhttpCases.requestDir();
    if (!Files.isDirectory(dir)) {
      throw new AssertionError("llhttp conformance data missing at " + dir);
    }
    return LlhttpCases.load(dir).stream()
        .map(c -> DynamicTest.dynamicTest(c.toString(), () -> check(c)));
  }

  private static void check(Case c) {
    Outcome whole = run(c.raw(), 0);
    Outcome bytewise = run(c.raw(), 1);
    assertThat(bytewise).as("byte-by-byte feeding gives the same outcome").isEqualTo(whole);
    String err = c.errorReason() == null ? "" : c.errorReason();
    List<Message> msgs = c.messages();

    if (err.equals("Invalid method for HTTP/x.x request")) {
      assertThat(whole.routedMethods()).as("any token method is routed").contains(msgs.getFirst().method());
      return;
    }
    List<Message> expected = new ArrayList<>();
    Integer expectedReject = null;
    for (Message m : msgs) {
      if (m.headersComplete() && !(m.protocol().equals("HTTP")
          && (m.version().equals("1.1") || m.version().equals("1.0")))) {
        expectedReject = 400;
        break;
      }
      if (m.method().equals("CONNECT")) {
        expectedReject = 501;
        break;
      }
      if (m.headersComplete() && m.version().equals("1.1") && header(m, "host") == null) {
        expectedReject = 400;
        break;
      }
      String te = header(m, "transfer-encoding");
      if (m.complete() && te != null && te.toLowerCase().strip().endsWith("chunked")
          && te.contains(",")) {
        expectedReject = 501;
        break;
      }
      if (!m.complete()) {
        // any rejection status; none required when llhttp's input simply stops mid-body
        expectedReject = c.type().equals("request-finish") && m.headersComplete() ? -2 : -1;
        break;
      }
      expected.add(m);
    }
    if (c.lenient()) {
      assertThat(whole.forwarded().size()).as("a lenient-only case is not accepted whole")
          .isLessThanOrEqualTo(expected.size());
      assertSame(expected.subList(0, whole.forwarded().size()), whole.forwarded());
      boolean cutShort = whole.forwarded().size() < msgs.size()
          || !whole.rejections().isEmpty();
      assertThat(cutShort).as("rejected or cut short: " + whole).isTrue();
      if (!c.type().equals("request-lenient-keep-alive")) {
        assertThat(whole.rejections()).as("statuses " + whole.statuses()).isNotEmpty();
      }
      return;
    }
    boolean pause = err.startsWith("Pause on");
    if (pause) {
      assertThat(whole.forwarded().size()).isGreaterThanOrEqualTo(expected.size());
      assertSame(expected, whole.forwarded().subList(0, expected.size()));
      return;
    }
    assertSame(expected, whole.forwarded());
    if (expectedReject == null || err.startsWith("Data after")) {
      assertThat(whole.rejections()).as("no error response").isEmpty();
    } else if (expectedReject == -2) {
      assertThat(whole.rejections()).hasSizeLessThanOrEqualTo(1);
    } else if (expectedReject == -1) {
      assertThat(whole.rejections()).as("statuses " + whole.statuses()).hasSize(1);
    } else {
      assertThat(whole.rejections()).containsExactly(expectedReject);
    }
  }

  private static String header(Message m, String name) {
    return m.headers().stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1])
        .findFirst().orElse(null);
  }

  private static void assertSame(List<Message> expected, List<Seen> seen) {
    assertThat(seen).hasSize(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      Message m = expected.get(i);
      Seen s = seen.get(i);
      assertThat(s.method()).isEqualTo(m.method());
      assertThat(s.uri()).isEqualTo(m.url());
      List<String> want = m.headers().stream()
          .map(h -> h[0] + ": " + h[1].strip()).toList();
      assertThat(s.headers()).isEqualTo(want);
      assertThat(s.body()).isEqualTo(m.body().toString(StandardCharsets.ISO_8859_1));
    }
  }

  record Seen(String method, String uri, List<String> headers, String body) {}

  record Outcome(List<Seen> forwarded, List<String> routedMethods, List<Integer> statuses) {
    List<Integer> rejections() {
      return statuses.stream().filter(REJECT::contains).toList();
    }
  }

  private static Outcome run(byte[] raw, int piece) {
    ServerHarness h = new ServerHarness().feed(raw, piece);
    if (h.channel.isOpen()) {
      h.expireHeaderTimeout(EntryPointOptions.defaults()); // input that stops mid-head: 408
    }
    List<Integer> statuses = ServerHarness.statuses(h.output());
    List<Seen> seen = new ArrayList<>();
    for (RecordingForwarder.Forwarded f : h.forwarder.completed()) {
      List<String> headers = new ArrayList<>();
      for (Map.Entry<String, String> e : f.request.head().headers()) {
        headers.add(e.getKey() + ": " + e.getValue());
      }
      seen.add(new Seen(f.request.head().method().name(), f.request.head().uri(), headers,
          f.body.toString(StandardCharsets.ISO_8859_1)));
    }
    List<String> methods = h.routed.stream().map(RequestHead::method).toList();
    h.channel.finishAndReleaseAll();
    return new Outcome(seen, methods, statuses);
  }
}
