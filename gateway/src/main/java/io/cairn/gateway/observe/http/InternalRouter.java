package io.cairn.gateway.observe.http;

import io.cairn.gateway.observe.ExchangeObserver;
import io.cairn.gateway.observe.RouteFacts;
import io.cairn.gateway.observe.TraefikMetrics;
import io.cairn.gateway.server.RequestHead;
import io.cairn.gateway.server.RequestRouter;
import io.cairn.gateway.server.Target;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * An entry point's router with Traefik's internal services in front: {@code ping@internal}
 * ({@code /ping}), {@code prometheus@internal} ({@code /metrics}), {@code api@internal} ({@code
 * <basePath>api/...}) and {@code dashboard@internal} ({@code <basePath>dashboard/}, and {@code
 * <basePath>} redirected there with 302); every other request goes to the gateway's own router.
 * Each internal answer notes its internal router and service for the access log and metrics. Also
 * gives the entry point its {@link ExchangeObserver}. Thread-safe; never blocks.
 */
public final class InternalRouter implements RequestRouter {
  /**
   * What one entry point serves itself.
   *
   * @param api the API state, or null for no API
   * @param dashboard whether to serve the dashboard (needs the API)
   * @param basePath {@code api.basePath}: the prefix of {@code api/} and {@code dashboard/}, ending in {@code /}
   * @param metrics the metrics to serve at {@code /metrics}, or null
   * @param ping whether to answer {@code /ping}
   */
  public record Internal(Supplier<ApiState> api, boolean dashboard, String basePath, TraefikMetrics metrics,
      boolean ping) {
    public Internal {
      Objects.requireNonNull(basePath, "basePath");
      basePath = basePath.endsWith("/") ? basePath : basePath + "/";
      if (!basePath.startsWith("/")) {
        throw new IllegalArgumentException("api.basePath " + basePath + " must start with /");
      }
    }

    /** Nothing internal: only the observer. */
    public static Internal none() {
      return new Internal(null, false, "/", null, false);
    }
  }

  private static final byte[] DASHBOARD = resource("dashboard.html");

  private final RequestRouter next;
  private final ExchangeObserver observer;
  private final Internal internal;
  private final ApiHandler api;

  public InternalRouter(RequestRouter next, ExchangeObserver observer, Internal internal) {
    this.next = Objects.requireNonNull(next, "next");
    this.observer = Objects.requireNonNull(observer, "observer");
    this.internal = Objects.requireNonNull(internal, "internal");
    this.api = internal.api() == null ? null : new ApiHandler(internal.api());
  }

  @Override
  public Target route(RequestHead head) {
    return route(head, new RouteFacts());
  }

  @Override
  public Target route(RequestHead head, RouteFacts facts) {
    String path = head.path();
    String query = head.uri().indexOf('?') < 0 ? "" : head.uri().substring(head.uri().indexOf('?') + 1);
    boolean read = head.method().equals("GET") || head.method().equals("HEAD");
    if (internal.ping() && path.equals("/ping") && read) {
      facts.router("ping@internal").service("ping@internal");
      return Target.Respond.text(200, "OK");
    }
    if (internal.metrics() != null && path.equals("/metrics") && read) {
      facts.router("prometheus@internal").service("prometheus@internal");
      return new Target.Respond(200, Map.of("Content-Type", "text/plain; version=0.0.4; charset=utf-8"),
          internal.metrics().scrape().getBytes(StandardCharsets.UTF_8));
    }
    String base = internal.basePath();
    if (api != null && path.startsWith(base + "api/") && read) {
      facts.router("api@internal").service("api@internal");
      ApiHandler.Answer a = api.handle(path.substring(base.length() + 3), query);
      Map<String, String> headers = new LinkedHashMap<>(a.headers());
      headers.put("Content-Type", "application/json");
      return new Target.Respond(a.status(), headers, a.body().getBytes(StandardCharsets.UTF_8));
    }
    if (api != null && internal.dashboard() && read) {
      if (path.equals(base) || path.equals(base + "dashboard")) {
        facts.router("dashboard_redirect@internal").service("dashboard@internal");
        return new Target.Respond(path.equals(base) ? 302 : 301, Map.of("Location", base + "dashboard/",
            "Content-Type", "text/html; charset=utf-8"), new byte[0]);
      }
      if (path.equals(base + "dashboard/") || path.equals(base + "dashboard/index.html")) {
        facts.router("dashboard@internal").service("dashboard@internal");
        return new Target.Respond(200, Map.of("Content-Type", "text/html; charset=utf-8",
            "Cache-Control", "no-cache"), DASHBOARD);
      }
    }
    return next.route(head, facts);
  }

  @Override
  public ExchangeObserver observer() {
    return observer;
  }

  private static byte[] resource(String name) {
    try (InputStream in = InternalRouter.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name + " next to " + InternalRouter.class.getName());
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
