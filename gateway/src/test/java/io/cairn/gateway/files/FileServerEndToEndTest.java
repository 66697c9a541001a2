package io.cairn.gateway.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.gateway.compress.Encoding;
import io.cairn.gateway.server.EntryPoint;
import io.cairn.gateway.server.EntryPointOptions;
import io.netty.handler.ssl.util.SelfSignedCertificate;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A file server on real sockets (cleartext HTTP/1.1 with sendfile, h2c, TLS with chunked reads)
 * checked with the real curl: whole files byte for byte, ranges, conditional requests, HEAD,
 * redirects, traversal attempts, listings and precompressed sidecars.
 */
class FileServerEndToEndTest {
  private static Path root;
  private static Path outside;
  private static byte[] big;
  private static byte[] css;
  private static EntryPoint web;
  private static EntryPoint websecure;
  private static SelfSignedCertificate cert;

  @BeforeAll
  static void start() throws Exception {
    root = Files.createTempDirectory("files-root");
    outside = Files.createTempFile("files-secret", ".txt");
    Files.writeString(outside, "secret outside the root");
    big = new byte[3 * 1024 * 1024 + 17];
    new Random(42).nextBytes(big);
    Files.write(root.resolve("big.bin"), big);
    Files.writeString(root.resolve("hello.txt"), "hello, world\n");
    Files.createDirectories(root.resolve("site"));
    Files.writeString(root.resolve("site/index.html"), "<h1>site</h1>\n");
    Files.createDirectories(root.resolve("list/sub dir"));
    Files.writeString(root.resolve("list/b.txt"), "b");
    Files.writeString(root.resolve("list/A <x>.txt"), "a");
    Files.writeString(root.resolve("list/.secret"), "hidden");
    css = "body { color: red; }\n".repeat(200).getBytes(StandardCharsets.UTF_8);
    Files.write(root.resolve("style.css"), css);
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream g = new GZIPOutputStream(gz)) {
      g.write(css);
    }
    Files.write(root.resolve("style.css.gz"), gz.toByteArray());
    Files.createSymbolicLink(root.resolve("escape.txt"), outside);
    Files.createSymbolicLink(root.resolve("inside.txt"), root.resolve("hello.txt"));
    FileServer files = new FileServer(new FileServerSpec(root, FileServerSpec.DEFAULT_INDEX_NAMES, true,
        List.of(Encoding.ZSTD, Encoding.BR, Encoding.GZIP), List.of(".secret")));
    EntryPointOptions options = EntryPointOptions.defaults().withIoThreads(2).withGraceTimeout(Duration.ofSeconds(1));
    web = EntryPoint.start("web", new InetSocketAddress("127.0.0.1", 0), options, files::serve);
    cert = new SelfSignedCertificate("localhost");
    websecure = EntryPoint.start("websecure", new InetSocketAddress("127.0.0.1", 0),
        options.withTls(new EntryPointOptions.TlsFiles(cert.certificate().toPath(), cert.privateKey().toPath())),
        files::serve);
  }

  @AfterAll
  static void stop() throws Exception {
    if (web != null) {
      web.stop();
    }
    if (websecure != null) {
      websecure.stop();
    }
    if (cert != null) {
      cert.delete();
    }
    Files.deleteIfExists(outside);
  }

  private static String url(String path) {
    return "http://127.0.0.1:" + web.port() + path;
  }

  @Test
  void wholeFileOverHttp11Http2AndTls() throws Exception {
    Curl.Result h1 = Curl.run("--http1.1", url("/big.bin"));
    assertThat(h1.exit()).as(h1.err()).isZero();
    assertThat(Arrays.equals(h1.body(), big)).as("HTTP/1.1 body equals the file").isTrue();
    Curl.Result h2 = Curl.run("--http2-prior-knowledge", url("/big.bin"));
    assertThat(h2.exit()).as(h2.err()).isZero();
    assertThat(Arrays.equals(h2.body(), big)).as("h2c body equals the file").isTrue();
    Curl.Result tls = Curl.run("-k", "https://127.0.0.1:" + websecure.port() + "/big.bin");
    assertThat(tls.exit()).as(tls.err()).isZero();
    assertThat(Arrays.equals(tls.body(), big)).as("TLS (h2 by ALPN) body equals the file").isTrue();
    Curl.Result tls1 = Curl.run("-k", "--http1.1", "https://127.0.0.1:" + websecure.port() + "/big.bin");
    assertThat(Arrays.equals(tls1.body(), big)).as("TLS HTTP/1.1 body equals the file").isTrue();
  }

  @Test
  void keepAliveAndPipelinedStreamsStayInOrder() throws Exception {
    Curl.Result r = Curl.run("-v", "--http1.1", url("/hello.txt"), url("/big.bin"), url("/site/"), url("/hello.txt"));
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).contains("Re-using existing connection");
    byte[] hello = "hello, world\n".getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    expected.writeBytes(hello);
    expected.writeBytes(big);
    expected.writeBytes("<h1>site</h1>\n".getBytes(StandardCharsets.UTF_8));
    expected.writeBytes(hello);
    assertThat(Arrays.equals(r.body(), expected.toByteArray())).as("four bodies in order").isTrue();
    // several streams on one h2c connection: h2load, since curl 7.88.1 cannot reuse a prior-knowledge
    // connection (curl issue #10634, fixed in 8.0)
    Process h2load = new ProcessBuilder("h2load", "-n", "12", "-c", "2", "-m", "4", url("/big.bin"))
        .redirectErrorStream(true).redirectOutput(root.resolveSibling(root.getFileName() + "-h2load.txt").toFile()).start();
    assertThat(h2load.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).as("h2load finished").isTrue();
    String report = Files.readString(root.resolveSibling(root.getFileName() + "-h2load.txt"));
    assertThat(report).as(report).contains("12 succeeded, 0 failed, 0 errored").contains("status codes: 12 2xx");
    assertThat(report).contains("traffic: ");
  }

  @Test
  void singleEntryPointOfTheFileServerCommand() throws Exception {
    io.cairn.gateway.runtime.GatewayServer single = io.cairn.gateway.runtime.GatewayServer.single("127.0.0.1:0",
        new FileServer(FileServerSpec.of(root))::serve);
    single.start();
    try {
      Curl.Result r = Curl.run(single.endpoints().getFirst().url() + "/hello.txt");
      assertThat(r.text()).isEqualTo("hello, world\n");
    } finally {
      single.stop();
    }
  }

  @Test
  void headersOfAFileAndHead() throws Exception {
    Curl.Result r = Curl.run("-I", "-v", url("/hello.txt"));
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(Curl.status(r.err())).isEqualTo(200);
    assertThat(Curl.header(r.err(), "Content-Length")).isEqualTo("13");
    assertThat(Curl.header(r.err(), "Content-Type")).isEqualTo("text/plain; charset=utf-8");
    assertThat(Curl.header(r.err(), "Accept-Ranges")).isEqualTo("bytes");
    long mtime = Files.getLastModifiedTime(root.resolve("hello.txt")).toMillis() / 1000;
    assertThat(Curl.header(r.err(), "ETag")).isEqualTo("\"" + Long.toString(mtime, 36) + "d\"");
    assertThat(Curl.header(r.err(), "Last-Modified")).isEqualTo(Validators.httpDate(mtime));
  }

  @Test
  void conditionalRequests() throws Exception {
    String etag = Curl.header(Curl.run("-I", "-v", url("/hello.txt")).err(), "ETag");
    Curl.Result notModified = Curl.run("-v", "-H", "If-None-Match: " + etag, url("/hello.txt"));
    assertThat(Curl.status(notModified.err())).isEqualTo(304);
    assertThat(notModified.body()).isEmpty();
    Curl.Result failed = Curl.run("-v", "-H", "If-Match: \"other\"", url("/hello.txt"));
    assertThat(Curl.status(failed.err())).isEqualTo(412);
    String lastModified = Curl.header(Curl.run("-I", "-v", url("/hello.txt")).err(), "Last-Modified");
    Curl.Result since = Curl.run("-v", "-H", "If-Modified-Since: " + lastModified, url("/hello.txt"));
    assertThat(Curl.status(since.err())).isEqualTo(304);
    Curl.Result stale = Curl.run("-v", "-r", "0-4", "-H", "If-Range: \"stale\"", url("/hello.txt"));
    assertThat(Curl.status(stale.err())).isEqualTo(200);
    assertThat(stale.text()).isEqualTo("hello, world\n");
  }

  @Test
  void ranges() throws Exception {
    Curl.Result one = Curl.run("-v", "-r", "100-199", url("/big.bin"));
    assertThat(Curl.status(one.err())).isEqualTo(206);
    assertThat(Curl.header(one.err(), "Content-Range")).isEqualTo("bytes 100-199/" + big.length);
    assertThat(one.body()).isEqualTo(Arrays.copyOfRange(big, 100, 200));
    Curl.Result h2 = Curl.run("--http2-prior-knowledge", "-r", "-10", url("/big.bin"));
    assertThat(h2.body()).isEqualTo(Arrays.copyOfRange(big, big.length - 10, big.length));
    Curl.Result many = Curl.run("-v", "-r", "0-4,7-11", url("/hello.txt"));
    assertThat(Curl.status(many.err())).isEqualTo(206);
    String type = Curl.header(many.err(), "Content-Type");
    assertThat(type).startsWith("multipart/byteranges; boundary=");
    String boundary = type.substring(type.indexOf('=') + 1);
    assertThat(many.text()).isEqualTo("--" + boundary + "\r\nContent-Range: bytes 0-4/13\r\n"
        + "Content-Type: text/plain; charset=utf-8\r\n\r\nhello\r\n--" + boundary
        + "\r\nContent-Range: bytes 7-11/13\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nworld\r\n--"
        + boundary + "--\r\n");
    assertThat(Curl.header(many.err(), "Content-Length")).isEqualTo(Integer.toString(many.body().length));
    Curl.Result bad = Curl.run("-v", "-r", "500-", url("/hello.txt"));
    assertThat(Curl.status(bad.err())).isEqualTo(416);
    assertThat(Curl.header(bad.err(), "Content-Range")).isEqualTo("bytes */13");
    assertThat(bad.text()).isEqualTo("invalid range: failed to overlap\n");
  }

  @Test
  void directoriesRedirectAndServeTheirIndex() throws Exception {
    Curl.Result redirect = Curl.run("-v", url("/site"));
    assertThat(Curl.status(redirect.err())).isEqualTo(308);
    assertThat(Curl.header(redirect.err(), "Location")).isEqualTo("/site/");
    Curl.Result index = Curl.run("-L", url("/site"));
    assertThat(index.text()).isEqualTo("<h1>site</h1>\n");
    Curl.Result fileSlash = Curl.run("-v", url("/hello.txt/"));
    assertThat(Curl.status(fileSlash.err())).isEqualTo(308);
    assertThat(Curl.header(fileSlash.err(), "Location")).isEqualTo("/hello.txt");
  }

  @Test
  void nothingOutsideTheRootIsReachable() throws Exception {
    for (String path : List.of("/../" + outside.getFileName(), "/%2e%2e/" + outside.getFileName(),
        "/..%2F" + outside.getFileName(), "/escape.txt", "/list/.secret", "/nope.txt")) {
      Curl.Result r = Curl.run("-v", "--path-as-is", url(path));
      assertThat(Curl.status(r.err())).as(path).isEqualTo(404);
      assertThat(r.text()).as(path).doesNotContain("secret");
    }
    assertThat(Curl.run("--path-as-is", url("/list/../inside.txt")).text()).isEqualTo("hello, world\n");
    Curl.Result badEscape = Curl.run("-v", "--path-as-is", url("/%zz"));
    assertThat(Curl.status(badEscape.err())).isEqualTo(400);
  }

  @Test
  void otherMethodsAreNotAllowed() throws Exception {
    Curl.Result r = Curl.run("-v", "-X", "POST", "-d", "x", url("/hello.txt"));
    assertThat(Curl.status(r.err())).isEqualTo(405);
    assertThat(Curl.header(r.err(), "Allow")).isEqualTo("GET, HEAD");
  }

  @Test
  void browseListsSortedEscapedNamesAsHtmlAndJson() throws Exception {
    Curl.Result html = Curl.run("-v", url("/list/"));
    assertThat(Curl.status(html.err())).isEqualTo(200);
    String page = html.text();
    assertThat(page).contains("A &lt;x&gt;.txt").contains("href=\"./A%20%3Cx%3E.txt\"").contains("sub dir/")
        .doesNotContain(".secret").doesNotContain("<x>");
    assertThat(page.indexOf("A &lt;x&gt;.txt")).isLessThan(page.indexOf(">b.txt<"));
    Curl.Result json = Curl.run("-H", "Accept: application/json", url("/list/"));
    assertThat(json.text()).startsWith("[{\"name\":\"A <x>.txt\",\"size\":1,\"url\":\"./A%20%3Cx%3E.txt\"")
        .contains("\"name\":\"sub dir\"").contains("\"is_dir\":true").doesNotContain(".secret");
    assertThat(Curl.status(Curl.run("-v", url("/list")).err())).isEqualTo(308);
  }

  @Test
  void precompressedSidecars() throws Exception {
    Curl.Result gz = Curl.run("-v", "--compressed", "-H", "Accept-Encoding: gzip", url("/style.css"));
    assertThat(Curl.header(gz.err(), "Content-Encoding")).isEqualTo("gzip");
    assertThat(Curl.header(gz.err(), "Content-Type")).isEqualTo("text/css; charset=utf-8");
    assertThat(Curl.header(gz.err(), "Vary")).isEqualTo("Accept-Encoding");
    assertThat(gz.body()).isEqualTo(css);
    Curl.Result plain = Curl.run("-v", "-H", "Accept-Encoding: br", url("/style.css"));
    assertThat(Curl.header(plain.err(), "Content-Encoding")).isNull();
    assertThat(plain.body()).isEqualTo(css);
  }
}
