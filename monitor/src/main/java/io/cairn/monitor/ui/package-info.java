/**
 * The monitor's web UI on port 9090 ({@link io.cairn.monitor.ui.UiHandler}): the pages of
 * Prometheus 2.42's UI, served by {@code MonitorWeb} for the paths the API does not take.
 *
 * <table>
 *   <caption>Routes</caption>
 *   <tr><th>route</th><th>what</th></tr>
 *   <tr><td>{@code /}</td><td>302 to {@code /graph}, as Prometheus</td></tr>
 *   <tr><td>{@code /graph}</td><td>the expression browser: panels with a query box (Enter runs,
 *       Shift+Enter adds a line), the query history (localStorage, newest first, 50 kept), a
 *       metric-name picker, a Table tab (instant query at an optional evaluation time; vectors,
 *       matrices, scalars, strings) and a Graph tab (range query; range 1s…2y with -/+, end time,
 *       resolution defaulting to {@code max(range/250, 1s)} as Prometheus's, stacking); its state
 *       in Prometheus's URL parameters {@code g<N>.expr}, {@code g<N>.tab} (0 graph, 1 table),
 *       {@code range_input}, {@code end_input}, {@code moment_input}, {@code step_input}, {@code
 *       stacked}, so that links made for Prometheus (alert generator URLs) open here</td></tr>
 *   <tr><td>{@code /targets}, {@code /service-discovery}</td><td>{@code /api/v1/targets}: pools
 *       with each target's endpoint, UP/DOWN/UNKNOWN, labels, last scrape, duration and error;
 *       discovered labels beside the relabelled ones</td></tr>
 *   <tr><td>{@code /alerts}, {@code /rules}</td><td>{@code /api/v1/rules} (alerts: {@code
 *       ?type=alert}), in Prometheus 2.42's JSON; a 404 gives a notice that the server has no rules
 *       endpoint</td></tr>
 *   <tr><td>{@code /config}, {@code /flags}, {@code /status}, {@code /tsdb-status}</td><td>{@code
 *       /api/v1/status/*} and {@code /api/v1/alertmanagers}</td></tr>
 *   <tr><td>{@code /static/<path>}</td><td>the scripts, stylesheet and icon under {@code
 *       io/cairn/monitor/ui/static/}; {@code /static/vendor/chart.umd.min.js} from the Chart.js
 *       WebJar</td></tr>
 * </table>
 *
 * <p>Design decisions:
 *
 * <ul>
 *   <li>Plain HTML and ES modules, no build step: one HTML shell for every page route, and a
 *       router ({@code app.js}) that picks the page's module by path. The DOM is built from text
 *       nodes only ({@code dom.js}'s {@code el}); no data ever goes through {@code innerHTML}, and
 *       links from data are kept only when http(s) or a local path.
 *   <li>The chart is Chart.js 4 from its WebJar ({@code org.webjars.npm:chart.js}), not uPlot: no
 *       uPlot WebJar is in the Maven mirror the build uses. Its version is read from the WebJar's
 *       {@code pom.properties}, so the pages' URL does not change with it. The legend is HTML (the
 *       series labels as Prometheus writes them) rather than Chart.js's canvas legend, so it can be
 *       read, selected and tested.
 *   <li>Files are read from the classpath once and kept in memory with a SHA-256 ETag; pages are
 *       {@code no-cache}, assets {@code max-age=300}. Names are checked against a strict pattern
 *       before any lookup (no {@code .}-segments, no directories, only known types), so nothing
 *       outside {@code static/} is reachable.
 *   <li>Times are shown and entered in UTC ({@code YYYY-MM-DD HH:mm:ss}), Prometheus's default.
 * </ul>
 */
package io.cairn.monitor.ui;
