package io.cairn.monitor.web;

import com.sun.net.httpserver.HttpExchange;
import io.cairn.common.config.HostPort;
import io.cairn.monitor.ingest.lineprotocol.LineProtocolDecoder;
import io.cairn.monitor.ingest.remotewrite.RemoteWriteCodec;
import io.cairn.promql.engine.Engine;
import io.cairn.promql.engine.EngineOptions;
import io.cairn.promql.storage.TsdbQueryable;
import io.cairn.tsdb.storage.Appendable;
import io.cairn.tsdb.storage.ChunkQuerier;
import io.cairn.common.admin.MetricsHandler;
import io.cairn.common.admin.VirtualThreadHttpServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The monitor's HTTP server (Prometheus's port 9090): ingest, the read API, {@code /metrics} and
 * the lifecycle endpoints. See the package documentation for the routes. One virtual thread per
 * request.
 */
public final class MonitorWeb {
  private static final Logger log = LoggerFactory.getLogger(MonitorWeb.class);

  /** What the web layer needs from the rest of the monitor. */
  public record Wiring(
      Appendable storage,
      ChunkQuerier querier,
      PrometheusRegistry registry,
      Reloader reloader,
      BooleanSupplier ready,
      boolean lifecycleEnabled,
      boolean remoteWriteReceiver,
      LongSupplier clock,
      Snapshots snapshots,
      StatusSource status,
      Engine engine) {
    /** Without the admin API ({@code --web.enable-admin-api} off) and the targets/status endpoints. */
    public Wiring(Appendable storage, ChunkQuerier querier, PrometheusRegistry registry, Reloader reloader,
        BooleanSupplier ready, boolean lifecycleEnabled, boolean remoteWriteReceiver, LongSupplier clock) {
      this(storage, querier, registry, reloader, ready, lifecycleEnabled, remoteWriteReceiver, clock, null);
    }

    /**
     * Without the targets/status endpoints ({@code status} null: they answer 404), with a PromQL
     * engine of Prometheus's default limits.
     */
    public Wiring(Appendable storage, ChunkQuerier querier, PrometheusRegistry registry, Reloader reloader,
        BooleanSupplier ready, boolean lifecycleEnabled, boolean remoteWriteReceiver, LongSupplier clock, Snapshots snapshots) {
      this(storage, querier, registry, reloader, ready, lifecycleEnabled, remoteWriteReceiver, clock, snapshots, null,
          new Engine(EngineOptions.defaults()));
    }
  }

  /** Takes a snapshot of the storage; returns its name (a directory under {@code <storage>/snapshots/}). */
  public interface Snapshots {
    String snapshot(boolean skipHead) throws IOException;
  }

  /** Reloads the configuration file; throws with the reason when the new file is refused. */
  public interface Reloader {
    void reload() throws Exception;
  }

  private static final java.util.Set<String> KNOWN_ROUTES = java.util.Set.of("/api/v1/write", "/write", "/api/v2/write",
      "/ping", "/health", "/metrics", "/-/healthy", "/-/ready", "/-/reload", "/api/v1/query", "/api/v1/series",
      "/api/v1/labels", "/api/v1/export", AdminApi.SNAPSHOT, "/api/v1/query_range", "/api/v1/format_query",
      "/api/v1/query_exemplars", "/api/v1/targets", "/api/v1/targets/metadata",
      "/api/v1/metadata", "/api/v1/status/config", "/api/v1/status/flags", "/api/v1/status/buildinfo",
      "/api/v1/status/runtimeinfo", "/api/v1/status/tsdb", "/api/v1/alertmanagers", "/api/v1/rules", "/api/v1/alerts");

  private final HostPort address;
  private final Wiring wiring;
  private final RemoteWriteHandler remoteWrite;
  private final InfluxWriteHandler influx;
  private final ReadApi read;
  private final QueryApi query;
  private final AdminApi admin;
  private final MetadataApi metadata;
  private final StatusApi status;
  private final RulesApi rules;
  private volatile TargetsApi targets;
  private final WebMetrics metrics;
  private final MetricsHandler metricsPage;
  private final io.cairn.monitor.ui.UiHandler ui = new io.cairn.monitor.ui.UiHandler();
  private volatile VirtualThreadHttpServer server;

  public MonitorWeb(HostPort address, Wiring wiring) {
    this.address = address;
    this.wiring = wiring;
    this.metrics = new WebMetrics(wiring.registry());
    this.metricsPage = new MetricsHandler(wiring.registry());
    this.remoteWrite = new RemoteWriteHandler(new RemoteWriteCodec(), wiring.storage(), metrics);
    this.influx = new InfluxWriteHandler(new LineProtocolDecoder(), wiring.storage(), wiring.clock(), metrics);
    this.read = new ReadApi(wiring.querier());
    this.query = new QueryApi(wiring.engine(), new TsdbQueryable(wiring.querier()), wiring.clock());
    this.admin = new AdminApi(wiring.snapshots());
    this.metadata = wiring.status() == null ? null : new MetadataApi(wiring.status());
    this.status = wiring.status() == null ? null : new StatusApi(wiring.status());
    this.rules = wiring.status() == null ? null : new RulesApi(wiring.status());
  }

  public void start() throws IOException {
    server = VirtualThreadHttpServer.start(address, "the monitor", 256, this::dispatch);
    if (wiring.status() != null) {
      targets = new TargetsApi(wiring.status(), Hostname.get(), server.port());
    }
  }

  /** {@code http://<host>:<bound port>}, or null before start. */
  public String url() {
    VirtualThreadHttpServer s = server;
    return s == null ? null : s.url();
  }

