/**
 * The Alertmanager client, after Prometheus 2.42's {@code notifier/notifier.go}: the rules manager
 * hands each evaluation's alerts to {@link io.cairn.monitor.notifier.Notifier#send}; they are queued,
 * batched and posted to every discovered Alertmanager.
 *
 * <h2>How it works</h2>
 *
 * <ul>
 *   <li>{@code send}: {@code global.external_labels} are added to each alert that lacks the label,
 *       then {@code alerting.alert_relabel_configs} apply; alerts dropped or left without labels are
 *       not queued. The queue is bounded ({@code --alertmanager.notification-queue-capacity},
 *       default 10,000): when full, the oldest alerts are dropped and counted in {@code
 *       prometheus_notifications_dropped_total}.
 *   <li>One sender thread takes batches of at most 64 alerts and posts each batch to every active
 *       Alertmanager of every set at once ({@code POST <scheme>://<address><path_prefix>/api/v2/alerts},
 *       {@code Content-Type: application/json}, {@code User-Agent: Prometheus/2.42.0}, the set's
 *       authorization header and TLS). A batch that no Alertmanager accepted (or with no
 *       Alertmanager at all) is counted as dropped, as in Prometheus.
 *   <li>Alertmanager sets come from {@code alerting.alertmanagers} (named {@code config-0}, ...);
 *       their static, file and HTTP discovery runs in a discovery manager of their own (in the
 *       server glue) whose groups arrive through {@link io.cairn.monitor.notifier.Notifier#sync};
 *       each target gets {@code __scheme__} and {@code __alerts_path__}, then the set's {@code
 *       relabel_configs} ({@link io.cairn.monitor.notifier.AlertmanagerTargets}).
 *   <li>Metrics under Prometheus's names and help: {@code prometheus_notifications_latency_seconds},
 *       {@code _errors_total}, {@code _sent_total} (per {@code alertmanager} URL; sent counts every
 *       alert of every batch posted, failed or not, as Prometheus), {@code _dropped_total}, {@code
 *       _queue_length}, {@code _queue_capacity}, {@code prometheus_notifications_alertmanagers_discovered}.
 *       Prometheus 2.42 has no {@code prometheus_notifications_total}; cairn neither.
 * </ul>
 *
 * <h2>Decisions</h2>
 *
 * <ul>
 *   <li><b>Retries</b> (Prometheus has none; it relies on the rules re-sending every minute): at most
 *       3 attempts per batch and Alertmanager, 100 ms then 200 ms apart, all within the set's {@code
 *       timeout} (default 10 s), so a dead Alertmanager holds the queue no longer than in Prometheus.
 *       Retried: connection errors, 5xx and 429. Not retried: other statuses. {@code errors_total}
 *       counts batches that failed after their attempts.
 *   <li><b>API v1</b> ({@code api_version: v1}) is accepted, as Prometheus 2.42 and {@code promtool}
 *       accept it, and posts Prometheus's own alert JSON to {@code /api/v1/alerts}; Alertmanager
 *       deprecated that API (0.25 still serves it, 0.27 removed it). v2 is the default and the one
 *       tested against the real Alertmanager.
 *   <li><b>Unknown times</b>: a null {@code startsAt}/{@code endsAt} is left out of the JSON
 *       (Prometheus sends Go's zero time; Alertmanager treats both as unset).
 *   <li><b>Odd configurations</b>: {@code timeout: 0s} (Prometheus fails every send) is taken as the
 *       10 s default; {@code api_version:} null (Prometheus: an empty version that fails every send)
 *       is v2. The URL listed by {@code /api/v1/alertmanagers} keeps an address without a port as
 *       written ({@code http://amhost/api/v2/alerts}), as Prometheus lists it; the request goes to
 *       the scheme's default port.
 *   <li><b>Reload</b> ({@link io.cairn.monitor.notifier.Notifier#apply}): queued alerts stay queued;
 *       sets are resolved again from the groups last discovered under their names, so alerts are
 *       not dropped while discovery restarts; old HTTP clients finish the requests in flight.
 *   <li><b>Stop</b> ({@link io.cairn.monitor.notifier.Notifier#close}): what is queued is still sent
 *       for at most 5 s; then the request in flight is abandoned and the rest dropped (counted).
 *       Alerts sent after close are dropped (counted).
 * </ul>
 *
 * <h2>Limits</h2>
 *
 * <table>
 *   <caption>Defaults</caption>
 *   <tr><th>limit</th><th>default</th><th>beyond it</th></tr>
 *   <tr><td>queued alerts</td><td>10,000 ({@code --alertmanager.notification-queue-capacity})</td>
 *       <td>the oldest are dropped and counted</td></tr>
 *   <tr><td>alerts per request</td><td>64</td><td>the next batch</td></tr>
 *   <tr><td>time per batch and Alertmanager, retries included</td><td>the set's {@code timeout}, 10 s</td>
 *       <td>error; the batch counts as dropped if no Alertmanager took it</td></tr>
 *   <tr><td>attempts per batch and Alertmanager</td><td>3</td><td>error</td></tr>
 *   <tr><td>error response body kept for the log</td><td>512 bytes</td><td>cut</td></tr>
 *   <tr><td>draining on stop</td><td>5 s</td><td>the rest is dropped and counted</td></tr>
 * </table>
 */
package io.cairn.monitor.notifier;
