package io.cairn.gateway.observe;

import io.cairn.gateway.config.StaticConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Traefik's Prometheus metrics ({@code pkg/metrics/prometheus.go}) under Traefik's names and
 * labels: per entry point, router and service the requests, TLS requests, duration histograms and
 * request/response body bytes; servers' health; open connections; configuration reloads;
 * certificate expiry. Requests are recorded from {@link ExchangeRecord}s (this is an {@link
 * ExchangeObserver}); gauges are read from suppliers at scrape time.
 *
 * <p>Options ({@code metrics.prometheus}): {@code buckets} (default 0.1, 0.3, 1.2, 5.0), {@code
 * addEntryPointsLabels} (default true), {@code addRoutersLabels} (default false), {@code
 * addServicesLabels} (default true), {@code headerLabels} (label name to request header, added to
 * the {@code *_requests_total} counters). Requests the server refused before parsing them (no
 * method) are not counted, as Go's server never shows them to Traefik's handlers. Label sets of
 * routers and services removed by a reload stay until restart (Traefik deletes them after a
 * scrape). Thread-safe; recording is lock-free.
 */
public final class TraefikMetrics implements ExchangeObserver {
  /**
   * A certificate's expiry, for {@code traefik_tls_certs_not_after{cn,serial,sans}}.
   *
   * @param sans the subject alternative names joined with {@code ,}
   * @param notAfter seconds since the epoch
   */
  public record CertificateExpiry(String cn, String serial, String sans, long notAfter) {
    public CertificateExpiry {
      Objects.requireNonNull(cn, "cn");
      Objects.requireNonNull(serial, "serial");
      Objects.requireNonNull(sans, "sans");
    }
  }

  private static final List<String> REQ = List.of("code", "method", "protocol");
  private static final List<String> TLS = List.of("tls_version", "tls_cipher");

  private final StaticConfig.Prometheus config;
  private final List<String> headerLabelNames;
  private final List<String> headerNames;
  private final Level entryPoints;
  private final Level routers;
  private final Level services;
  private final Family retries = Family.counter("traefik_service_retries_total",
      "How many request retries happened on a service.", List.of("service"));
  private final LongAdder reloads = new LongAdder();
  private volatile double lastReloadSuccess;
  private volatile Supplier<Map<String, Map<String, Boolean>>> serverStatus = Map::of;
  private volatile Supplier<Map<String, Integer>> openConnections = Map::of;
  private volatile Supplier<List<CertificateExpiry>> certificates = List::of;

  /** The families of one level ({@code entrypoint}, {@code router}, {@code service}). */
  private record Level(Family requests, Family tls, Family duration, Family requestBytes, Family responseBytes) {
    static Level of(String prefix, String what, List<String> keys, List<String> headerLabels, List<Double> buckets) {
      List<String> req = concat(REQ, keys);
      return new Level(
          Family.counter(prefix + "_requests_total", "How many HTTP requests processed on " + what
              + ", partitioned by status code, protocol, and method.", concat(req, headerLabels)),
          Family.counter(prefix + "_requests_tls_total", "How many HTTP requests with TLS processed on " + what
              + ", partitioned by TLS Version and TLS cipher Used.", concat(TLS, keys)),
          Family.histogram(prefix + "_request_duration_seconds", "How long it took to process the request on " + what
              + ", partitioned by status code, protocol, and method.", req, buckets),
          Family.counter(prefix + "_requests_bytes_total", "The total size of requests in bytes handled by " + what
              + ", partitioned by status code, protocol, and method.", req),
          Family.counter(prefix + "_responses_bytes_total", "The total size of responses in bytes handled by " + what
              + ", partitioned by status code, protocol, and method.", req));
    }

    void record(List<String> req, List<String> headerValues, List<String> keys, ExchangeRecord r) {
      List<String> labels = concat(req, keys);
      requests.add(concat(labels, headerValues), 1);
      if (r.tls()) {
        tls.add(concat(List.of(r.tlsVersion(), r.tlsCipher()), keys), 1);
      }
      duration.observe(labels, r.durationNanos() / 1e9);
      requestBytes.add(labels, r.requestBytes());
      responseBytes.add(labels, r.responseBytes());
    }

    void write(PromText out) {
      requests.write(out);
      tls.write(out);
      duration.write(out);
      requestBytes.write(out);
      responseBytes.write(out);
    }
  }

  public TraefikMetrics(StaticConfig.Prometheus config) {
    this.config = Objects.requireNonNull(config, "config");
    Map<String, String> sorted = new TreeMap<>(config.headerLabels());
    for (String label : sorted.keySet()) {
      if (!label.matches("[a-zA-Z_][a-zA-Z0-9_]*") || REQ.contains(label) || label.equals("le")
          || List.of("entrypoint", "router", "service").contains(label)) {
        throw new IllegalArgumentException("headerLabels: \"" + label
            + "\" is not a usable label name; expected [a-zA-Z_][a-zA-Z0-9_]* other than code, method, protocol,"
            + " entrypoint, router, service, le");
      }
    }
    this.headerLabelNames = List.copyOf(sorted.keySet());
    this.headerNames = List.copyOf(sorted.values());
    this.entryPoints = Level.of("traefik_entrypoint", "an entrypoint", List.of("entrypoint"), headerLabelNames,
        config.buckets());
    this.routers = Level.of("traefik_router", "a router", List.of("router", "service"), headerLabelNames,
        config.buckets());
    this.services = Level.of("traefik_service", "a service", List.of("service"), headerLabelNames, config.buckets());
  }