  /** The bound port, or -1 before start. */
  public int port() {
    VirtualThreadHttpServer s = server;
    return s == null ? -1 : s.port();
  }

  public void stop() {
    VirtualThreadHttpServer s = server;
    server = null;
    if (s != null) {
      s.stop();
    }
  }

  private void dispatch(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    String method = ex.getRequestMethod();
    String handler = path.startsWith("/api/v1/label/") ? "/api/v1/label/:name/values"
        : KNOWN_ROUTES.contains(path) ? path : "other"; // bounded label values whatever the paths asked
    try (ex) {
      route(ex, path, method);
    } catch (IOException e) {
      log.debug("request {} {} failed", method, path, e);
    } catch (RuntimeException e) {
      log.error("request {} {} failed", method, path, e);
      try {
        Exchanges.text(ex, 500, "internal error: " + e + "\n");
      } catch (IOException | RuntimeException ignored) {
        // the response was already started
      }
    } finally {
      metrics.request(handler, ex.getResponseCode());
    }
  }

  private void route(HttpExchange ex, String path, String method) throws IOException {
    switch (path) {
      case "/api/v1/write" -> {
        if (!wiring.remoteWriteReceiver()) {
          Exchanges.text(ex, 404, "remote write receiver needs to be enabled with --web.enable-remote-write-receiver\n");
        } else if (requireMethod(ex, method, "POST")) {
          remoteWrite.handle(ex);
        }
      }
      case "/write" -> {
        if (requireMethod(ex, method, "POST")) {
          influx.handleV1(ex);
        }
      }
      case "/api/v2/write" -> {
        if (requireMethod(ex, method, "POST")) {
          influx.handleV2(ex);
        }
      }
      case "/ping", "/health" -> Exchanges.noContent(ex);
      case "/metrics" -> metricsPage.handle(ex);
      case "/-/healthy" -> Exchanges.text(ex, 200, "Prometheus Server is Healthy.\n");
      case "/-/ready" -> {
        if (wiring.ready().getAsBoolean()) {
          Exchanges.text(ex, 200, "Prometheus Server is Ready.\n");
        } else {
          Exchanges.text(ex, 503, "Service Unavailable\n");
        }
      }
      case "/-/reload" -> reload(ex, method);
      default -> {
        if (path.startsWith("/api/v1/admin/")) {
          admin.handle(ex, path, method, params(ex, method));
        } else if (path.startsWith("/api/v1/")) {
          if (requireMethod(ex, method, "GET", "POST")) {
            api(ex, path, params(ex, method));
          }
        } else if (ui.handles(path)) {
          ui.handle(ex);
        } else {
          Exchanges.text(ex, 404, "404 page not found\n");
        }
      }
    }
  }

  /** The JSON API: the targets and status endpoints when wired, else the read API (which 404s the rest). */
  private void api(HttpExchange ex, String path, Map<String, List<String>> params) throws IOException {
    if (query.handle(ex, path, params)) {
      return;
    }
    TargetsApi t = targets;
    if (t == null || status == null) {
      read.handle(ex, path, params);
      return;
    }
    switch (path) {
      case "/api/v1/targets" -> t.targets(ex);
      case "/api/v1/targets/metadata" -> metadata.targetMetadata(ex, params);
      case "/api/v1/metadata" -> metadata.metadata(ex, params);
      case "/api/v1/rules" -> rules.rules(ex, params);
      case "/api/v1/alerts" -> rules.alerts(ex);
      default -> {
        if (path.startsWith("/api/v1/status/") || path.equals("/api/v1/alertmanagers")) {
          status.handle(ex, path);
        } else {
          read.handle(ex, path, params);
        }
      }
    }
  }

  private static Map<String, List<String>> params(HttpExchange ex, String method) throws IOException {
    Map<String, List<String>> q = Exchanges.query(ex);
    String type = ex.getRequestHeaders().getFirst("Content-Type");
    if (method.equals("POST") && type != null && type.startsWith("application/x-www-form-urlencoded")) {
      try {
        String form = new String(Exchanges.body(ex, 1 << 20, false), java.nio.charset.StandardCharsets.UTF_8);
        Exchanges.parseForm(form).forEach((k, v) -> q.computeIfAbsent(k, x -> new java.util.ArrayList<>()).addAll(v));
      } catch (Exchanges.TooLarge e) {
        // read what the query string says; the form is over 1 MiB
      }
    }
    return q;
  }

  private void reload(HttpExchange ex, String method) throws IOException {
    if (!method.equals("POST") && !method.equals("PUT")) {
      ex.getResponseHeaders().set("Allow", "POST, PUT");
      Exchanges.text(ex, 405, "Only POST or PUT requests allowed\n");
      return;
    }
    if (!wiring.lifecycleEnabled()) {
      Exchanges.text(ex, 403, "Lifecycle API is not enabled.\n");
      return;
    }
    try {
      wiring.reloader().reload();
      Exchanges.send(ex, 200, null, new byte[0]);
    } catch (Exception e) {
      Exchanges.text(ex, 500, "failed to reload config: " + e.getMessage() + "\n");
    }
  }

  private static boolean requireMethod(HttpExchange ex, String method, String... allowed) throws IOException {
    for (String a : allowed) {
      if (a.equals(method)) {
        return true;
      }
    }
    ex.getResponseHeaders().set("Allow", String.join(", ", allowed));
    Exchanges.text(ex, 405, "method " + method + " not allowed\n");
    return false;
  }
}
