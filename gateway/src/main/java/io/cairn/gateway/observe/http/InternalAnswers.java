package io.cairn.gateway.observe.http;

import io.cairn.gateway.observe.TraefikMetrics;
import io.cairn.gateway.server.Target;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What Traefik's internal services answer: {@code ping} ({@code OK}), {@code prometheus} (the
 * metrics), {@code api} (the read-only API under {@code <basePath>api/}, and the dashboard when it is
 * enabled, as Traefik's API handler mounts it), {@code dashboard} ({@code <basePath>dashboard/},
 * {@code <basePath>} redirected there), {@code noop} (418, no body). Used by the entry points'
 * {@link InternalRouter} for the paths Traefik serves itself, and by dynamic routers whose service
 * is {@code name@internal}. Thread-safe; never blocks.
 *
 * @param api the API state, or null when {@code api} is not configured
 * @param dashboard whether the dashboard is served (needs the API)
 * @param basePath {@code api.basePath}: the prefix of {@code api/} and {@code dashboard/}, ending in {@code /}
 * @param metrics the metrics, or null when {@code metrics.prometheus} is not configured
 * @param ping whether {@code ping} is configured
 */
public record InternalAnswers(Supplier<ApiState> api, boolean dashboard, String basePath, TraefikMetrics metrics,
    boolean ping) {
  private static final byte[] DASHBOARD = resource("dashboard.html");

  public InternalAnswers {
    Objects.requireNonNull(basePath, "basePath");
    basePath = basePath.endsWith("/") ? basePath : basePath + "/";
    if (!basePath.startsWith("/")) {
      throw new IllegalArgumentException("api.basePath " + basePath + " must start with /");
    }
  }

  /** Nothing internal. */
  public static InternalAnswers none() {
    return new InternalAnswers(null, false, "/", null, false);
  }

  /**
   * The answer of internal service {@code kind} ({@code api}, {@code dashboard}, {@code ping},
   * {@code prometheus}, {@code noop}) to a request, or empty when the service is not enabled or
   * does not serve {@code path} (Traefik answers 404 then).
   *
   * @param path the decoded request path
   * @param query the raw query, without {@code ?} ({@code ""} for none)
   */
  public Optional<Target.Respond> answer(String kind, String method, String path, String query) {
    boolean read = method.equals("GET") || method.equals("HEAD");
    return Optional.ofNullable(switch (kind) {
      case "noop" -> new Target.Respond(418, Map.of(), new byte[0]);
      case "ping" -> ping && read ? Target.Respond.text(200, "OK") : null;
      case "prometheus" -> metrics != null && read ? metricsAnswer() : null;
      case "api" -> api == null || !read ? null : path.startsWith(basePath + "api/") ? apiAnswer(path, query)
          : dashboardAnswer(path);
      case "dashboard" -> api == null || !read ? null : dashboardAnswer(path);
      default -> null;
    });
  }

  Target.Respond metricsAnswer() {
    return new Target.Respond(200, Map.of("Content-Type", "text/plain; version=0.0.4; charset=utf-8"),
        metrics.scrape().getBytes(StandardCharsets.UTF_8));
  }

  /** The API's answer to a path under {@code <basePath>api/}. */
  Target.Respond apiAnswer(String path, String query) {
    ApiHandler.Answer a = new ApiHandler(api).handle(path.substring(basePath.length() + 3), query);
    Map<String, String> headers = new LinkedHashMap<>(a.headers());
    headers.put("Content-Type", "application/json");
    return new Target.Respond(a.status(), headers, a.body().getBytes(StandardCharsets.UTF_8));
  }

  /** The dashboard's answer to {@code path}, or null when it is not enabled or not a dashboard path. */
  Target.Respond dashboardAnswer(String path) {
    if (!dashboard) {
      return null;
    }
    if (path.equals(basePath) || path.equals(basePath + "dashboard")) {
      return new Target.Respond(path.equals(basePath) ? 302 : 301, Map.of("Location", basePath + "dashboard/",
          "Content-Type", "text/html; charset=utf-8"), new byte[0]);
    }
    if (path.equals(basePath + "dashboard/") || path.equals(basePath + "dashboard/index.html")) {
      return new Target.Respond(200, Map.of("Content-Type", "text/html; charset=utf-8", "Cache-Control", "no-cache"),
          DASHBOARD);
    }
    return null;
  }

  private static byte[] resource(String name) {
    try (InputStream in = InternalAnswers.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name + " next to " + InternalAnswers.class.getName());
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
