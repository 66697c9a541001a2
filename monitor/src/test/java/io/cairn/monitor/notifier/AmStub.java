package io.cairn.monitor.notifier;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

/**
 * A stand-in Alertmanager on 127.0.0.1: records each POST (path, headers, body) and answers the
 * status {@code statusForRequest} gives for the request's number (1, 2, ...). While {@link #hold} is
 * set, requests wait until {@link #release}.
 */
final class AmStub implements AutoCloseable {
  record Request(String path, String contentType, String userAgent, String authorization, String body) {}

  final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();
  final AtomicInteger count = new AtomicInteger();
  private final HttpServer server;
  private volatile IntUnaryOperator statusForRequest = n -> 200;
  private volatile CountDownLatch gate = new CountDownLatch(0);
  final CountDownLatch firstArrived = new CountDownLatch(1);

  AmStub() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", ex -> {
      try (ex) {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        int n = count.incrementAndGet();
        requests.add(new Request(ex.getRequestURI().getPath(), ex.getRequestHeaders().getFirst("Content-Type"),
            ex.getRequestHeaders().getFirst("User-Agent"), ex.getRequestHeaders().getFirst("Authorization"), body));
        firstArrived.countDown();
        try {
          gate.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        int status = statusForRequest.applyAsInt(n);
        byte[] answer = (status == 200 ? "" : "stub says " + status).getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
        ex.getResponseBody().write(answer);
      }
    });
    server.start();
  }

  AmStub answering(IntUnaryOperator status) {
    statusForRequest = status;
    return this;
  }

  void hold() {
    gate = new CountDownLatch(1);
  }

  void release() {
    gate.countDown();
  }

  String address() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  /** The next request, waiting at most 30 s; null if none came. */
  Request next() throws InterruptedException {
    return requests.poll(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    release();
    server.stop(0);
  }
}
