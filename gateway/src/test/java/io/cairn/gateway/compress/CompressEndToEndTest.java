package io.cairn.gateway.compress;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.cairn.common.lifecycle.Endpoint;
import io.cairn.gateway.config.StaticConfig;
import io.cairn.gateway.runtime.GatewayServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code compress} middleware and a {@code fileServer} service in a running gateway (file
 * provider), checked with the real curl: proxied responses with and without a length, files, HEAD,
 * ranges, small bodies; gzip decoded by curl, br and zstd decoded here with brotli4j and zstd-jni.
 */
class CompressEndToEndTest {
  private static final byte[] TEXT = "the quick brown fox jumps over the lazy dog\n".repeat(2000)
      .getBytes(StandardCharsets.UTF_8);
  private static HttpServer backend;
  private static GatewayServer gateway;
  private static Path dir;
  private static String base;

  @BeforeAll
  static void start() throws Exception {
    backend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    backend.createContext("/sized", ex -> {
      ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
      ex.sendResponseHeaders(200, TEXT.length);
      try (OutputStream o = ex.getResponseBody()) {
        o.write(TEXT);
      }
    });
    backend.createContext("/chunked", ex -> {
      ex.getResponseHeaders().set("Content-Type", "text/plain");
      ex.sendResponseHeaders(200, 0);
      try (OutputStream o = ex.getResponseBody()) {
        for (int i = 0; i < TEXT.length; i += 5000) {
          o.write(TEXT, i, Math.min(5000, TEXT.length - i));
          o.flush();
        }
      }
    });
    backend.createContext("/small", ex -> {
      byte[] b = "tiny".getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(200, b.length);
      try (OutputStream o = ex.getResponseBody()) {
        o.write(b);
      }
    });
    backend.createContext("/image", ex -> {
      ex.getResponseHeaders().set("Content-Type", "image/png");
      ex.sendResponseHeaders(200, TEXT.length);
      try (OutputStream o = ex.getResponseBody()) {
        o.write(TEXT);
      }
    });
    backend.start();
    dir = Files.createTempDirectory("compress-e2e");
    Path root = Files.createDirectories(dir.resolve("www"));
    Files.write(root.resolve("page.txt"), TEXT);
    Path dynamic = dir.resolve("dynamic.yml");
    Files.writeString(dynamic, """
        http:
          routers:
            files:
              rule: "PathPrefix(`/static`)"
              service: files
              middlewares: [strip, zip]
            api:
              rule: "PathPrefix(`/`)"
              service: api
              middlewares: [zip]
          middlewares:
            strip: {stripPrefix: {prefixes: ["/static"]}}
            zip: {compress: {excludedContentTypes: ["image/png"]}}
          services:
            files: {fileServer: {root: "%s"}}
            api: {loadBalancer: {servers: [{url: "http://127.0.0.1:%d"}]}}
        """.formatted(root, backend.getAddress().getPort()));
    gateway = new GatewayServer(StaticConfig.fromArgs(List.of("--entryPoints.web.address=127.0.0.1:0",
        "--providers.file.filename=" + dynamic, "--providers.file.watch=false")));
    gateway.start();
    Endpoint web = gateway.endpoints().getFirst();
    base = web.url();
  }

  @AfterAll
  static void stop() {
    if (gateway != null) {
      gateway.stop();
    }
    if (backend != null) {
      backend.stop(0);
    }
  }

  record Result(int exit, byte[] body, String err) {
    String header(String name) {
      String value = null;
      for (String line : err.split("\r?\n")) {
        if (line.regionMatches(true, 0, "< " + name + ":", 0, name.length() + 3)) {
          value = line.substring(name.length() + 3).strip();
        }
      }
      return value;
    }
  }

