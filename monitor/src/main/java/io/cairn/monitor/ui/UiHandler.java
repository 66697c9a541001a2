package io.cairn.monitor.ui;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/**
 * The monitor's web UI: Prometheus 2.42's page routes and the static files they load, from the
 * classpath. Contract: {@link #handles} says whether a path belongs to the UI; {@link #handle}
 * answers it: {@code /} 302 to {@code /graph}; every page route the same HTML shell (the scripts
 * render the page the path names); {@code /static/<file>} the file under {@code
 * io/cairn/monitor/ui/static/}, and {@code /static/vendor/chart.umd.min.js} Chart.js from its
 * WebJar. Only GET and HEAD (else 405); unknown files, unknown types and paths with {@code .}, {@code
 * ..} or empty segments answer 404. Thread-safe.
 */
public final class UiHandler {
  /** The page routes of Prometheus 2.42's UI that cairn serves. */
  public static final Set<String> PAGES = Set.of("/graph", "/targets", "/alerts", "/rules", "/config", "/flags",
      "/status", "/tsdb-status", "/service-discovery");
  static final String STATIC = "/static/";
  private static final String HTML = "no-cache";
  private static final String ASSET = "public, max-age=300";

  private final Assets assets;

  public UiHandler() {
    this(new Assets(UiHandler.class.getClassLoader()));
  }

  UiHandler(Assets assets) {
    this.assets = assets;
  }

  /** Whether {@code path} is the UI's: {@code /}, a page route, {@code /static/...}, {@code /favicon.ico}. */
  public boolean handles(String path) {
    return path.equals("/") || PAGES.contains(path) || path.startsWith(STATIC) || path.equals("/favicon.ico");
  }

  /** Answers a request for a path {@link #handles} accepted. */
  public void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    String method = ex.getRequestMethod();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      ex.getResponseHeaders().set("Allow", "GET, HEAD");
      text(ex, 405, "method " + method + " not allowed\n");
      return;
    }
    if (path.equals("/")) {
      ex.getResponseHeaders().set("Location", "/graph");
      text(ex, 302, "<a href=\"/graph\">Found</a>.\n");
      return;
    }
    Assets.Asset a = PAGES.contains(path) ? assets.file("index.html")
        : path.equals("/favicon.ico") ? assets.file("favicon.svg")
        : path.startsWith(STATIC) ? assets.file(path.substring(STATIC.length()))
        : null;
    if (a == null) {
      text(ex, 404, "404 page not found\n");
      return;
    }
    String etag = ex.getRequestHeaders().getFirst("If-None-Match");
    ex.getResponseHeaders().set("ETag", a.etag());
    ex.getResponseHeaders().set("Cache-Control", a.contentType().startsWith("text/html") ? HTML : ASSET);
    ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    if (a.etag().equals(etag)) {
      ex.sendResponseHeaders(304, -1);
      return;
    }
    send(ex, 200, a.contentType(), a.body());
  }

  /** The content type of a file name by its extension, or null when the UI serves no such type. */
  static String contentType(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? null : TYPES.get(name.substring(dot + 1));
  }

  private static final Map<String, String> TYPES = Map.of(
      "html", "text/html; charset=utf-8",
      "js", "text/javascript; charset=utf-8",
      "css", "text/css; charset=utf-8",
      "svg", "image/svg+xml",
      "png", "image/png",
      "json", "application/json");

  private static void text(HttpExchange ex, int status, String body) throws IOException {
    send(ex, status, status == 302 ? "text/html; charset=utf-8" : "text/plain; charset=utf-8",
        body.getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    boolean head = ex.getRequestMethod().equals("HEAD");
    ex.sendResponseHeaders(status, head ? -1 : body.length);
    if (!head) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
