package io.cairn.gateway.compress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aayushatharva.brotli4j.decoder.BrotliInputStream;
import com.github.luben.zstd.ZstdInputStream;
import io.cairn.gateway.config.Middleware;
import io.cairn.gateway.proxy.BodyFilter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CompressionTest {
  private static Compression policy(List<String> excluded, List<String> included, int min, String def) {
    return Compression.of(new Middleware.Compress(excluded, included, min, Middleware.Compress.DEFAULT_ENCODINGS, def));
  }

  private static final Compression DEFAULT = policy(List.of(), List.of(), 1024, "");

  @ParameterizedTest
  @EnumSource(Encoding.class)
  void streamsDecodeToTheOriginalBytes(Encoding encoding) throws Exception {
    byte[] data = new byte[300_000];
    Random random = new Random(7);
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) ("abcdefgh".charAt(random.nextInt(8)));
    }
    for (boolean flushEach : new boolean[] {false, true}) {
      BodyFilter f = new CompressFilter(encoding, flushEach);
      ByteArrayOutputStream wire = new ByteArrayOutputStream();
      for (int off = 0; off < data.length; off += 7000) {
        int n = Math.min(7000, data.length - off);
        HttpContent out = f.filter(new DefaultHttpContent(Unpooled.wrappedBuffer(data, off, n)));
        drain(out, wire);
        if (flushEach) {
          assertThat(out.refCnt()).isZero();
        }
      }
      LastHttpContent last = new DefaultLastHttpContent();
      last.trailingHeaders().set("grpc-status", "0");
      HttpContent end = f.filter(last);
      assertThat(end).isInstanceOf(LastHttpContent.class);
      assertThat(((LastHttpContent) end).trailingHeaders().get("grpc-status")).isEqualTo("0");
      drain(end, wire);
      f.close();
      assertThat(wire.size()).isLessThan(data.length / 2);
      assertThat(decode(encoding, wire.toByteArray())).isEqualTo(data);
    }
  }

  private static void drain(HttpContent c, ByteArrayOutputStream to) {
    ByteBuf b = c.content();
    byte[] bytes = new byte[b.readableBytes()];
    b.readBytes(bytes);
    to.writeBytes(bytes);
    c.release();
  }

  static byte[] decode(Encoding e, byte[] bytes) throws Exception {
    InputStream in = switch (e) {
      case GZIP -> new GZIPInputStream(new ByteArrayInputStream(bytes));
      case BR -> new BrotliInputStream(new ByteArrayInputStream(bytes));
      case ZSTD -> new ZstdInputStream(new ByteArrayInputStream(bytes));
    };
    try (in) {
      return in.readAllBytes();
    }
  }

  @Test
  void negotiationFollowsTraefik() {
    assertThat(DEFAULT.negotiate("HEAD", null, List.of("gzip"))).isEmpty();
    assertThat(DEFAULT.negotiate("GET", null, List.of())).as("no Accept-Encoding, no default").isEmpty();
    assertThat(policy(List.of(), List.of(), 0, "gzip").negotiate("GET", null, List.of())).contains(Encoding.GZIP);
    assertThat(DEFAULT.negotiate("POST", "application/grpc", List.of("gzip"))).isEmpty();
    assertThat(DEFAULT.negotiate("GET", "text/plain", List.of("gzip, br"))).contains(Encoding.BR);
  }

  @Test
  void responseRules() {
    HttpHeaders h = new DefaultHttpHeaders().set("Content-Type", "text/html").set("Content-Length", "5000");
    assertThat(DEFAULT.start(Encoding.GZIP, 200, h, true)).isNotSameAs(BodyFilter.NONE);
    assertThat(h.get("Content-Encoding")).isEqualTo("gzip");
    assertThat(h.contains("Content-Length")).isFalse();
    assertThat(h.get("Vary")).isEqualTo("Accept-Encoding");

    HttpHeaders small = new DefaultHttpHeaders().set("Content-Length", "1023");
    assertThat(DEFAULT.start(Encoding.GZIP, 200, small, true)).isSameAs(BodyFilter.NONE);
    assertThat(small.get("Vary")).as("Vary even when not compressed").isEqualTo("Accept-Encoding");
    assertThat(small.get("Content-Length")).isEqualTo("1023");

    assertThat(DEFAULT.start(Encoding.GZIP, 200, new DefaultHttpHeaders().set("Content-Encoding", "br"), true))
        .isSameAs(BodyFilter.NONE);
    assertThat(DEFAULT.start(Encoding.GZIP, 304, new DefaultHttpHeaders(), true)).isSameAs(BodyFilter.NONE);
    assertThat(DEFAULT.start(Encoding.GZIP, 204, new DefaultHttpHeaders(), true)).isSameAs(BodyFilter.NONE);
    assertThat(DEFAULT.start(Encoding.GZIP, 206, new DefaultHttpHeaders().set("Content-Range", "bytes 0-1/2"), true))
        .isSameAs(BodyFilter.NONE);
    assertThat(DEFAULT.start(Encoding.GZIP, 200, new DefaultHttpHeaders().set("Content-Type", "application/grpc"), true))
        .isSameAs(BodyFilter.NONE);
    assertThat(DEFAULT.start(Encoding.GZIP, 200, new DefaultHttpHeaders().set("Content-Type", "not a type"), true))
        .isSameAs(BodyFilter.NONE);

    Compression onlyText = policy(List.of(), List.of("text/plain"), 1, "");
    assertThat(onlyText.start(Encoding.ZSTD, 200, new DefaultHttpHeaders().set("Content-Type", "text/html"), true))
        .isSameAs(BodyFilter.NONE);
    BodyFilter f = onlyText.start(Encoding.ZSTD, 200,
        new DefaultHttpHeaders().set("Content-Type", "text/plain; charset=utf-8"), true);
    assertThat(f).isNotSameAs(BodyFilter.NONE);
    f.close();
    Compression noImages = policy(List.of("image/png"), List.of(), 1, "");
    assertThat(noImages.start(Encoding.BR, 200, new DefaultHttpHeaders().set("Content-Type", "IMAGE/PNG"), true))
        .isSameAs(BodyFilter.NONE);
  }

  @Test
  void optionsAreCheckedAsTraefikDoes() {
    assertThatThrownBy(() -> policy(List.of("text/html"), List.of("text/plain"), 0, ""))
        .hasMessageContaining("mutually exclusive");
    assertThatThrownBy(() -> policy(List.of("bad"), List.of(), 0, "")).hasMessageContaining("parsing excluded media type");
    assertThatThrownBy(() -> Compression.of(new Middleware.Compress(List.of(), List.of(), 0, List.of("gzip"), "br")))
        .hasMessageContaining("unsupported default encoding: br");
    assertThatThrownBy(() -> Compression.of(new Middleware.Compress(List.of(), List.of(), 0, List.of("deflate"), "")))
        .hasMessageContaining("unsupported encoding: deflate");
    assertThat(Optional.of(policy(List.of(), List.of(), 0, "")).map(Compression::encodings))
        .contains(List.of(Encoding.ZSTD, Encoding.BR, Encoding.GZIP));
  }
}
