package io.cairn.gateway.runtime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A JDK HttpServer on 127.0.0.1 that answers {@code NAME} on every path (and {@code ok} on {@code
 * /health}), counts requests, records the requests it saw, and can be stopped and started again
 * on the same port.
 */
final class TestBackend implements AutoCloseable {
  /** One request as the backend saw it. */
  record Seen(String method, String uri, com.sun.net.httpserver.Headers headers, byte[] body) {
    String header(String name) {
      return headers.getFirst(name);
    }
  }

  private final String name;
  private final AtomicLong hits = new AtomicLong();
  final List<Seen> seen = new CopyOnWriteArrayList<>();
  private volatile int status = 200;
  /** Headers added to every non-health answer. */
  final java.util.Map<String, String> responseHeaders = new java.util.concurrent.ConcurrentHashMap<>();
  private HttpServer server;
  private int port;

  TestBackend(String name) throws IOException {
    this.name = name;
    start(0);
  }

  synchronized void start(int wanted) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", wanted), 128);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", this::handle);
    server.start();
    port = server.getAddress().getPort();
  }

  /** Starts again on the port it had. */
  void restart() throws IOException {
    start(port);
  }

  /** Stops listening and closes its connections (in-flight handlers get up to a second). */
  synchronized void stop() {
    server.stop(1);
  }

  /** The status every non-health answer has from now on. */
  void status(int code) {
    status = code;
  }

  private void handle(HttpExchange ex) throws IOException {
    byte[] body;
    try (InputStream in = ex.getRequestBody()) {
      body = in.readAllBytes();
    }
    boolean health = ex.getRequestURI().getPath().equals("/health");
    if (!health) {
      hits.incrementAndGet();
      if (seen.size() < 1000) {
        seen.add(new Seen(ex.getRequestMethod(), ex.getRequestURI().toString(), ex.getRequestHeaders(), body));
      }
    }
    byte[] out = (health ? "ok" : name).getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "text/plain");
    if (!health) {
      responseHeaders.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
    }
    ex.sendResponseHeaders(health ? 200 : status, out.length);
    try (var os = ex.getResponseBody()) {
      os.write(out);
    }
  }

  int port() {
    return port;
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  long hits() {
    return hits.get();
  }

  @Override
  public void close() {
    stop();
  }
}
