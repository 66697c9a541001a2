package io.cairn.gateway.compress;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.BrotliOutputStream;
import com.aayushatharva.brotli4j.encoder.Encoder;
import com.github.luben.zstd.ZstdOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

/**
 * The content codings the gateway produces, by their {@code Content-Encoding} token. Levels are
 * the defaults of the Go libraries Traefik uses: gzip 6 (klauspost gzhttp), brotli quality 6
 * (andybalholm/brotli {@code NewWriter}), zstd level 3 (klauspost zstd's default, zstd's own).
 */
public enum Encoding {
  GZIP("gzip", ".gz"),
  BR("br", ".br"),
  ZSTD("zstd", ".zst");

  private final String token;
  private final String suffix;

  Encoding(String token, String suffix) {
    this.token = token;
    this.suffix = suffix;
  }

  /** The {@code Content-Encoding} token: {@code gzip}, {@code br} or {@code zstd}. */
  public String token() {
    return token;
  }

  /** The file name suffix of a precompressed sidecar (Caddy's): {@code .gz}, {@code .br}, {@code .zst}. */
  public String suffix() {
    return suffix;
  }

  /** The encoding named {@code token} (exact, lower case as Traefik compares), or empty. */
  public static Optional<Encoding> byToken(String token) {
    for (Encoding e : values()) {
      if (e.token.equals(token)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /**
   * A compressing stream writing to {@code sink}; {@code flush()} emits everything written so far
   * as a decodable unit (sync flush), {@code close()} ends the stream and frees native memory.
   */
  OutputStream open(OutputStream sink) throws IOException {
    return switch (this) {
      case GZIP -> new GZIPOutputStream(sink, 8192, true);
      case BR -> {
        Brotli4jLoader.ensureAvailability();
        yield new BrotliOutputStream(sink, new Encoder.Parameters().setQuality(6));
      }
      case ZSTD -> new ZstdOutputStream(sink, 3);
    };
  }
}