  static Result curl(String... args) throws IOException, InterruptedException {
    boolean found = false;
    for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
      found |= Files.isExecutable(Path.of(d, "curl"));
    }
    assertThat(found).as("curl must be installed (apt-get install curl)").isTrue();
    List<String> cmd = new ArrayList<>(List.of("curl", "-sS", "-v", "--max-time", "30"));
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile(dir, "curl", ".out");
    Path err = Files.createTempFile(dir, "curl", ".err");
    Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(40, TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor();
      throw new AssertionError("curl did not finish within 40 s");
    }
    return new Result(p.exitValue(), Files.readAllBytes(out), Files.readString(err, StandardCharsets.ISO_8859_1));
  }

  @Test
  void proxiedResponsesAreCompressedInEveryEncoding() throws Exception {
    for (String path : List.of("/sized", "/chunked")) {
      Result gz = curl("--compressed", "-H", "Accept-Encoding: gzip", base + path);
      assertThat(gz.exit()).as(gz.err()).isZero();
      assertThat(gz.header("Content-Encoding")).as(path).isEqualTo("gzip");
      assertThat(gz.header("Content-Length")).as(path).isNull();
      assertThat(gz.header("Vary")).isEqualTo("Accept-Encoding");
      assertThat(gz.body()).as(path).isEqualTo(TEXT);
      for (Encoding e : List.of(Encoding.BR, Encoding.ZSTD)) {
        Result raw = curl("-H", "Accept-Encoding: " + e.token(), base + path);
        assertThat(raw.header("Content-Encoding")).isEqualTo(e.token());
        assertThat(raw.body().length).isLessThan(TEXT.length / 4);
        assertThat(CompressionTest.decode(e, raw.body())).as(path + " " + e).isEqualTo(TEXT);
      }
      Result h2 = curl("--http2-prior-knowledge", "-H", "Accept-Encoding: zstd;q=0.5, gzip", base + path);
      assertThat(h2.header("content-encoding")).isEqualTo("gzip");
      assertThat(CompressionTest.decode(Encoding.GZIP, h2.body())).isEqualTo(TEXT);
    }
  }

  @Test
  void whatIsNotCompressed() throws Exception {
    Result none = curl(base + "/sized");
    assertThat(none.header("Content-Encoding")).as("no Accept-Encoding, no defaultEncoding").isNull();
    assertThat(none.body()).isEqualTo(TEXT);
    Result small = curl("-H", "Accept-Encoding: gzip", base + "/small");
    assertThat(small.header("Content-Encoding")).isNull();
    assertThat(new String(small.body(), StandardCharsets.UTF_8)).isEqualTo("tiny");
    Result image = curl("-H", "Accept-Encoding: gzip", base + "/image");
    assertThat(image.header("Content-Encoding")).isNull();
    assertThat(image.body()).isEqualTo(TEXT);
    Result head = curl("-I", "-H", "Accept-Encoding: gzip", base + "/sized");
    assertThat(head.header("Content-Encoding")).isNull();
    assertThat(head.err()).contains("< HTTP/1.1 200");
  }

  @Test
  void filesFromAFileServerServiceAreCompressedButNotTheirRanges() throws Exception {
    Result gz = curl("--compressed", "-H", "Accept-Encoding: br, gzip;q=0.9", base + "/static/page.txt");
    assertThat(gz.exit()).as(gz.err()).isZero();
    assertThat(gz.header("Content-Encoding")).isEqualTo("br");
    assertThat(gz.body()).isEqualTo(TEXT);
    Result zstd = curl("--http2-prior-knowledge", "-H", "Accept-Encoding: zstd", base + "/static/page.txt");
    assertThat(CompressionTest.decode(Encoding.ZSTD, zstd.body())).isEqualTo(TEXT);
    Result range = curl("-r", "4-8", "-H", "Accept-Encoding: gzip", base + "/static/page.txt");
    assertThat(range.header("Content-Encoding")).isNull();
    assertThat(new String(range.body(), StandardCharsets.UTF_8)).isEqualTo("quick");
    String etag = curl("-I", base + "/static/page.txt").header("ETag");
    Result notModified = curl("-H", "If-None-Match: " + etag, "-H", "Accept-Encoding: gzip", base + "/static/page.txt");
    assertThat(notModified.err()).contains("< HTTP/1.1 304");
    assertThat(notModified.body()).isEmpty();
  }
}
