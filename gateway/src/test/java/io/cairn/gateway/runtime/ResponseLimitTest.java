package io.cairn.gateway.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link ResponseLimit} on an embedded channel: what goes out, and that the process-wide count of
 * held bytes returns to what it was whether the response fits, is too long or is abandoned.
 */
class ResponseLimitTest {
  private static HttpResponse head() {
    return new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
  }

  private static HttpContent piece(int n) {
    return new DefaultHttpContent(Unpooled.wrappedBuffer(new byte[n]));
  }

  private static List<Object> drain(EmbeddedChannel ch) {
    List<Object> out = new ArrayList<>();
    for (Object o; (o = ch.readOutbound()) != null; ) {
      out.add(o);
    }
    return out;
  }

  @Test
  void aFittingResponseGoesOutWholeAtItsEnd() {
    long before = ResponseLimit.heldTotal();
    EmbeddedChannel ch = new EmbeddedChannel(new ResponseLimit(1000, false));
    ch.writeAndFlush(head());
    ch.writeAndFlush(piece(400));
    assertThat(drain(ch)).as("held until the end").isEmpty();
    assertThat(ResponseLimit.heldTotal()).isEqualTo(before + 400);
    ch.writeAndFlush(new DefaultLastHttpContent(Unpooled.wrappedBuffer(new byte[600])));
    List<Object> out = drain(ch);
    assertThat(out).hasSize(3);
    assertThat(((HttpResponse) out.getFirst()).status().code()).isEqualTo(200);
    out.forEach(ReferenceCountUtil::release);
    assertThat(ResponseLimit.heldTotal()).isEqualTo(before);
    assertThat(ch.pipeline().get(ResponseLimit.class)).as("removed itself").isNull();
    ch.finishAndReleaseAll();
  }

  @Test
  void aTooLongResponseBecomes500AndNothingStaysHeld() {
    long before = ResponseLimit.heldTotal();
    EmbeddedChannel ch = new EmbeddedChannel(new ResponseLimit(1000, false));
    ch.writeAndFlush(head());
    ch.writeAndFlush(piece(900));
    ch.writeAndFlush(piece(200));
    assertThat(ResponseLimit.heldTotal()).isEqualTo(before);
    assertThat(drain(ch)).isEmpty();
    ch.writeAndFlush(new DefaultLastHttpContent());
    List<Object> out = drain(ch);
    assertThat(out).hasSize(1);
    assertThat(((FullHttpResponse) out.getFirst()).status().code()).isEqualTo(500);
    out.forEach(ReferenceCountUtil::release);
    ch.finishAndReleaseAll();
  }

  @Test
  void anAbandonedResponseGivesItsBytesBack() {
    long before = ResponseLimit.heldTotal();
    ResponseLimit limit = new ResponseLimit(1000, false);
    EmbeddedChannel ch = new EmbeddedChannel(limit);
    ch.writeAndFlush(head());
    ch.writeAndFlush(piece(500));
    assertThat(ResponseLimit.heldTotal()).isEqualTo(before + 500);
    limit.abandon(ch);
    assertThat(ResponseLimit.heldTotal()).isEqualTo(before);
    ch.finishAndReleaseAll();
  }
}
