package io.cairn.common.admin;

import com.sun.net.httpserver.HttpExchange;
import io.cairn.common.config.HostPort;
import io.cairn.common.lifecycle.Endpoint;
import io.cairn.common.lifecycle.Service;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The admin HTTP endpoint; see the package documentation for what it serves. */
public final class AdminServer implements Service {
  private static final Logger log = LoggerFactory.getLogger(AdminServer.class);

  private final HostPort address;
  private final MetricsHandler metrics;
  private final Supplier<List<String>> notReady;
  private volatile VirtualThreadHttpServer server;

  /**
   * @param address where to listen; port 0 picks a free port (see {@link #endpoints()})
   * @param registry what {@code /metrics} renders
   * @param notReady names of services that are not ready; {@code /readyz} is 200 when empty
   */
  public AdminServer(HostPort address, PrometheusRegistry registry, Supplier<List<String>> notReady) {
    this.address = address;
    this.metrics = new MetricsHandler(registry);
    this.notReady = notReady;
  }

  @Override
  public String name() {
    return "admin";
  }

  @Override
  public void start() throws IOException {
    server = VirtualThreadHttpServer.start(address, "the admin endpoint", 64, this::dispatch);
  }

  @Override
  public boolean isReady() {
    return server != null;
  }

  /** The bound port, or -1 before start. */
  public int port() {
    VirtualThreadHttpServer s = server;
    return s == null ? -1 : s.port();
  }

  @Override
  public List<Endpoint> endpoints() {
    VirtualThreadHttpServer s = server;
    if (s == null) {
      return List.of();
    }
    return List.of(new Endpoint(name(), s.url(), "/metrics /healthz /readyz"));
  }

  @Override
  public void stop() {
    VirtualThreadHttpServer s = server;
    server = null;
    if (s != null) {
      s.stop();
    }
  }

  private void dispatch(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        sendText(exchange, 405, "method " + method + " not allowed; use GET\n");
        return;
      }
      switch (exchange.getRequestURI().getPath()) {
        case "/metrics" -> metrics.handle(exchange);
        case "/healthz" -> sendText(exchange, 200, "ok\n");
        case "/readyz" -> {
          List<String> waiting = notReady.get();
          if (waiting.isEmpty()) {
            sendText(exchange, 200, "ok\n");
          } else {
            sendText(exchange, 503, "not ready: " + String.join(", ", waiting) + "\n");
          }
        }
        default -> sendText(exchange, 404, "not found; try /metrics, /healthz or /readyz\n");
      }
    } catch (IOException | RuntimeException e) {
      log.debug("admin request {} failed", exchange.getRequestURI(), e);
      throw e;
    }
  }

  private static void sendText(HttpExchange exchange, int status, String text) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    send(exchange, status, text.getBytes(StandardCharsets.UTF_8));
  }

  static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head ? -1 : (body.length == 0 ? -1 : body.length));
    if (!head && body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