  @Override
  public void finished(ExchangeRecord r) {
    if (r.method().equals("-")) {
      return;
    }
    List<String> req = List.of(String.valueOf(r.status()), r.method(), protocol(r));
    List<String> headers = new ArrayList<>(headerNames.size());
    for (String h : headerNames) {
      headers.add(r.header(h));
    }
    if (config.addEntryPointsLabels()) {
      entryPoints.record(req, headers, List.of(r.entryPoint()), r);
    }
    if (config.addRoutersLabels() && !r.router().isEmpty()) {
      routers.record(req, headers, List.of(r.router(), r.service()), r);
    }
    if (config.addServicesLabels() && !r.service().isEmpty()) {
      services.record(req, headers, List.of(r.service()), r);
      if (r.retryAttempts() > 0) {
        retries.add(List.of(r.service()), r.retryAttempts());
      }
    }
  }

  /** Traefik's {@code getRequestProtocol}: {@code websocket}, {@code sse} or {@code http}. */
  static String protocol(ExchangeRecord r) {
    if (r.header("Upgrade").toLowerCase(Locale.ROOT).contains("websocket")) {
      return "websocket";
    }
    return r.header("Accept").contains("text/event-stream") ? "sse" : "http";
  }

  /** A configuration was applied (the first one included): counts it and stamps the time. */
  public void configReloaded() {
    reloads.increment();
    lastReloadSuccess = System.currentTimeMillis() / 1000.0;
  }

  /** Where {@code traefik_service_server_up} comes from: service to server URL to up. */
  public void serverStatus(Supplier<Map<String, Map<String, Boolean>>> source) {
    this.serverStatus = Objects.requireNonNull(source, "source");
  }

  /** Where {@code traefik_open_connections} comes from: entry point name to open TCP connections. */
  public void openConnections(Supplier<Map<String, Integer>> source) {
    this.openConnections = Objects.requireNonNull(source, "source");
  }

  /**
   * Where {@code traefik_tls_certs_not_after} comes from: the certificates served now. The tls
   * package sets it once it manages certificates; until then the family is absent.
   */
  public void certificates(Supplier<List<CertificateExpiry>> source) {
    this.certificates = Objects.requireNonNull(source, "source");
  }

  /** The current value of {@code traefik_entrypoint_requests_total} with these labels (tests). */
  long entryPointRequests(String code, String method, String protocol, String entryPoint) {
    return entryPoints.requests().value(List.of(code, method, protocol, entryPoint));
  }

  /** Everything, in the Prometheus text format. */
  public String scrape() {
    PromText out = new PromText();
    out.family("traefik_config_reloads_total", "counter", "Config reloads")
        .sample("traefik_config_reloads_total", List.of(), List.of(), reloads.sum());
    out.family("traefik_config_last_reload_success", "gauge", "Last config reload success")
        .sample("traefik_config_last_reload_success", List.of(), List.of(), lastReloadSuccess);
    Map<String, Integer> open = new TreeMap<>(openConnections.get());
    if (!open.isEmpty()) {
      out.family("traefik_open_connections", "gauge", "How many open connections exist, by entryPoint and protocol");
      open.forEach((ep, n) -> out.sample("traefik_open_connections", List.of("entrypoint", "protocol"),
          List.of(ep, "TCP"), n));
    }
    List<CertificateExpiry> certs = certificates.get();
    if (!certs.isEmpty()) {
      out.family("traefik_tls_certs_not_after", "gauge", "Certificate expiration timestamp");
      for (CertificateExpiry c : certs) {
        out.sample("traefik_tls_certs_not_after", List.of("cn", "sans", "serial"), List.of(c.cn(), c.sans(), c.serial()),
            c.notAfter());
      }
    }
    entryPoints.write(out);
    routers.write(out);
    services.write(out);
    retries.write(out);
    Map<String, Map<String, Boolean>> status = new TreeMap<>(serverStatus.get());
    if (config.addServicesLabels() && !status.isEmpty()) {
      out.family("traefik_service_server_up", "gauge", "service server is up, described by gauge value of 0 or 1.");
      status.forEach((service, servers) -> new TreeMap<>(servers).forEach((url, up) -> out.sample(
          "traefik_service_server_up", List.of("service", "url"), List.of(service, url), up ? 1 : 0)));
    }
    return out.toString();
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a.size() + b.size());
    out.addAll(a);
    out.addAll(b);
    return out;
  }
}
