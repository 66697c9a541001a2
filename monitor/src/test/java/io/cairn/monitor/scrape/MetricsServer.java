package io.cairn.monitor.scrape;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

/** A metrics endpoint on 127.0.0.1 serving whatever the test sets; records the last request's headers. */
final class MetricsServer implements AutoCloseable {
  private final HttpServer server;
  volatile String body = "";
  volatile String contentType = "text/plain; version=0.0.4; charset=utf-8";
  volatile boolean gzip;
  volatile int status = 200;
  volatile long delayMillis;
  volatile Headers lastRequestHeaders;
  final AtomicInteger requests = new AtomicInteger();

  MetricsServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/metrics", ex -> {
      requests.incrementAndGet();
      lastRequestHeaders = ex.getRequestHeaders();
      try {
        if (delayMillis > 0) {
          Thread.sleep(delayMillis);
        }
        byte[] out = body.getBytes(StandardCharsets.UTF_8);
        if (gzip) {
          ByteArrayOutputStream bo = new ByteArrayOutputStream();
          try (GZIPOutputStream g = new GZIPOutputStream(bo)) {
            g.write(out);
          }
          out = bo.toByteArray();
          ex.getResponseHeaders().set("Content-Encoding", "gzip");
        }
        if (contentType != null) {
          ex.getResponseHeaders().set("Content-Type", contentType);
        }
        ex.sendResponseHeaders(status, out.length == 0 ? -1 : out.length);
        try (OutputStream os = ex.getResponseBody()) {
          os.write(out);
        }
      } catch (InterruptedException | IOException e) {
        ex.close();
      }
    });
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  String address() {
    return "127.0.0.1:" + port();
  }

  URI url() {
    return URI.create("http://" + address() + "/metrics");
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
