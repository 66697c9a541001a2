package io.cairn.gateway.http3;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An HTTP/1.1 upstream on 127.0.0.1 (JDK HttpServer): {@code /hello} answers "hello", {@code
 * /echo} streams the request body back (chunked), {@code /proto} answers the X-Forwarded-Proto and
 * X-Forwarded-For it received.
 */
final class EchoBackend implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService pool = Executors.newFixedThreadPool(16);

  EchoBackend() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
    server.setExecutor(pool);
    server.createContext("/hello", ex -> send(ex, "hello from " + ex.getRequestURI()));
    server.createContext("/proto", ex -> send(ex,
        ex.getRequestHeaders().getFirst("X-Forwarded-Proto") + " "
            + ex.getRequestHeaders().getFirst("X-Forwarded-For") + " "
            + ex.getRequestHeaders().getFirst("Host")));
    server.createContext("/echo", ex -> {
      ex.sendResponseHeaders(200, 0);
      try (InputStream in = ex.getRequestBody(); OutputStream out = ex.getResponseBody()) {
        in.transferTo(out);
      }
    });
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  private static void send(HttpExchange ex, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getRequestBody().readAllBytes();
    ex.sendResponseHeaders(200, bytes.length);
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
