/**
 * InfluxDB line protocol (1.x and 2.x), decoded into Prometheus series for {@code POST /write} and
 * {@code POST /api/v2/write}. Entry point: {@link
 * io.cairn.monitor.ingest.lineprotocol.LineProtocolDecoder}; error responses: {@link
 * io.cairn.monitor.ingest.lineprotocol.InfluxErrors}; the {@code precision} parameter: {@link
 * io.cairn.monitor.ingest.lineprotocol.Precision}.
 *
 * <h2>Syntax</h2>
 *
 * <pre>{@code
 * measurement[,tag_key=tag_value...] field_key=field_value[,field_key=field_value...] [timestamp]
 * }</pre>
 *
 * <ul>
 *   <li>Lines end at {@code \n} (a {@code \r} before it is ignored), except inside a string field
 *       value. Blank lines and lines whose first non-blank character is {@code #} are skipped;
 *       leading spaces and tabs are skipped.
 *   <li>Escapes: in the measurement {@code \,} {@code \ } {@code \\}; in tag keys, tag values and
 *       field keys {@code \,} {@code \=} {@code \ } {@code \\}; in string field values {@code \"}
 *       {@code \\}. A backslash before any other character is kept as written ({@code C:\temp}).
 *       {@code \\} is one backslash, as InfluxDB 2.x documents it; InfluxDB 1.x's parser kept
 *       both backslashes in names, so a name written for 1.x with {@code \\} differs by one
 *       backslash.
 *   <li>Tags: at least one character each side of the {@code =}; a repeated tag key rejects the
 *       line ({@code duplicate tags}). Tag order does not matter.
 *   <li>Field values: float ({@code 1}, {@code -1.5}, {@code .5}, {@code 1e-3}), integer ({@code
 *       1i}), unsigned ({@code 1u}), string ({@code "text"}), boolean ({@code t T true True TRUE f
 *       F false False FALSE}). NaN, infinities and out-of-range numbers reject the line.
 *   <li>Timestamp: an optional integer (may be negative) in the request's precision: nanoseconds
 *       unless {@code precision} says otherwise (1.x: {@code n ns u ms s m h}; 2.x: {@code ns us
 *       ms s}). It must fall in InfluxDB's range, -9223372036854775806 to 9223372036854775806 ns.
 * </ul>
 *
 * <h2>Mapping to Prometheus series</h2>
 *
 * <ul>
 *   <li>Each float, integer, unsigned or boolean field becomes one sample of the series {@code
 *       <measurement>_<field_key>{<tags>}}: the metric name is always measurement, {@code _}, field
 *       key, also for a field named {@code value} (VictoriaMetrics' {@code -influxSkipSingleField}
 *       and {@code -influxSkipMeasurement} shortcuts are not offered).
 *   <li>Names are sanitised as Prometheus's {@code strutil.SanitizeFullLabelName} does: every
 *       character not allowed at its place becomes {@code _}. Metric names allow {@code
 *       [a-zA-Z_:][a-zA-Z0-9_:]*}; label names (tag keys) {@code [a-zA-Z_][a-zA-Z0-9_]*}, so a
 *       colon in a tag key becomes {@code _} too. Tag values are kept as written (any UTF-8).
 *       VictoriaMetrics keeps names unsanitised; cairn sanitises so every series can be queried with
 *       PromQL without quoting.
 *   <li>A tag key that sanitises to {@code __name__}, or two tag keys that sanitise to the same
 *       label name ({@code a-b} and {@code a.b}), reject the line. Two fields that map to the same
 *       metric name both yield a sample; storage keeps one of them.
 *   <li>Values: floats as they are; integers and unsigned integers as the nearest double (exact up
 *       to 2<sup>53</sup>); booleans as 1 and 0. String fields are dropped (Prometheus samples are
 *       numbers) and counted in {@link io.cairn.monitor.ingest.lineprotocol.ParseResult}; a line
 *       with only string fields is accepted and yields nothing.
 *   <li>Timestamps become milliseconds, rounded down. A line without a timestamp takes the
 *       request's time, truncated to the precision when that is coarser than a millisecond (as
 *       InfluxDB truncates it).
 *   <li>The {@code db}, {@code rp}, {@code bucket} and {@code org} parameters do not change the
 *       series; the HTTP layer may add labels for them.
 * </ul>
 *
 * <h2>Errors, as InfluxDB reports them</h2>
 *
 * Each rejected line is a {@link io.cairn.monitor.ingest.lineprotocol.LineError} whose text is
 * {@code unable to parse '<line>': <reason>}, with InfluxDB's reasons ({@code missing measurement},
 * {@code missing fields}, {@code missing tag key}, {@code missing tag value}, {@code invalid tag
 * format}, {@code duplicate tags}, {@code missing field key}, {@code missing field value}, {@code
 * invalid field format}, {@code unbalanced quotes}, {@code invalid number}, {@code invalid float},
 * {@code invalid boolean}, {@code bad timestamp}, {@code point is invalid}, {@code time outside
 * range ...}) plus cairn's own for the mapping and the line limit. Several are joined by {@code
 * \n}. Bodies end with a newline.
 *
 * <table>
 *   <caption>Responses</caption>
 *   <tr><th>case</th><th>1.x {@code /write}</th><th>2.x {@code /api/v2/write}</th></tr>
 *   <tr><td>every line accepted (also an empty body)</td><td>204</td>
 *       <td>204; an empty (zero-byte) body is 400 {@code {"code":"invalid","message":"writing
 *       requires points"}}</td></tr>
 *   <tr><td>some lines rejected</td><td>400 {@code {"error":"partial write: unable to parse
 *       '<line>': <reason> dropped=0"}}; the accepted lines are written</td>
 *       <td>400 {@code {"code":"invalid","message":"unable to parse '<line>': <reason>"}};
 *       nothing is written</td></tr>
 *   <tr><td>every line rejected</td><td>400 {@code {"error":"unable to parse '<line>':
 *       <reason>"}}</td><td>as above</td></tr>
 *   <tr><td>body or samples over the limit</td><td>413 {@code {"error":"Request Entity Too
 *       Large"}}</td><td>413 {@code {"code":"request too large","message":"unable to read data:
 *       points batch is too large"}}</td></tr>
 *   <tr><td>bad {@code precision}</td><td>400 {@code {"error":"invalid precision \"x\" (use n, u,
 *       ms, s, m or h)"}}</td><td>400 {@code {"code":"invalid","message":"invalid precision; valid
 *       precision units are ns, us, ms, and s"}}</td></tr>
 * </table>
 *
 * 1.x also sends the message in an {@code X-Influxdb-Error} header ({@link
 * io.cairn.monitor.ingest.lineprotocol.InfluxErrors#v1ErrorHeader}); 2.x sends {@code
 * X-Platform-Error-Code} with the code. {@code dropped} in 1.x counts points the storage refused
 * (for example outside the retention), never unparsable lines, so a parse failure reports {@code
 * dropped=0} as InfluxDB 1.8 does.
 *
 * <h2>Limits</h2>
 *
 * <table>
 *   <caption>Limits ({@link io.cairn.monitor.ingest.lineprotocol.LineProtocolLimits#DEFAULTS})</caption>
 *   <tr><th>limit</th><th>default</th><th>when exceeded</th></tr>
 *   <tr><td>body size (after gzip)</td><td>25,000,000 bytes (InfluxDB 1.x's {@code
 *       max-body-size})</td><td>whole request refused, 413</td></tr>
 *   <tr><td>line length</td><td>262,144 bytes (VictoriaMetrics' {@code
 *       -influx.maxLineSize})</td><td>that line rejected</td></tr>
 *   <tr><td>samples per request</td><td>1,000,000</td><td>whole request refused, 413</td></tr>
 *   <tr><td>line errors kept with their text</td><td>100 (the rest are counted and reported as
 *       "and N more lines could not be parsed"; InfluxDB lists them all)</td><td>-</td></tr>
 *   <tr><td>line quoted in an error</td><td>first 1,024 characters, then {@code ...}</td>
 *       <td>-</td></tr>
 * </table>
 */
package io.cairn.monitor.ingest.lineprotocol;
