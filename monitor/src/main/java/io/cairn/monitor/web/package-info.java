/**
 * The monitor's HTTP server, Prometheus's port 9090 ({@link io.cairn.monitor.web.MonitorWeb}).
 *
 * <table>
 *   <caption>Routes</caption>
 *   <tr><th>route</th><th>what</th></tr>
 *   <tr><td>{@code POST /api/v1/write}</td><td>Prometheus remote write 1.0; 204, or 400/413 with
 *       Prometheus's text; the whole request is committed or nothing (404 when the receiver is
 *       off)</td></tr>
 *   <tr><td>{@code POST /write}, {@code POST /api/v2/write}</td><td>InfluxDB 1.x / 2.x line
 *       protocol, answered as InfluxDB does; {@code GET /ping} and {@code /health} answer 204 for
 *       Influx clients</td></tr>
 *   <tr><td>{@code GET|POST /api/v1/query}</td><td>a series selector only until PromQL (issue 5):
 *       instant vector (5 min lookback) or {@code sel[d]} matrix of raw samples</td></tr>
 *   <tr><td>{@code /api/v1/series}, {@code /api/v1/labels}, {@code
 *       /api/v1/label/<name>/values}</td><td>as Prometheus</td></tr>
 *   <tr><td>{@code /api/v1/export?match[]=}</td><td>raw samples, VictoriaMetrics' JSON-lines export
 *       format; stale markers as {@code "StaleNaN"}</td></tr>
 *   <tr><td>{@code /metrics}</td><td>the process' self-metrics</td></tr>
 *   <tr><td>{@code /-/healthy}, {@code /-/ready}</td><td>Prometheus's texts</td></tr>
 *   <tr><td>{@code POST|PUT /-/reload}</td><td>reloads the configuration file; 403 unless {@code
 *       --web.enable-lifecycle}; 500 with the reason when the new file is refused (the old one keeps
 *       running)</td></tr>
 * </table>
 *
 * <table>
 *   <caption>Limits</caption>
 *   <tr><th>what</th><th>default</th><th>when exceeded</th></tr>
 *   <tr><td>remote write body</td><td>32 MiB compressed and uncompressed, 100,000 series, 1,000,000
 *       samples</td><td>413</td></tr>
 *   <tr><td>line protocol body</td><td>25,000,000 bytes after gzip, 1,000,000 samples</td>
 *       <td>413</td></tr>
 *   <tr><td>series per read</td><td>100,000</td><td>400 bad_data</td></tr>
 *   <tr><td>form body of a read</td><td>1 MiB</td><td>the form is ignored</td></tr>
 * </table>
 */
package io.cairn.monitor.web;
