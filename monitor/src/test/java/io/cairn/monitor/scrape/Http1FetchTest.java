package io.cairn.monitor.scrape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Raw answers fed to {@link Http1Fetch} by a scripted server on 127.0.0.1. */
class Http1FetchTest {
  /** What the server does with one request: the bytes it answers, then whether it closes. */
  record Answer(byte[] bytes, boolean close) {
    static Answer of(String raw) {
      return new Answer(raw.getBytes(StandardCharsets.ISO_8859_1), false);
    }

    static Answer closing(String raw) {
      return new Answer(raw.getBytes(StandardCharsets.ISO_8859_1), true);
    }
  }

  private static final Answer SILENCE = new Answer(new byte[0], false);
  private static final long CAP = 1 << 20;

  private ServerSocket server;
  private final BlockingQueue<Answer> script = new LinkedBlockingQueue<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger connections = new AtomicInteger();
  private Thread acceptor;

  @BeforeEach
  void start() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor = Thread.ofVirtual().start(() -> {
      while (!server.isClosed()) {
        try {
          Socket s = server.accept();
          connections.incrementAndGet();
          Thread.ofVirtual().start(() -> serve(s));
        } catch (IOException e) {
          return;
        }
      }
    });
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
    acceptor.join(5_000);
  }

  private void serve(Socket s) {
    try (s) {
      InputStream in = s.getInputStream();
      while (true) {
        String head = readHead(in);
        if (head == null) {
          return;
        }
        requests.add(head);
        Answer a = script.poll(5, TimeUnit.SECONDS);
        if (a == null || a == SILENCE) {
          Thread.sleep(3_000);
          return;
        }
        s.getOutputStream().write(a.bytes());
        s.getOutputStream().flush();
        if (a.close()) {
          return;
        }
      }
    } catch (IOException | InterruptedException e) {
      // the client went away
    }
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int matched = 0;
    for (int c; (c = in.read()) >= 0; ) {
      b.write(c);
      matched = (c == "\r\n\r\n".charAt(matched)) ? matched + 1 : (c == '\r' ? 1 : 0);
      if (matched == 4) {
        return b.toString(StandardCharsets.ISO_8859_1);
      }
    }
    return null;
  }

  private Http1Fetch fetch(String pathAndQuery) {
    return new Http1Fetch(URI.create("http://127.0.0.1:" + server.getLocalPort() + pathAndQuery), List.of("Accept: text/plain", "X-A: b"));
  }

  private static long in(long millis) {
    return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
  }

  /** The body of one GET within 5 s, as text. */
  private static String body(Http1Fetch f) throws IOException {
    return text(f.get(in(5_000), CAP));
  }

  private static String text(Http1Fetch.Response r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  @Test
  void sendsTheRequestLineHostAndHeadersAndReusesTheConnection() throws Exception {
    script.add(Answer.of("HTTP/1.1 200 OK\r\nContent-Type: text/plain; version=0.0.4\r\nContent-Length: 5\r\n\r\nup 1\n"));
    script.add(Answer.of("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Encoding: gzip\r\n\r\nup 2\n"));
    try (Http1Fetch f = fetch("/metrics?a=b%20c")) {
      Http1Fetch.Response r = f.get(in(5_000), CAP);
      assertThat(r.status()).isEqualTo(200);
      assertThat(text(r)).isEqualTo("up 1\n");
      assertThat(r.contentType()).isEqualTo("text/plain; version=0.0.4");
      assertThat(r.contentEncoding()).isNull();
      Http1Fetch.Response r2 = f.get(in(5_000), CAP);
      assertThat(text(r2)).isEqualTo("up 2\n");
      assertThat(r2.contentEncoding()).isEqualTo("gzip");
    }
    assertThat(connections.get()).isEqualTo(1);
    assertThat(requests.getFirst()).isEqualTo("GET /metrics?a=b%20c HTTP/1.1\r\nHost: 127.0.0.1:" + server.getLocalPort()
        + "\r\nAccept: text/plain\r\nX-A: b\r\n\r\n");
  }

  @Test
  void readsChunkedBodiesWithExtensionsAndTrailers() throws Exception {
    script.add(Answer.of("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
        + "3;ext=1\r\nup \r\n2\r\n1\n\r\n0\r\nX-Trailer: t\r\n\r\n"));
    script.add(Answer.of("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"));
    try (Http1Fetch f = fetch("/")) {
      assertThat(body(f)).isEqualTo("up 1\n");
      assertThat(body(f)).isEqualTo("ok"); // the connection is still in step
    }
    assertThat(connections.get()).isEqualTo(1);
  }

  @Test
  void aBodyOfManySmallChunksIsNotChargedAgainstTheHeadLimit() throws Exception {
    int chunks = Http1Fetch.MAX_HEAD_BYTES / 4; // size lines and CRLFs of 8 bytes each: twice the head limit
    StringBuilder raw = new StringBuilder("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
    for (int i = 0; i < chunks; i++) {
      raw.append("1\r\nx\r\n");
    }
    script.add(Answer.of(raw.append("0\r\n\r\n").toString()));
    script.add(Answer.closing("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + "1".repeat(Http1Fetch.MAX_CHUNK_LINE_BYTES) + "\r\n"));
    try (Http1Fetch f = fetch("/")) {
      assertThat(body(f)).hasSize(chunks).containsOnlyOnce("x".repeat(chunks));
      assertThatThrownBy(() -> body(f)).isInstanceOf(Http1Fetch.Malformed.class)
          .hasMessage("malformed HTTP response: chunk size line longer than " + Http1Fetch.MAX_CHUNK_LINE_BYTES + " bytes");
    }
  }

  @Test
  void aBodyWithoutLengthEndsWithTheConnection() throws Exception {
    script.add(Answer.closing("HTTP/1.0 200 OK\r\n\r\nup 1\nup 2\n"));
    script.add(Answer.closing("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok"));
    script.add(Answer.of("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"));
    try (Http1Fetch f = fetch("/")) {
      assertThat(body(f)).isEqualTo("up 1\nup 2\n");
      assertThat(body(f)).isEqualTo("ok");
      assertThat(body(f)).isEqualTo("ok");
    }
    assertThat(connections.get()).isEqualTo(3);
  }

  @Test
  void aReusedConnectionTheServerClosedIsRetriedOnce() throws Exception {
    script.add(Answer.closing("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")); // closes without saying so
    script.add(Answer.of("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nok2"));
    try (Http1Fetch f = fetch("/")) {
      assertThat(body(f)).isEqualTo("ok");
      Thread.sleep(100); // let the close arrive
      assertThat(body(f)).isEqualTo("ok2");
    }
    assertThat(connections.get()).isEqualTo(2);
  }

  @Test
  void interimAnswersAreSkippedAndOtherStatusesReturnedWithoutBody() throws Exception {
    script.add(Answer.of("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"));
    script.add(Answer.of("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 4\r\n\r\ndown"));
    script.add(Answer.of("HTTP/1.1 302 Found\r\nLocation: /x\r\nContent-Length: 0\r\n\r\n"));
    try (Http1Fetch f = fetch("/")) {
      assertThat(body(f)).isEqualTo("ok");
      Http1Fetch.Response down = f.get(in(5_000), CAP);
      assertThat(down.status()).isEqualTo(503);
      assertThat(down.body()).isNull();
      assertThat(f.get(in(5_000), CAP).status()).isEqualTo(302);
    }
  }

  @Test
  void bodiesOverTheCapFail() throws Exception {
    script.add(Answer.of("HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\n0123456789a"));
    script.add(Answer.of("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n6\r\n012345\r\n6\r\n6789ab\r\n0\r\n\r\n"));
    script.add(Answer.closing("HTTP/1.1 200 OK\r\n\r\n0123456789a"));
    try (Http1Fetch f = fetch("/")) {
      for (int i = 0; i < 3; i++) {
        assertThatThrownBy(() -> f.get(in(5_000), 10)).isInstanceOf(BoundedBody.TooLarge.class);
      }
    }
  }

  @Test
  void bytesBeyondAnAnswerPutTheConnectionOutOfStepAndItIsReplaced() throws Exception {
    script.add(Answer.of("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokJUNK"));
    script.add(Answer.of("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nok2"));
    try (Http1Fetch f = fetch("/")) {
      assertThat(body(f)).isEqualTo("ok");
      assertThat(body(f)).isEqualTo("ok2");
    }
    assertThat(connections.get()).isEqualTo(2);
  }

  @Test
  void aClaimedLengthIsNotAllocatedBeforeTheBytesArrive() throws Exception {
    script.add(Answer.closing("HTTP/1.1 200 OK\r\nContent-Length: 2000000000\r\n\r\nabc"));
    script.add(Answer.closing("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n70000000\r\nabc"));
    try (Http1Fetch f = fetch("/")) {
      for (int i = 0; i < 2; i++) {
        assertThatThrownBy(() -> f.get(in(5_000), Long.MAX_VALUE)).isInstanceOf(IOException.class).hasMessage("unexpected EOF");
      }
    }
  }

  @Test
  void aSilentServerFailsAtTheDeadline() throws Exception {
    script.add(SILENCE);
    try (Http1Fetch f = fetch("/")) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> f.get(in(300), CAP)).isInstanceOf(Http1Fetch.DeadlineExceeded.class)
          .hasMessage("context deadline exceeded");
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(250L, 2_500L);
    }
  }

  @Test
  void closeFromAnotherThreadEndsABlockedFetch() throws Exception {
    script.add(SILENCE);
    try (Http1Fetch f = fetch("/")) {
      Thread.ofVirtual().start(() -> {
        try {
          Thread.sleep(200);
        } catch (InterruptedException e) {
          return;
        }
        f.close();
      });
      assertThatThrownBy(() -> f.get(in(10_000), CAP)).isInstanceOf(IOException.class)
          .isNotInstanceOf(Http1Fetch.DeadlineExceeded.class);
    }
  }

  @Test
  void afterAbortNoExchangeStarts() throws Exception {
    script.add(Answer.of("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"));
    try (Http1Fetch f = fetch("/")) {
      assertThat(body(f)).isEqualTo("ok");
      f.abort();
      long start = System.nanoTime();
      assertThatThrownBy(() -> f.get(in(5_000), CAP)).isInstanceOf(IOException.class).hasMessage("fetch aborted");
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(1_000);
    }
    assertThat(requests).hasSize(1);
  }

  @Test
  void malformedAnswersFailWithAClearMessage() throws Exception {
    String[] bad = {
      "HTP/1.1 200 OK\r\n\r\n",
      "HTTP/1.1 2x0 OK\r\n\r\n",
      "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n",
      "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nabc",
      "HTTP/1.1 200 OK\r\nno colon here\r\n\r\n",
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n",
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n0\r\n\r\n",
      "HTTP/1.1 200 OK\r\nX: " + "y".repeat(Http1Fetch.MAX_HEAD_BYTES) + "\r\n\r\n",
    };
    for (String raw : bad) {
      script.add(Answer.closing(raw));
      try (Http1Fetch f = fetch("/")) {
        assertThatThrownBy(() -> f.get(in(5_000), CAP)).as(raw.length() > 80 ? raw.substring(0, 80) : raw)
            .isInstanceOf(Http1Fetch.Malformed.class).hasMessageStartingWith("malformed HTTP response: ");
      }
    }
    script.add(Answer.closing("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc"));
    try (Http1Fetch f = fetch("/")) {
      assertThatThrownBy(() -> f.get(in(5_000), CAP)).isInstanceOf(IOException.class).hasMessage("unexpected EOF");
    }
  }

  @Test
  void randomAnswersFailWithIOExceptionsOnly() throws Exception {
    Random r = new Random(42);
    String[] pieces = {"HTTP/1.1 ", "200", " OK", "\r\n", "\n", "Content-Length: ", "5", "Transfer-Encoding: chunked",
        "Connection: close", "0", "a", ";", ":", " ", "\r", "abc", "ffffffffffffffff", "99999999999999999999"};
    for (int i = 0; i < 300; i++) {
      StringBuilder sb = new StringBuilder();
      for (int j = r.nextInt(12); j >= 0; j--) {
        sb.append(r.nextInt(4) == 0 ? String.valueOf((char) r.nextInt(256)) : pieces[r.nextInt(pieces.length)]);
      }
      script.add(Answer.closing(sb.toString()));
      try (Http1Fetch f = fetch("/")) {
        try {
          Http1Fetch.Response resp = f.get(in(5_000), 64);
          assertThat(resp.status()).isBetween(0, 999);
        } catch (IOException expected) {
          assertThat(expected.getMessage()).isNotBlank();
        }
      }
    }
  }
}
