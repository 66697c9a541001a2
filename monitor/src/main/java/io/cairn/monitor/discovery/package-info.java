/**
 * Service discovery, after Prometheus 2.42's {@code discovery/}: {@link
 * io.cairn.monitor.discovery.Discoverer}s publish {@link io.cairn.monitor.discovery.TargetGroup}s;
 * the {@link io.cairn.monitor.discovery.DiscoveryManager} merges them per job and hands them,
 * throttled, to the scrape glue (which turns each target's labels into a scrape target with
 * {@code io.cairn.monitor.scrape.TargetLabels#populate}).
 *
 * <h2>Decisions</h2>
 *
 * <ul>
 *   <li>A discoverer publishes its whole current list on each change, not deltas by source as
 *       Prometheus's channel of updates; the manager keeps the latest list per discoverer.
 *   <li>Implementations: {@link io.cairn.monitor.discovery.StaticDiscoverer} ({@code
 *       static_configs}), {@link io.cairn.monitor.discovery.FileDiscoverer} ({@code
 *       file_sd_configs}: WatchService plus refresh_interval poll; a bad file keeps its previous
 *       groups; {@code __meta_filepath}), {@link io.cairn.monitor.discovery.HttpDiscoverer} ({@code
 *       http_sd_configs}: 200 and application/json required; a failure keeps the last groups;
 *       {@code __meta_url}). The place for a {@code KvDiscoverer} (cairn kv watch on a prefix,
 *       targets that vanish with their lease) is another implementation of {@code Discoverer}
 *       here: publish the prefix's full contents on every watch event.
 *   <li>The file_sd/http_sd format is decoded strictly ({@link
 *       io.cairn.monitor.discovery.TargetGroupDecoder}): unknown fields, non-string targets or label
 *       values, invalid label names and null items are errors; an empty JSON document is an error
 *       (as Go's decoder), an empty YAML document is no groups. A file caught half-written may
 *       fail to parse; it then keeps its groups until the next event or poll.
 *   <li>On {@code apply}, a job keeps its previous groups until each of its new discoverers has
 *       published once, so reloading configuration does not stop and restart its scrape loops.
 *   <li>Errors are counted on the discoverers ({@code readErrors()}, {@code failures()}); wiring
 *       them to {@code prometheus_sd_*} metrics is left to the glue.
 * </ul>
 *
 * <h2>Limits</h2>
 *
 * <table>
 *   <caption>Defaults</caption>
 *   <tr><th>limit</th><th>default</th><th>beyond it</th></tr>
 *   <tr><td>bytes of one SD file or HTTP body</td><td>16 MiB ({@link
 *       io.cairn.monitor.discovery.TargetGroupDecoder#MAX_BYTES})</td><td>error; previous groups
 *       kept</td></tr>
 *   <tr><td>update throttle</td><td>5 s ({@link
 *       io.cairn.monitor.discovery.DiscoveryManager#DEFAULT_UPDATE_INTERVAL})</td><td>changes wait
 *       for the next tick and are sent as one</td></tr>
 *   <tr><td>file_sd refresh_interval</td><td>given by the caller (Prometheus: 5m)</td><td>-</td></tr>
 *   <tr><td>http_sd refresh_interval, fetch timeout</td><td>given by the caller (Prometheus: 1m)</td>
 *       <td>a fetch beyond the timeout fails and keeps the last groups</td></tr>
 * </table>
 */
package io.cairn.monitor.discovery;
