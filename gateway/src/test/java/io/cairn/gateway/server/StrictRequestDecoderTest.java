package io.cairn.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Limits and smuggling checks of the HTTP/1 server pipeline, with raw bytes. */
class StrictRequestDecoderTest {
  private static final EntryPointOptions SMALL = EntryPointOptions.defaults()
      .withMaxRequestLineBytes(100).withMaxHeaderBytes(300).withMaxBodyBytes(10);

  @Test
  void missingHostIsRejected() {
    ServerHarness h = new ServerHarness().feed("GET / HTTP/1.1\r\n\r\n");
    assertThat(h.output()).startsWith("HTTP/1.1 400 Bad Request\r\n").contains("connection: close");
    assertThat(h.routed).isEmpty();
    assertThat(h.channel.isOpen()).isFalse();
  }

  @Test
  void longRequestLineIs414EvenBeforeItEnds() {
    ServerHarness h = new ServerHarness(SMALL).feed("GET /" + "a".repeat(200));
    assertThat(ServerHarness.statuses(h.output())).containsExactly(414);
    assertThat(h.routed).isEmpty();
  }

  @Test
  void largeHeadIs431() {
    ServerHarness h = new ServerHarness(SMALL)
        .feed("GET / HTTP/1.1\r\nHost: a\r\nX-Big: " + "b".repeat(400) + "\r\n\r\n");
    assertThat(ServerHarness.statuses(h.output())).containsExactly(431);
    assertThat(h.routed).isEmpty();
  }

  @Test
  void largeBodyIs413ByLengthAndByChunks() {
    ServerHarness byLength = new ServerHarness(SMALL)
        .feed("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 11\r\n\r\n");
    assertThat(ServerHarness.statuses(byLength.output())).containsExactly(413);
    assertThat(byLength.routed).isEmpty();
    ServerHarness byChunks = new ServerHarness(SMALL).feed(
        "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n6\r\naaaaaa\r\n6\r\nbbbbbb\r\n0\r\n\r\n");
    assertThat(ServerHarness.statuses(byChunks.output())).containsExactly(413);
    assertThat(byChunks.forwarder.completed()).isEmpty();
    assertThat(byChunks.forwarder.forwarded.getFirst().aborted).isTrue();
  }

  @Test
  void slowHeadIs408() {
    ServerHarness h = new ServerHarness().feed("GET / HTTP/1.1\r\nHost: a\r\n");
    assertThat(h.output()).isEmpty();
    h.expireHeaderTimeout(EntryPointOptions.defaults());
    assertThat(ServerHarness.statuses(h.output())).containsExactly(408);
    assertThat(h.routed).isEmpty();
  }

  @Test
  void contentLengthWithTransferEncodingIsNeverForwarded() {
    ServerHarness h = new ServerHarness().feed("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 4\r\n"
        + "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /smuggled HTTP/1.1\r\nHost: a\r\n\r\n");
    assertThat(ServerHarness.statuses(h.output())).containsExactly(400);
    assertThat(h.routed).isEmpty();
  }

  @Test
  void differingDuplicateContentLengthIsRejected() {
    ServerHarness h = new ServerHarness().feed(
        "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab");
    assertThat(ServerHarness.statuses(h.output())).containsExactly(400);
    assertThat(h.routed).isEmpty();
  }

  @Test
  void pipelinedRequestsAreAnsweredInOrderAndBodiesReframed() {
    ServerHarness h = new ServerHarness().feed("POST /a HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nabc"
        + "POST /b HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n2;x=\"y\"\r\nde\r\n1\r\nf\r\n0\r\nT: 1\r\n\r\n"
        + "GET /c HTTP/1.1\r\nHost: a\r\n\r\n");
    assertThat(ServerHarness.statuses(h.output())).containsExactly(200, 200, 200);
    assertThat(h.routed).extracting(RequestHead::uri).containsExactly("/a", "/b", "/c");
    assertThat(h.forwarder.completed()).extracting(f -> f.body.toString(StandardCharsets.ISO_8859_1))
        .containsExactly("abc", "def", "");
    assertThat(h.channel.isOpen()).isTrue();
  }

  @Test
  void respondTargetsAnswerDirectlyAndKeepTheConnection() {
    RequestRouter router = head -> head.path().equals("/boom")
        ? (Target) (Object) null : Target.Respond.notFound();
    Pipelines p = new Pipelines(EntryPointOptions.defaults(),
        new Dispatcher("web", router, new RecordingForwarder(), false));
    io.netty.channel.embedded.EmbeddedChannel ch = new io.netty.channel.embedded.EmbeddedChannel();
    p.http1(ch.pipeline(), true);
    ch.writeInbound(io.netty.buffer.Unpooled.copiedBuffer(
        "GET /x HTTP/1.1\r\nHost: a\r\n\r\nGET /boom HTTP/1.1\r\nHost: a\r\n\r\n", StandardCharsets.ISO_8859_1));
    StringBuilder out = new StringBuilder();
    Object o;
    while ((o = ch.readOutbound()) != null) {
      out.append(((io.netty.buffer.ByteBuf) o).toString(StandardCharsets.ISO_8859_1));
      ((io.netty.buffer.ByteBuf) o).release();
    }
    assertThat(out.toString()).startsWith("HTTP/1.1 404 Not Found\r\n")
        .contains("Content-Type: text/plain; charset=utf-8")
        .contains("\r\n\r\n404 page not found\n")
        .contains("HTTP/1.1 500 Internal Server Error");
    assertThat(ch.isOpen()).isTrue();
    ch.finishAndReleaseAll();
  }

  @Test
  void proxyTargetValidatesItsUpstream() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> Target.Proxy.to(URI.create("http://127.0.0.1:9000/path")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected http://host:port");
  }
}
