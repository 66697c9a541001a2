package io.cairn.gateway.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small upstream for end-to-end tests (JDK HttpServer on 127.0.0.1): {@code /hello}, {@code
 * /headers} (echoes request headers, one per line, names lower-cased), {@code /upload} (answers the
 * body's SHA-256 and length), {@code /download?n=N} (streams N bytes of {@link #pattern}), {@code
 * /slow} (answers after 2 s).
 */
final class Backend implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService pool = Executors.newFixedThreadPool(8);

  Backend() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
    server.setExecutor(pool);
    server.createContext("/hello", ex -> send(ex, 200, "hello"));
    server.createContext("/headers", ex -> {
      Map<String, List<String>> sorted = new TreeMap<>();
      ex.getRequestHeaders().forEach((k, v) -> sorted.put(k.toLowerCase(), v));
      StringBuilder sb = new StringBuilder();
      sorted.forEach((k, v) -> v.forEach(x -> sb.append(k).append(": ").append(x).append('\n')));
      send(ex, 200, sb.toString());
    });
    server.createContext("/upload", ex -> {
      try (InputStream in = ex.getRequestBody()) {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
          sha.update(buf, 0, n);
          total += n;
        }
        send(ex, 200, HexFormat.of().formatHex(sha.digest()) + " " + total);
      } catch (Exception e) {
        send(ex, 500, e.toString());
      }
    });
    server.createContext("/download", ex -> {
      long n = Long.parseLong(ex.getRequestURI().getQuery().substring(2));
      ex.sendResponseHeaders(200, 0); // chunked
      try (OutputStream out = ex.getResponseBody()) {
        byte[] buf = new byte[64 * 1024];
        for (long off = 0; off < n; off += buf.length) {
          int len = (int) Math.min(buf.length, n - off);
          pattern(off, buf, len);
          out.write(buf, 0, len);
        }
      }
    });
    server.createContext("/slow", ex -> {
      try {
        Thread.sleep(2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      send(ex, 200, "slow");
    });
    server.start();
  }

  /** Deterministic bytes: byte at offset i is (i * 31 + i / 4096) mod 251. */
  static void pattern(long offset, byte[] buf, int len) {
    for (int i = 0; i < len; i++) {
      long x = offset + i;
      buf[i] = (byte) ((x * 31 + x / 4096) % 251);
    }
  }

  int port() {
    return server.getAddress().getPort();
  }

  private static void send(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getRequestBody().readAllBytes();
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
