/**
 * Prometheus remote write 1.0: decoding what a sender posts to {@code POST /api/v1/write}, and
 * encoding it. Entry point: {@link io.cairn.monitor.ingest.remotewrite.RemoteWriteCodec}.
 *
 * <h2>Wire format</h2>
 *
 * The body is one snappy <em>block</em> (Go's {@code snappy.Encode}; not the framing format, no
 * stream identifier or checksums) holding a protobuf {@code prometheus.WriteRequest}:
 *
 * <pre>{@code
 * message WriteRequest   { repeated TimeSeries timeseries = 1; reserved 2; repeated MetricMetadata metadata = 3; }
 * message TimeSeries     { repeated Label labels = 1; repeated Sample samples = 2;
 *                          repeated Exemplar exemplars = 3; repeated Histogram histograms = 4; }
 * message Label          { string name = 1; string value = 2; }
 * message Sample         { double value = 1; int64 timestamp = 2; }   // timestamp in ms
 * message MetricMetadata { MetricType type = 1; string metric_family_name = 2; string help = 4; string unit = 5; }
 * }</pre>
 *
 * Decoding is by hand with protobuf-java's {@code CodedInputStream} (no generated classes). Unknown
 * fields are skipped; a known field with the wrong wire type, a truncated message, a bad length or
 * an end-group tag out of place refuses the request. Exemplars and native histograms are skipped and
 * counted ({@link io.cairn.monitor.ingest.remotewrite.DecodedWrite}); metadata is decoded.
 *
 * <h2>Validation</h2>
 *
 * Each series must follow the remote write 1.0 specification, else the whole request is refused
 * with HTTP 400 and a message naming the series and the rule:
 *
 * <ul>
 *   <li>label names are not empty and match {@code [a-zA-Z_][a-zA-Z0-9_]*};
 *   <li>label names are sorted and not repeated;
 *   <li>{@code __name__} is present and matches {@code [a-zA-Z_:][a-zA-Z0-9_:]*};
 *   <li>label values are valid UTF-8.
 * </ul>
 *
 * A label with an empty value is dropped (an empty value means "absent" in Prometheus). Prometheus
 * 2.42 itself sorts unsorted labels silently and checks no names; newer Prometheus versions drop
 * series with invalid names or without {@code __name__}; Cortex and Mimir refuse unsorted labels.
 * cairn follows the specification and says why, so a broken sender is noticed. Samples are not
 * checked here (any double, including NaN and Prometheus's stale marker, and any timestamp).
 *
 * <h2>Errors</h2>
 *
 * {@link io.cairn.monitor.ingest.remotewrite.RemoteWriteException} carries the status and the text;
 * answer as Prometheus does: that status, {@code Content-Type: text/plain; charset=utf-8}, the text
 * and a newline. A corrupt snappy block says {@code snappy: corrupt input} (Go's error text);
 * malformed protobuf starts with {@code proto:}. A sender does not retry a 4xx answer.
 *
 * <h2>Limits</h2>
 *
 * <table>
 *   <caption>Limits ({@link io.cairn.monitor.ingest.remotewrite.RemoteWriteLimits#DEFAULTS})</caption>
 *   <tr><th>limit</th><th>default</th><th>when exceeded</th></tr>
 *   <tr><td>compressed body</td><td>32 MiB</td><td>413</td></tr>
 *   <tr><td>uncompressed body (the snappy header's length, checked before allocating)</td>
 *       <td>32 MiB (VictoriaMetrics' {@code -maxInsertRequestSize})</td><td>413</td></tr>
 *   <tr><td>series per request</td><td>100,000</td><td>413</td></tr>
 *   <tr><td>samples per request</td><td>1,000,000 (a Prometheus sender's {@code
 *       max_samples_per_send} is a few thousand at most by default)</td><td>413</td></tr>
 *   <tr><td>protobuf nesting (groups in unknown fields)</td><td>100 levels (protobuf-java's
 *       recursion limit)</td><td>400</td></tr>
 * </table>
 *
 * Memory per request is bounded by these: the decompressed body plus the decoded objects, a small
 * multiple of the uncompressed size.
 */
package io.cairn.monitor.ingest.remotewrite;
