/**
 * Scraping, after Prometheus 2.42's {@code scrape/scrape.go} and {@code scrape/target.go}: one
 * loop per target fetches the target's metrics, parses them with {@code textparse}, and appends
 * them with its report series to a tsdb {@link io.cairn.tsdb.storage.Appendable}.
 *
 * <h2>Parts</h2>
 *
 * <ul>
 *   <li>{@link io.cairn.monitor.scrape.TargetLabels#populate}: discovered labels to target labels
 *       ({@code PopulateLabels}); the relabel step is a function parameter, so this package does
 *       not depend on the relabel package (glue passes {@code l -> Relabel.process(l, cfgs)}).
 *   <li>{@link io.cairn.monitor.scrape.ScrapeTarget}: labels, URL, interval, timeout and {@link
 *       io.cairn.monitor.scrape.ScrapeSettings} (honor_labels, honor_timestamps, {@link
 *       io.cairn.monitor.scrape.ScrapeLimits}, {@link io.cairn.monitor.scrape.MetricRelabeling},
 *       {@link io.cairn.monitor.scrape.HttpSettings}). Values only; the glue maps config to them.
 *   <li>{@link io.cairn.monitor.scrape.ScrapeManager}: pools by job; {@code sync(job, targets,
 *       dropped)}; the targets API view ({@link io.cairn.monitor.scrape.ActiveTarget}, {@link
 *       io.cairn.monitor.scrape.DroppedTarget}).
 *   <li>Package-private: {@code ScrapePool} (start, keep, restart, stop loops), {@code ScrapeLoop}
 *       (a virtual thread per target), {@code ScrapeTicker} and {@code ScrapeClock} (when to
 *       scrape, which timestamp), {@code Scraper} (HTTP), {@code ScrapeAppend} (one body into
 *       an appender), {@code ScrapeCache}, {@code SampleLabels}, {@code ScrapeMetrics}.
 * </ul>
 *
 * <h2>Decisions</h2>
 *
 * <ul>
 *   <li>Scheduling: a loop first waits for the target's offset, {@code (FNV-1a64(labels + url) ^
 *       jitterSeed) mod interval} on the epoch-anchored interval grid (Prometheus hashes with
 *       xxhash; the property that matters, a stable phase per target, is the same); then ticks
 *       every interval, skipping ticks missed by a slow scrape. The ticks of every loop fire on
 *       one platform thread ({@code ScrapeTicker}), which reads the wall clock when a tick is
 *       due: a virtual thread reads it only once it gets a carrier, on a busy core often more than
 *       the tolerance late. Scrape times within {@code --scrape.timestamp-tolerance} (2 ms) of the
 *       intended tick are snapped to it ({@code ScrapeClock}), as Prometheus's timestamp
 *       alignment ({@code --scrape.adjust-timestamps}), so timestamps cost 1 bit in the chunks.
 *   <li>HTTP/1.1: {@code http://} targets through {@code Http1Fetch} (a blocking GET over one
 *       kept-alive connection per target on the loop's virtual thread; a third of the scrape path's
 *       CPU went to the JDK client's asynchronous machinery), {@code https://} targets and
 *       redirects to follow through {@code java.net.http.HttpClient}, one client per distinct {@link
 *       io.cairn.monitor.scrape.HttpSettings} in a pool; headers {@code Accept} (Prometheus 2.42's),
 *       {@code Accept-Encoding: gzip}, {@code User-Agent: Prometheus/2.42.0}, {@code
 *       X-Prometheus-Scrape-Timeout-Seconds}; status 200 required; the whole exchange is bounded
 *       by the timeout ("context deadline exceeded", as Prometheus words it).
 *   <li>One commit per scrape: samples, stale markers and report series. A failed scrape (fetch,
 *       parse, missing metric name, label limits, sample limit, a storage refusal other than out
 *       of order / duplicate / out of bounds) is rolled back; then, in a fresh appender, every series
 *       of the previous scrape is marked stale and {@code up} 0 is reported with the counts seen.
 *       (2.42 keeps the series tracked before the failure from being marked; cairn marks them all.)
 *   <li>Report series carry exactly the target labels and are never metric-relabelled; samples the
 *       storage refuses as out of order or duplicate are ignored for them, as Prometheus.
 *   <li>Stopping a loop (target gone, job removed, manager closed) marks the last scrape's series
 *       and the report series stale at the stop time at once (Prometheus waits for the next tick).
 *       A scrape in flight when a loop stops is cancelled and not appended.
 *   <li>Restarting a loop whose settings changed hands its cache to the new loop without stale
 *       markers when honor_labels and metric relabelling are unchanged (the series stay the same);
 *       otherwise the old loop marks its series stale. Unchanged targets are never restarted.
 *   <li>Explicit exposed timestamps (with honor_timestamps) bypass staleness, as Prometheus.
 * </ul>
 *
 * <h2>Limits</h2>
 *
 * <table>
 *   <caption>Per target; "0" means Prometheus's "no limit"</caption>
 *   <tr><th>limit</th><th>default</th><th>beyond it</th></tr>
 *   <tr><td>{@code sample_limit}</td><td>0</td><td>scrape fails, up 0, "sample limit exceeded";
 *       {@code prometheus_target_scrapes_exceeded_sample_limit_total}</td></tr>
 *   <tr><td>{@code label_limit} (labels incl. {@code __name__}), {@code label_name_length_limit}
 *       (bytes), {@code label_value_length_limit} (code points)</td><td>0</td><td>scrape fails with
 *       Prometheus's message, e.g. "label_limit exceeded (metric: a, number of labels: 4, limit:
 *       3)"</td></tr>
 *   <tr><td>{@code body_size_limit} (decompressed bytes; as Prometheus a body of exactly the
 *       limit fails)</td><td>0, i.e. cairn's ceiling of 256 MiB ({@link
 *       io.cairn.monitor.scrape.ScrapeLimits#BODY_CEILING_BYTES})</td><td>scrape fails, "body size
 *       limit exceeded"; the download is cancelled, never buffered beyond the limit</td></tr>
 *   <tr><td>sample timestamps ahead of now</td><td>10 min</td><td>sample refused as out of
 *       bounds, counted, scrape goes on</td></tr>
 *   <tr><td>series cache per target</td><td>series of the last successful scrape</td><td>entries
 *       not seen in a successful scrape are removed; after failures, flushed once it exceeds twice
 *       the last good size + 1,000</td></tr>
 *   <tr><td>metric metadata per target (TYPE/HELP/UNIT, for the metadata API)</td><td>{@value
 *       io.cairn.monitor.scrape.ScrapeCache#MAX_METADATA} families; a family is kept {@value
 *       io.cairn.monitor.scrape.ScrapeCache#METADATA_KEEP_SCRAPES} scrapes after its last
 *       line</td><td>metadata of further families is not kept; stale ones go at the cache's
 *       flushes</td></tr>
 *   <tr><td>bytes per entry, labels per series (parser)</td><td>{@link
 *       io.cairn.monitor.textparse.Limits#DEFAULT}</td><td>parse error, scrape fails</td></tr>
 * </table>
 *
 * <h2>Self-metrics</h2>
 *
 * {@code prometheus_target_interval_length_seconds{interval}} (summary, quantiles 0.01 0.05 0.5 0.9
 * 0.99), {@code prometheus_target_scrapes_exceeded_sample_limit_total}, {@code
 * prometheus_target_scrape_pool_exceeded_label_limits_total}, {@code
 * prometheus_target_scrape_pool_targets{scrape_job}}, {@code
 * prometheus_target_scrapes_sample_out_of_order_total}, {@code
 * prometheus_target_scrapes_sample_duplicate_timestamp_total}, {@code
 * prometheus_target_scrapes_sample_out_of_bounds_total}, {@code
 * prometheus_target_sync_length_seconds{scrape_job}} (summary; measures the whole sync).
 */
package io.cairn.monitor.scrape;
