/**
 * Parsers for what Prometheus 2.42 scrapes, as its {@code model/textparse} ({@code promparse.go},
 * {@code openmetricsparse.go}): the text exposition format 0.0.4 and OpenMetrics 1.0 text.
 *
 * <p>{@link io.cairn.monitor.textparse.Parser} is a pull parser: {@code next()} returns an {@link
 * io.cairn.monitor.textparse.EntryKind} and {@code entry()} the matching {@link
 * io.cairn.monitor.textparse.Entry} record (series with {@link io.cairn.tsdb.model.Labels}, value,
 * optional timestamp in milliseconds, optional exemplar and the family's {@link
 * io.cairn.monitor.textparse.MetricType}; help, type, unit, comment; end of input). {@link
 * io.cairn.monitor.textparse.Parser#forContentType} picks the format as Prometheus does, and {@link
 * io.cairn.monitor.textparse.ContentTypes#SCRAPE_ACCEPT_HEADER} is the {@code Accept} header it
 * sends. Malformed input is a checked {@link io.cairn.monitor.textparse.ParseException} naming what
 * was expected, what was found, and the line and column.
 *
 * <h2>As Prometheus 2.42</h2>
 *
 * <ul>
 *   <li>Values: Go's {@code strconv.ParseFloat} without hexadecimal floats or underscores: {@code
 *       1}, {@code -1.5e-3}, {@code .5}, {@code NaN} (any case, no sign), {@code +Inf}, {@code
 *       -inf}, {@code Infinity}; a finite spelling beyond a double's range is an error. Every NaN
 *       becomes Prometheus's normal NaN, never the staleness marker.
 *   <li>Timestamps: 0.0.4 has milliseconds, digits only (a negative timestamp is an error);
 *       OpenMetrics has float seconds, multiplied by 1000 and truncated.
 *   <li>Escapes: label values of both formats and OpenMetrics help texts unescape {@code \\},
 *       {@code \"} and {@code \n}; 0.0.4 help texts unescape {@code \\} and {@code \n}; any other
 *       backslash sequence is kept as written. Label values and help texts must be valid UTF-8.
 *   <li>0.0.4 is lenient: blanks between any tokens, blank lines, any comment, a trailing comma or
 *       none between labels, no line break needed at the end, a raw line break inside a quoted
 *       label value. OpenMetrics is strict: single spaces, no blanks in braces, no trailing comma,
 *       no blank lines, only HELP/TYPE/UNIT comments, and {@code # EOF} last (missing: "data does
 *       not end with # EOF"; anything after it: "unexpected data after # EOF").
 *   <li>OpenMetrics {@code _created} series are ingested as ordinary series (2.42 predates created
 *       timestamps). Exemplars are parsed on {@code _total} and {@code _bucket} series only
 *       ("metric name ... does not support exemplars" otherwise). A {@code # UNIT} must be a suffix
 *       of the family name after "_". Family grouping and per-type rules are not checked.
 *   <li>Content negotiation: a {@code Content-Type} whose media type is {@code
 *       application/openmetrics-text} selects OpenMetrics; anything else, missing or malformed,
 *       selects 0.0.4. Protobuf (2.42's native-histogram feature flag) is not supported.
 * </ul>
 *
 * <h2>Where cairn is stricter</h2>
 *
 * <ul>
 *   <li>A label name given twice, or a {@code __name__} label in braces, is a parse error (2.42
 *       parses the line, then refuses to append it).
 *   <li>A NUL byte at the start of a 0.0.4 line is an error (2.42's lexer ends the input there).
 *   <li>An OpenMetrics timestamp beyond ±2<sup>63</sup> ms is an error (Go's conversion is
 *       undefined there).
 * </ul>
 *
 * <h2>Limits ({@link io.cairn.monitor.textparse.Limits#DEFAULT})</h2>
 *
 * <table>
 *   <caption>Bounds every parser keeps, whatever the input</caption>
 *   <tr><th>limit</th><th>default</th><th>beyond it</th></tr>
 *   <tr><td>bytes of one entry (a line; a 0.0.4 series with raw line breaks in label values
 *       counts as one entry)</td><td>1 MiB (1,048,576)</td><td>"entry longer than the limit of
 *       1048576 bytes"</td></tr>
 *   <tr><td>labels of one series (its name not counted) or exemplar</td><td>1,024</td><td>"more
 *       than the limit of 1024 labels"</td></tr>
 *   <tr><td>entries</td><td>at most one per line and the end</td><td>every {@code next()}
 *       consumes input or returns EOF</td></tr>
 * </table>
 *
 * <p>The whole body is held in memory by the caller (Prometheus's {@code body_size_limit} belongs
 * to the scraper); the parser allocates only the strings of the current entry and a map from family
 * name to type.
 */
package io.cairn.monitor.textparse;
