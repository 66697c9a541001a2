package io.cairn.monitor.web;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/** Request and response helpers shared by the handlers: bounded bodies, query parameters, replies. */
final class Exchanges {
  private Exchanges() {}

  /** A body longer than the limit the handler allows. */
  static final class TooLarge extends Exception {
    TooLarge(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * The request body, decompressed if {@code Content-Encoding: gzip} and {@code gunzip} is set; at
   * most {@code limit} bytes are read (compressed and decompressed), else {@link TooLarge}.
   */
  static byte[] body(HttpExchange ex, int limit, boolean gunzip) throws IOException, TooLarge {
    String declared = ex.getRequestHeaders().getFirst("Content-Length");
    if (declared != null) {
      try {
        if (Long.parseLong(declared.trim()) > limit) {
          throw new TooLarge("body of " + declared.trim() + " bytes exceeds the limit of " + limit + " bytes");
        }
      } catch (NumberFormatException e) {
        // the server has already refused a malformed Content-Length; ignore
      }
    }
    byte[] raw = readBounded(ex.getRequestBody(), limit);
    String enc = ex.getRequestHeaders().getFirst("Content-Encoding");
    if (gunzip && enc != null && enc.trim().equalsIgnoreCase("gzip")) {
      try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(raw))) {
        return readBounded(in, limit);
      }
    }
    return raw;
  }

  private static byte[] readBounded(InputStream in, int limit) throws IOException, TooLarge {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(limit, 64 * 1024));
    byte[] buf = new byte[64 * 1024];
    long total = 0;
    for (int n; (n = in.read(buf)) > 0; ) {
      total += n;
      if (total > limit) {
        throw new TooLarge("body exceeds the limit of " + limit + " bytes");
      }
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }

  /** Query parameters (and, for form posts, the form body is not read here), repeated ones kept. */
  static Map<String, List<String>> query(HttpExchange ex) {
    return parseForm(ex.getRequestURI().getRawQuery());
  }

  static Map<String, List<String>> parseForm(String raw) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = decode(eq < 0 ? pair : pair.substring(0, eq));
      String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
      out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
    }
    return out;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s; // a malformed escape: keep the text, the handler will refuse what it cannot use
    }
  }

  static String first(Map<String, List<String>> params, String name) {
    List<String> v = params.get(name);
    return v == null || v.isEmpty() ? null : v.getFirst();
  }

  static void text(HttpExchange ex, int status, String text) throws IOException {
    send(ex, status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
  }

  static void json(HttpExchange ex, int status, String json) throws IOException {
    send(ex, status, "application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  static void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
    if (contentType != null) {
      ex.getResponseHeaders().set("Content-Type", contentType);
    }
    boolean noBody = status == 204 || ex.getRequestMethod().equals("HEAD") || body.length == 0;
    ex.sendResponseHeaders(status, noBody ? -1 : body.length);
    if (!noBody) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  static void noContent(HttpExchange ex) throws IOException {
    ex.sendResponseHeaders(204, -1);
  }
}
