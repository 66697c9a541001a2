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
 *   <tr><td>{@code GET|POST /api/v1/targets?state=}</td><td>active and dropped targets as Prometheus
 *       ({@link io.cairn.monitor.web.TargetsApi}): pools by name, Go's time and float renderings,
 *       {@code globalUrl} with the hostname for loopback hosts</td></tr>
 *   <tr><td>{@code /api/v1/targets/metadata?match_target=&metric=&limit=}, {@code
 *       /api/v1/metadata?metric=&limit=}</td><td>the TYPE/HELP/UNIT metadata of each target's
 *       recent scrapes ({@link io.cairn.monitor.web.MetadataApi}); {@code match_target} is a series
 *       selector, errors {@code invalid parameter "match_target": ...} and {@code limit must be a
 *       number} (400 bad_data)</td></tr>
 *   <tr><td>{@code /api/v1/status/config}</td><td>the loaded file as Prometheus marshals it
 *       ({@link io.cairn.monitor.config.ConfigYaml}, which lists the differences)</td></tr>
 *   <tr><td>{@code /api/v1/status/flags}</td><td>Prometheus's flags with the values cairn uses, plus
 *       cairn's own ({@code io.cairn.monitor.server.PromFlags})</td></tr>
 *   <tr><td>{@code /api/v1/status/buildinfo}</td><td>version {@code 2.42.0}: cairn answers as the
 *       Prometheus version whose API it implements, so that Grafana enables what 2.42 has; cairn's
 *       version is in {@code branch} ({@code cairn-<version>}), its git revision in {@code
 *       revision}, the Java runtime in {@code goVersion}</td></tr>
 *   <tr><td>{@code /api/v1/status/runtimeinfo}</td><td>{@code goroutineCount} = live platform
 *       threads, {@code GOMAXPROCS} = available processors, {@code GOGC}/{@code GODEBUG} empty,
 *       {@code storageRetention} as {@code 15d} or {@code 15d or 1GiB}</td></tr>
 *   <tr><td>{@code /api/v1/status/tsdb}</td><td>head stats and the top-10 cardinality lists from the
 *       head's postings (ties by name; Prometheus's tie order is random and its lists are cached
 *       30 s, cairn's are computed per request)</td></tr>
 *   <tr><td>{@code /api/v1/alertmanagers}</td><td>both lists empty: cairn has no alertmanager
 *       configuration yet</td></tr>
 *   <tr><td>{@code /api/v1/rules}, {@code /api/v1/alerts}</td><td>the rule groups ({@code type=alert}
 *       or {@code record} filters; another type is 400 {@code bad_data}) and the pending and firing
 *       alerts, in Prometheus's JSON ({@code RulesApi}, from {@link StatusSource#ruleGroups})</td></tr>
 *   <tr><td>other {@code /api/v1/...}</td><td>404 {@code not_found}</td></tr>
 *   <tr><td>{@code /}, {@code /graph}, {@code /targets}, ..., {@code /static/...}</td><td>the web
 *       UI ({@link io.cairn.monitor.ui.UiHandler}); other paths 404</td></tr>
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
 *   <tr><td>metadata per target</td><td>10,000 families, each kept 10 scrapes after it was last
 *       seen</td><td>further families are not kept</td></tr>
 * </table>
 */
package io.cairn.monitor.web;
