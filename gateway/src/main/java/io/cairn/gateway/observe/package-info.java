/**
 * Observability of the gateway: the per-exchange seam, Traefik's access log and Traefik's
 * Prometheus metrics. Depends on {@code config} only (and Netty's header type), so that the entry
 * points ({@code server}) can depend on it; the HTTP side (API, dashboard, {@code /metrics}, {@code
 * /ping}) is {@link io.cairn.gateway.observe.http}.
 *
 * <h2>Parts</h2>
 *
 * <ul>
 *   <li>{@link io.cairn.gateway.observe.ExchangeObserver} and the immutable {@link
 *       io.cairn.gateway.observe.ExchangeRecord}: called once per finished exchange by the entry
 *       points ({@code server.Observation} counts body bytes, sees the status, times the exchange
 *       from routing to the last byte written). {@link io.cairn.gateway.observe.RouteFacts} is what
 *       the routing layer notes while routing ({@code RequestRouter.route(head, facts)}): router,
 *       service, server URL, user, retry attempts.
 *   <li>{@link io.cairn.gateway.observe.AccessLog}: {@code LogFields} (Traefik's field names and
 *       {@code fields} modes), {@code CommonFormat} (Traefik's CLF), {@code JsonFormat} (logrus'
 *       JSON as Go encodes it); a bounded queue and one writer thread.
 *   <li>{@link io.cairn.gateway.observe.TraefikMetrics}: {@code Family} (labelled counters and
 *       histograms on {@code LongAdder}s, children cached per label values), {@code PromText} (text
 *       format 0.0.4 as Go's {@code expfmt} writes it).
 * </ul>
 *
 * <h2>Defaults and limits</h2>
 *
 * <table>
 *   <caption>Options</caption>
 *   <tr><th>option</th><th>default</th><th>taken from</th></tr>
 *   <tr><td>{@code accessLog.filePath}</td><td>standard output</td><td>Traefik</td></tr>
 *   <tr><td>{@code accessLog.format}</td><td>{@code common}</td><td>Traefik</td></tr>
 *   <tr><td>{@code accessLog.bufferingSize}</td><td>0 = a queue of 8192 lines</td><td>cairn (Traefik: 0 =
 *       synchronous writes)</td></tr>
 *   <tr><td>{@code accessLog.fields.defaultMode} / {@code headers.defaultMode}</td><td>{@code keep} /
 *       {@code drop}</td><td>Traefik</td></tr>
 *   <tr><td>{@code metrics.prometheus.buckets}</td><td>0.1, 0.3, 1.2, 5.0</td><td>Traefik</td></tr>
 *   <tr><td>{@code addEntryPointsLabels} / {@code addRoutersLabels} / {@code addServicesLabels}</td>
 *       <td>true / false / true</td><td>Traefik</td></tr>
 * </table>
 *
 * <h2>Decisions</h2>
 *
 * <ul>
 *   <li>The access log never blocks a request: a full queue drops the line and counts it
 *       ({@code AccessLog.dropped()}); Traefik blocks instead. Formatting happens on the writer
 *       thread. The file is opened in append mode; {@code SIGUSR1} closes and reopens it (for
 *       logrotate), and is trapped even without a file, as Traefik does.
 *   <li>As Traefik, the CLF status and size are the origin's: answers the gateway gives itself
 *       (404, middleware answers, the internal API) show {@code - -}; referer and user agent are
 *       {@code "-"} unless {@code accessLog.fields.headers} keeps those headers.
 *   <li>Requests the server refuses before parsing them (400, 408, 414, 431) are logged with
 *       method, path and protocol {@code -} (Go's server never shows them to Traefik, which does
 *       not log them) and are not counted in the metrics.
 *   <li>A client that leaves before the response head is reported with 499.
 *   <li>Not measured: {@code OriginDuration}, {@code Overhead}, {@code GzipRatio}, response headers
 *       in the log; stale label sets of removed routers/services stay until restart.
 *   <li>{@code traefik_tls_certs_not_after} reads {@code TraefikMetrics.certificates(supplier)},
 *       for the tls package to set; absent until then.
 *   <li>A hand-written exposition writer rather than client_java: Traefik's exact names, label
 *       order and Go number format, and no registry shared with other services.
 * </ul>
 */
package io.cairn.gateway.observe;
