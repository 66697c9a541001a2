package io.cairn.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.gateway.server.EntryPoint;
import io.cairn.gateway.server.EntryPointOptions;
import io.cairn.gateway.server.StaticRouter;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JDK's WebSocket client through a real entry point to a Netty WebSocket echo backend: text,
 * binary, ping/pong, close with a code, a 16 MiB message both ways (backpressure through the
 * tunnel), and a refused upgrade proxied as a plain response.
 */
class WebSocketProxyTest {
  private static WsEchoBackend backend;
  private static EntryPoint web;
  private static HttpClient http;

  @BeforeAll
  static void start() throws Exception {
    backend = new WsEchoBackend();
    web = EntryPoint.start("web", new InetSocketAddress("127.0.0.1", 0),
        EntryPointOptions.defaults().withIoThreads(2).withGraceTimeout(Duration.ofSeconds(1)),
        StaticRouter.to("127.0.0.1:" + backend.port()));
    http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  @AfterAll
  static void stop() throws Exception {
    if (web != null) {
      web.stop();
    }
    if (backend != null) {
      backend.close();
    }
  }

  /** Collects whole messages: text as String, binary as byte[], pongs and the close code. */
  static final class Listener implements WebSocket.Listener {
    final LinkedBlockingQueue<Object> messages = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder text = new StringBuilder();
    private final ByteArrayOutputStream binary = new ByteArrayOutputStream();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        messages.add(text.toString());
        text.setLength(0);
      }
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
      byte[] b = new byte[data.remaining()];
      data.get(b);
      binary.writeBytes(b);
      if (last) {
        messages.add(binary.toByteArray());
        binary.reset();
      }
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onPong(WebSocket ws, ByteBuffer message) {
      messages.add("pong:" + StandardCharsets.UTF_8.decode(message));
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
      closed.complete(statusCode);
      return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
      closed.completeExceptionally(error);
    }

    Object next() throws InterruptedException {
      Object m = messages.poll(30, TimeUnit.SECONDS);
      assertThat(m).as("a message within 30 s").isNotNull();
      return m;
    }
  }

  private static WebSocket connect(String path, Listener listener) {
    return http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
        .buildAsync(URI.create("ws://127.0.0.1:" + web.port() + path), listener)
        .orTimeout(30, TimeUnit.SECONDS).join();
  }

  @Test
  void textBinaryPingAndCloseWithCodeRoundTrip() throws Exception {
    Listener l = new Listener();
    WebSocket ws = connect("/ws", l);
    ws.sendText("hello through the gateway", true).get(30, TimeUnit.SECONDS);
    assertThat(l.next()).isEqualTo("hello through the gateway");
    ws.sendBinary(ByteBuffer.wrap(new byte[] {1, 2, 3, 0, (byte) 255}), true).get(30, TimeUnit.SECONDS);
    assertThat((byte[]) l.next()).containsExactly(1, 2, 3, 0, 255);
    ws.sendPing(ByteBuffer.wrap("are you there".getBytes(StandardCharsets.UTF_8))).get(30, TimeUnit.SECONDS);
    assertThat(l.next()).isEqualTo("pong:are you there");
    ws.sendClose(4001, "done").get(30, TimeUnit.SECONDS);
    assertThat(l.closed.get(30, TimeUnit.SECONDS)).isEqualTo(4001);
    assertThat(backend.handshakeHeaders)
        .containsEntry("upgrade", "websocket")
        .containsEntry("x-forwarded-proto", "ws")
        .containsKey("sec-websocket-key");
    assertThat(backend.handshakeHeaders.get("connection")).containsIgnoringCase("upgrade");
  }

  @Test
  void largeMessagesCrossTheTunnelBothWays() throws Exception {
    byte[] big = new byte[16 * 1024 * 1024];
    new Random(42).nextBytes(big);
    Listener l = new Listener();
    WebSocket ws = connect("/ws", l);
    for (int i = 0; i < 2; i++) {
      ws.sendBinary(ByteBuffer.wrap(big), true).get(60, TimeUnit.SECONDS);
      Object echoed = l.messages.poll(60, TimeUnit.SECONDS);
      assertThat(echoed).isInstanceOf(byte[].class);
      assertThat(Arrays.equals((byte[]) echoed, big)).as("echo %d is the same 16 MiB", i).isTrue();
    }
    ws.sendClose(WebSocket.NORMAL_CLOSURE, "").get(30, TimeUnit.SECONDS);
    assertThat(l.closed.get(30, TimeUnit.SECONDS)).isEqualTo(WebSocket.NORMAL_CLOSURE);
  }

  @Test
  void theEntryPointsIdleTimeoutClosesAnIdleTunnel() throws Exception {
    EntryPoint shortIdle = EntryPoint.start("short", new InetSocketAddress("127.0.0.1", 0),
        EntryPointOptions.defaults().withIoThreads(1).withIdleTimeout(Duration.ofMillis(500))
            .withGraceTimeout(Duration.ofSeconds(1)),
        StaticRouter.to("127.0.0.1:" + backend.port()));
    try {
      Listener l = new Listener();
      WebSocket ws = http.newWebSocketBuilder()
          .buildAsync(URI.create("ws://127.0.0.1:" + shortIdle.port() + "/ws"), l)
          .orTimeout(30, TimeUnit.SECONDS).join();
      ws.sendText("still here", true).get(30, TimeUnit.SECONDS);
      assertThat(l.next()).isEqualTo("still here");
      // then nothing is sent: the tunnel is closed by the entry point, which the client sees
      Object end;
      try {
        end = l.closed.get(30, TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException e) {
        end = e.getCause();
      }
      assertThat(end).as("the client saw the connection end").isNotNull();
      assertThat(end).isNotEqualTo(WebSocket.NORMAL_CLOSURE);
    } finally {
      shortIdle.stop();
    }
  }

  @Test
  void anUpgradeTheUpstreamRefusesIsProxiedAsAPlainResponse() {
    assertThatThrownBy(() -> connect("/not-ws", new Listener()))
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(WebSocketHandshakeException.class)
        .satisfies(e -> assertThat(((WebSocketHandshakeException) e.getCause()).getResponse().statusCode())
            .isEqualTo(404));
  }
}
