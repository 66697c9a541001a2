/**
 * cairn monitor: Prometheus-compatible scraping, ingest and (issue 5) PromQL and the HTTP API,
 * storing into {@code io.cairn.tsdb}.
 *
 * <p>Packages, one concept each (the plan; a package exists once it has code):
 *
 * <ul>
 *   <li>{@code textparse}: the text exposition format 0.0.4 and OpenMetrics 1.0 text, as
 *       Prometheus's {@code model/textparse}: a pull parser yielding series, help/type/unit,
 *       exemplars and timestamps; malformed input is a parse error naming line and column.
 *   <li>{@code ingest.lineprotocol}: InfluxDB line protocol; each field becomes a series
 *       {@code <measurement>_<field>{tags}}.
 *   <li>{@code ingest.remotewrite}: Prometheus remote write 1.0 (snappy block-compressed protobuf).
 *   <li>{@code config}, {@code relabel}, {@code discovery}, {@code scrape}: Prometheus's
 *       configuration file, relabelling, service discovery (static, file, HTTP, cairn kv) and the
 *       scrape loops.
 *   <li>{@code web}: the HTTP API on 9090.
 * </ul>
 */
package io.cairn.monitor;
