package io.cairn.monitor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The UI's routes, content types, caching headers, and refusals (traversal, unknown files, methods). */
class UiHandlerTest {
  private final HttpClient http = HttpClient.newHttpClient();
  private final UiHandler ui = new UiHandler();
  private HttpServer server;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", ex -> {
      try (ex) {
        if (ui.handles(ex.getRequestURI().getPath())) {
          ui.handle(ex);
        } else {
          ex.sendResponseHeaders(418, -1);
        }
      }
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).build());
  }

  private HttpResponse<String> send(HttpRequest r) throws Exception {
    return http.send(r, HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  @Test
  void rootRedirectsToGraph() throws Exception {
    HttpResponse<String> r = get("/");
    assertThat(r.statusCode()).isEqualTo(302);
    assertThat(r.headers().firstValue("Location")).hasValue("/graph");
  }

  @Test
  void everyPageServesTheHtmlShellUncached() throws Exception {
    for (String page : UiHandler.PAGES) {
      HttpResponse<String> r = get(page);
      assertThat(r.statusCode()).as(page).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type")).as(page).hasValue("text/html; charset=utf-8");
      assertThat(r.headers().firstValue("Cache-Control")).as(page).hasValue("no-cache");
      assertThat(r.body()).as(page).contains("<main id=\"app\">", "/static/js/app.js");
    }
  }

  @Test
  void staticFilesHaveTheirContentTypesAndETags() throws Exception {
    assertThat(get("/static/js/graph.js").headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
    assertThat(get("/static/app.css").headers().firstValue("Content-Type")).hasValue("text/css; charset=utf-8");
    assertThat(get("/favicon.ico").headers().firstValue("Content-Type")).hasValue("image/svg+xml");
    HttpResponse<String> js = get("/static/js/app.js");
    assertThat(js.headers().firstValue("Cache-Control")).hasValue("public, max-age=300");
    String etag = js.headers().firstValue("ETag").orElseThrow();
    HttpResponse<String> again = send(HttpRequest.newBuilder(uri("/static/js/app.js")).header("If-None-Match", etag).build());
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
  }

  @Test
  void chartJsComesFromItsWebJar() throws Exception {
    HttpResponse<String> r = get("/static/vendor/chart.umd.min.js");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
    assertThat(r.body()).startsWith("/*!\n * Chart.js v");
  }

  @Test
  void unknownFilesTypesAndDirectoriesAre404() throws Exception {
    for (String path : new String[] {"/static/nope.js", "/static/js", "/static/js/", "/static/", "/static/app.txt",
        "/static/.hidden.js", "/static/js//app.js"}) {
      assertThat(get(path).statusCode()).as(path).isEqualTo(404);
    }
    assertThat(ui.handles("/api/v1/query")).isFalse();
    assertThat(ui.handles("/graphx")).isFalse();
  }

  @Test
  void traversalIsRefused() throws Exception {
    for (String path : new String[] {"/static/../index.html", "/static/js/../../../UiHandler.class",
        "/static/%2e%2e/index.html", "/static/..%2fAssets.class", "/static/..%5cindex.html"}) {
      assertThat(raw(path)).as(path).startsWith("HTTP/1.1 404");
    }
    assertThat(new Assets(getClass().getClassLoader()).file("../index.html")).isNull();
    assertThat(new Assets(getClass().getClassLoader()).file("/etc/passwd.html")).isNull();
  }

  @Test
  void missingFilesAreNotKeptInMemory() {
    Assets assets = new Assets(getClass().getClassLoader());
    for (int i = 0; i < 100; i++) {
      assertThat(assets.file("js/missing-" + i + ".js")).isNull();
    }
    assertThat(assets.file("app.css")).isNotNull();
    assertThat(assets.cached()).isEqualTo(1);
  }

  /** A request sent as written (the HTTP client would normalise the dots away). */
  private String raw(String path) throws Exception {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.getAddress().getPort())) {
      s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.ISO_8859_1));
      return new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  @Test
  void onlyGetAndHead() throws Exception {
    HttpResponse<String> post = send(HttpRequest.newBuilder(uri("/graph")).POST(HttpRequest.BodyPublishers.noBody()).build());
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
    HttpResponse<String> head = send(HttpRequest.newBuilder(uri("/graph")).method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
  }
}
