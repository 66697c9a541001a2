package io.cairn.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Connection limit, idle timeout and graceful stop, over real sockets on 127.0.0.1. */
class EntryPointLifecycleTest {
  private static Backend backend;

  @BeforeAll
  static void start() throws Exception {
    backend = new Backend();
  }

  @AfterAll
  static void stop() {
    backend.close();
  }

  private EntryPoint entryPoint(EntryPointOptions options) throws InterruptedException {
    return EntryPoint.start("t", new InetSocketAddress("127.0.0.1", 0), options.withIoThreads(1),
        StaticRouter.to("127.0.0.1:" + backend.port()));
  }

  private static Socket connect(EntryPoint ep) throws Exception {
    Socket s = new Socket("127.0.0.1", ep.port());
    s.setSoTimeout(3000);
    return s;
  }

  /** Sends one keep-alive GET /hello and reads its 5-byte body. */
  private static void hello(Socket s) throws Exception {
    s.getOutputStream().write("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    InputStream in = s.getInputStream();
    StringBuilder sb = new StringBuilder();
    while (!sb.toString().endsWith("\r\n\r\nhello")) {
      int b = in.read();
      assertThat(b).as("response so far: " + sb).isNotNegative();
      sb.append((char) b);
    }
    assertThat(sb.toString()).startsWith("HTTP/1.1 200 OK\r\n");
  }

  @Test
  void connectionsBeyondTheLimitAreClosed() throws Exception {
    try (EntryPoint ep = entryPoint(EntryPointOptions.defaults().withMaxConnections(1));
         Socket first = connect(ep);
         Socket second = connect(ep)) {
      assertThat(second.getInputStream().read()).isEqualTo(-1);
      hello(first);
      assertThat(ep.openConnections()).isEqualTo(1);
    }
  }

  @Test
  void idleKeepAliveConnectionsAreClosed() throws Exception {
    try (EntryPoint ep = entryPoint(EntryPointOptions.defaults()
            .withIdleTimeout(Duration.ofMillis(300)));
         Socket s = connect(ep)) {
      hello(s);
      long t0 = System.nanoTime();
      assertThat(s.getInputStream().read()).isEqualTo(-1);
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(3));
    }
  }

  @Test
  void stopClosesIdleConnectionsAndStopsAccepting() throws Exception {
    EntryPoint ep = entryPoint(EntryPointOptions.defaults().withGraceTimeout(Duration.ofSeconds(5)));
    int port = ep.port();
    try (Socket s = connect(ep)) {
      hello(s);
      long t0 = System.nanoTime();
      ep.stop();
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(4));
      assertThat(s.getInputStream().read()).isEqualTo(-1);
    }
    boolean refused;
    try (Socket again = new Socket("127.0.0.1", port)) {
      refused = false;
    } catch (java.net.ConnectException e) {
      refused = true;
    }
    assertThat(refused).isTrue();
  }
}
