package io.cairn.gateway.acme;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A stand-in for the httpChallenge entry point: serves {@link HttpChallenges} as the server must. */
final class ChallengeHttpServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

  ChallengeHttpServer(HttpChallenges challenges) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(executor);
    server.createContext("/", ex -> {
      try (ex) {
        var answer = challenges.answer(ex.getRequestURI().getPath());
        byte[] body = answer.orElse("404 page not found\n").getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        ex.sendResponseHeaders(answer.isPresent() ? 200 : 404, body.length);
        ex.getResponseBody().write(body);
      }
    });
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
