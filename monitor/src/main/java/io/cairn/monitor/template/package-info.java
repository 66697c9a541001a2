/**
 * Prometheus 2.42's alert templates: Go's {@code text/template} language (see {@link
 * io.cairn.monitor.template.gotemplate}) with Prometheus's functions ({@code query first label value
 * strvalue args reReplaceAll safeHtml match title toUpper toLower graphLink tableLink sortByLabel
 * stripPort stripDomain humanize humanize1024 humanizeDuration humanizePercentage humanizeTimestamp
 * toTime pathPrefix externalURL parseDuration}). {@code tmpl} exists only for console (HTML)
 * templates in Prometheus, so it is "not defined" here too.
 *
 * <p>Entry point: {@link io.cairn.monitor.template.AlertTemplates}.
 *
 * <h2>Design decisions</h2>
 *
 * <ul>
 *   <li>Outputs and messages were compared with the real promtool 2.42: {@code PromtoolGoldenTest}
 *       replays 167 recorded cases, {@code PromtoolTemplateIT} runs {@code promtool test rules} on
 *       cairn's expansions. Notable Go behaviours kept: {@code $value} prints with {@code %v} ({@code
 *       1e+06}), humanize functions accept numeric strings ({@code strconv.ParseFloat} errors
 *       otherwise), {@code humanizeTimestamp}/{@code toTime} truncate to milliseconds, {@code
 *       reReplaceAll} with a bad expression fails with Go's panic text.
 *   <li>Templates are parsed on every expansion (parsing is cheap next to a query); nothing is cached,
 *       so the class is stateless.
 *   <li>A null external URL behaves as promtool's nil URL: {@code $externalURL} is empty and {@code
 *       externalURL}/{@code pathPrefix} fail with Go's nil-pointer error.
 *   <li>{@code query} results are {@code *sample} pointers: printing a whole result shows addresses
 *       ({@code [0xc...]}) as Go does, but the addresses differ.
 * </ul>
 *
 * <h2>Limits</h2>
 *
 * <p>Each expansion: output 1 MiB, 1,000,000 steps, template nesting depth 100 (Go: 100,000); see
 * {@link io.cairn.monitor.template.gotemplate.Limits}.
 */
package io.cairn.monitor.template;
