package io.cairn.monitor.ingest.lineprotocol;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Decodes an InfluxDB line protocol body into Prometheus samples. Thread-safe (it holds only its
 * limits). Every line is decoded independently: a malformed line becomes a {@link LineError} and the
 * others still yield samples, so the HTTP layer can answer a partial write as InfluxDB does (see
 * {@link InfluxErrors}). Never throws an unchecked exception for any input bytes.
 */
public final class LineProtocolDecoder {
  private final LineProtocolLimits limits;

  public LineProtocolDecoder(LineProtocolLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  /** A decoder with {@link LineProtocolLimits#DEFAULTS}. */
  public LineProtocolDecoder() {
    this(LineProtocolLimits.DEFAULTS);
  }

  public LineProtocolLimits limits() {
    return limits;
  }

  /**
   * Decodes a whole body.
   *
   * @param body the request body (after any {@code Content-Encoding: gzip}), UTF-8; bytes that are
   *     not UTF-8 become U+FFFD in names and values
   * @param precision the unit of the lines' timestamps
   * @param nowMs the time of lines without a timestamp, in milliseconds since the epoch (truncated to
   *     {@code precision} when it is coarser than a millisecond)
   * @throws LineProtocolException if the body is longer than {@link
   *     LineProtocolLimits#maxBodyBytes()} or yields more than {@link
   *     LineProtocolLimits#maxSamples()} samples; nothing of it should be written
   */
  public ParseResult decode(byte[] body, Precision precision, long nowMs)
      throws LineProtocolException {
    return decode(body, body.length, precision, nowMs);
  }

  /** As {@link #decode(byte[], Precision, long)} for the first {@code length} bytes of a buffer. */
  public ParseResult decode(byte[] body, int length, Precision precision, long nowMs)
      throws LineProtocolException {
    Objects.checkFromIndexSize(0, length, body.length);
    Objects.requireNonNull(precision, "precision");
    if (length > limits.maxBodyBytes()) {
      throw new LineProtocolException(
          "body of " + length + " bytes exceeds the limit of " + limits.maxBodyBytes() + " bytes");
    }
    long defaultMs = SeriesMapper.defaultMillis(nowMs, precision);
    List<SeriesSample> samples = new ArrayList<>();
    List<LineError> errors = new ArrayList<>();
    int points = 0;
    int failed = 0;
    int strings = 0;
    LineSplitter lines = new LineSplitter(body, length);
    while (lines.next()) {
      int start = skipBlanks(body, lines.start, lines.stop);
      if (start == lines.stop || body[start] == '#') {
        continue;
      }
      try {
        if (lines.stop - start > limits.maxLineBytes()) {
          throw new PointSyntaxException(
              "line of " + (lines.stop - start) + " bytes exceeds the limit of " + limits.maxLineBytes() + " bytes");
        }
        ParsedPoint p = PointParser.parse(body, start, lines.stop);
        long ts = p.hasTimestamp() ? SeriesMapper.toMillis(p.timestamp(), precision) : defaultMs;
        strings += SeriesMapper.map(p, ts, samples);
        points++;
      } catch (PointSyntaxException e) {
        failed++;
        if (errors.size() < limits.maxReportedErrors()) {
          errors.add(new LineError(lines.lineNumber, quote(body, start, lines.stop), e.getMessage()));
        }
      }
      if (samples.size() > limits.maxSamples()) {
        throw new LineProtocolException(
            "body yields more than " + limits.maxSamples() + " samples");
      }
    }
    return new ParseResult(samples, points, errors, failed, strings);
  }

  private static String quote(byte[] b, int from, int to) {
    String line = new String(b, from, Math.min(to - from, 4 * LineError.QUOTED_PREFIX_CHARS), StandardCharsets.UTF_8);
    if (line.length() <= LineError.QUOTED_PREFIX_CHARS) {
      return line;
    }
    int cut = LineError.QUOTED_PREFIX_CHARS;
    if (Character.isHighSurrogate(line.charAt(cut - 1))) {
      cut--;
    }
    return line.substring(0, cut) + "...";
  }

  private static int skipBlanks(byte[] b, int i, int to) {
    while (i < to && (b[i] == ' ' || b[i] == '\t')) {
      i++;
    }
    return i;
  }
}
