package io.cairn.gateway.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.gateway.compress.Encoding;
import io.cairn.gateway.server.Target;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The file server's answers without sockets: Go's {@code ServeFileRangeTests} and Caddy's rules. */
class FileServerTest {
  @TempDir Path root;
  private FileServer server;

  @BeforeEach
  void setUp() throws Exception {
    Files.writeString(root.resolve("index.html"), "index.html says hello\n");
    Files.writeString(root.resolve("testfile"), "0123456789\n"); // 11 bytes, as Go's testFileLen
    Files.setLastModifiedTime(root.resolve("testfile"), FileTime.fromMillis(1403716338_000L));
    Files.writeString(root.resolve("app.js"), "js");
    Files.writeString(root.resolve("app.js.br"), "br-bytes");
    Files.writeString(root.resolve("app.js.zst"), "zstd-bytes");
    Files.writeString(root.resolve("noext"), "?");
    server = new FileServer(new FileServerSpec(root, FileServerSpec.DEFAULT_INDEX_NAMES, false,
        List.of(Encoding.ZSTD, Encoding.BR), List.of()));
  }

  private Target.Stream get(String uri, String... headers) {
    HttpHeaders h = new DefaultHttpHeaders();
    for (int i = 0; i < headers.length; i += 2) {
      h.add(headers[i], headers[i + 1]);
    }
    return (Target.Stream) server.serve("GET", uri, h);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "''                   | 200 | ''",
      "bytes=0-4            | 206 | bytes 0-4/11",
      "bytes=2-             | 206 | bytes 2-10/11",
      "bytes=-5             | 206 | bytes 6-10/11",
      "bytes=3-7            | 206 | bytes 3-7/11",
      "bytes=0-0,-2         | 206 | ''",
      "bytes=0-1,5-8        | 206 | ''",
      "bytes=5-1000         | 206 | bytes 5-10/11",
      "bytes=0-,1-,2-,3-,4- | 200 | ''",
      "bytes=0-9            | 206 | bytes 0-9/11",
      "bytes=0-10           | 206 | bytes 0-10/11",
      "bytes=0-11           | 206 | bytes 0-10/11",
      "bytes=10-11          | 206 | bytes 10-10/11",
      "bytes=10-            | 206 | bytes 10-10/11",
      "bytes=11-            | 416 | bytes */11",
      "bytes=11-12          | 416 | bytes */11",
      "bytes=12-12          | 416 | bytes */11",
      "bytes=100-1000       | 416 | bytes */11",
  })
  void serveFileRangeTests(String range, int status, String contentRange) {
    Target.Stream s = range.isEmpty() ? get("/testfile") : get("/testfile", "Range", range);
    assertThat(s.status()).isEqualTo(status);
    assertThat(s.headers().getOrDefault("Content-Range", "")).isEqualTo(contentRange);
    if (status == 206 && contentRange.isEmpty()) {
      assertThat(s.headers().get("Content-Type")).startsWith("multipart/byteranges; boundary=");
    }
  }

  @Test
  void tooManyRangesGetTheWholeFile() throws Exception {
    Files.write(root.resolve("kilo"), new byte[1000]);
    for (int count : new int[] {ContentServer.MAX_RANGES, ContentServer.MAX_RANGES + 1}) {
      StringBuilder r = new StringBuilder("bytes=");
      for (int i = 0; i < count; i++) {
        r.append(i == 0 ? "" : ",").append(2 * i).append('-').append(2 * i);
      }
      assertThat(get("/kilo", "Range", r.toString()).status()).as(count + " ranges")
          .isEqualTo(count <= ContentServer.MAX_RANGES ? 206 : 200);
    }
  }

  @Test
  void headersOfAPlainFile() {
    Target.Stream s = get("/testfile");
    assertThat(s.headers()).containsEntry("Last-Modified", "Wed, 25 Jun 2014 17:12:18 GMT")
        .containsEntry("ETag", "\"" + Long.toString(1403716338L, 36) + "b\"").containsEntry("Accept-Ranges", "bytes")
        .containsEntry("Vary", "Accept-Encoding").doesNotContainKey("Content-Type");
    assertThat(s.parts()).containsExactly(new Target.Part.FileRange(root.resolve("testfile"), 0, 11));
    assertThat(get("/index.html").headers()).containsEntry("Content-Type", "text/html; charset=utf-8");
  }

  @Test
  void rootServesItsIndexWithoutRedirect() {
    Target.Stream s = get("/");
    assertThat(s.status()).isEqualTo(200);
    assertThat(s.parts()).containsExactly(new Target.Part.FileRange(root.resolve("index.html"), 0, 22));
    assertThat(get("/index.html/").status()).isEqualTo(308);
  }

  @Test
  void precompressedSidecarsFollowAcceptEncodingThenPreference() {
    Target.Stream zstd = get("/app.js", "Accept-Encoding", "gzip, br, zstd");
    assertThat(zstd.headers()).containsEntry("Content-Encoding", "zstd")
        .containsEntry("Content-Type", "text/javascript; charset=utf-8").containsEntry("Vary", "Accept-Encoding");
    assertThat(zstd.length()).isEqualTo("zstd-bytes".length());
    Target.Stream br = get("/app.js", "Accept-Encoding", "br;q=1, zstd;q=0.5");
    assertThat(br.headers()).containsEntry("Content-Encoding", "br");
    assertThat(br.headers().get("ETag")).isNotEqualTo(zstd.headers().get("ETag"));
    Target.Stream plain = get("/app.js", "Accept-Encoding", "gzip");
    assertThat(plain.headers()).doesNotContainKey("Content-Encoding");
    assertThat(plain.length()).isEqualTo(2);
  }

  @Test
  void notModifiedDropsTheRepresentationHeaders() {
    String etag = get("/index.html").headers().get("ETag");
    Target.Stream s = get("/index.html", "If-None-Match", etag);
    assertThat(s.status()).isEqualTo(304);
    assertThat(s.headers()).containsEntry("ETag", etag).doesNotContainKeys("Content-Type", "Last-Modified");
    assertThat(s.parts()).isEmpty();
  }

  @Test
  void headAndMethods() {
    assertThat(((Target.Stream) server.serve("HEAD", "/testfile", new DefaultHttpHeaders())).status()).isEqualTo(200);
    Target.Stream put = (Target.Stream) server.serve("PUT", "/testfile", new DefaultHttpHeaders());
    assertThat(put.status()).isEqualTo(405);
    assertThat(put.headers()).containsEntry("Allow", "GET, HEAD");
    assertThat(get("/missing").status()).isEqualTo(404);
    assertThat(get("/noext").headers()).doesNotContainKey("Content-Type");
  }
}
