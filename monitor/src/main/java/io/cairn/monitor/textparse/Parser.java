package io.cairn.monitor.textparse;

import io.cairn.tsdb.model.Labels;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A pull parser of one scrape body, in the text exposition format 0.0.4 or OpenMetrics 1.0 text, as
 * Prometheus 2.42's {@code model/textparse}. Call {@link #next()} until it returns {@link
 * EntryKind#EOF}; after each call, {@link #entry()} holds what was read.
 *
 * <pre>{@code
 * Parser p = Parser.forContentType(response.contentType(), body);
 * for (EntryKind k = p.next(); k != EntryKind.EOF; k = p.next()) {
 *   if (p.entry() instanceof Entry.Series s) { append(s.labels(), s.timestampMillis(), s.value()); }
 * }
 * }</pre>
 *
 * <p>Contract: every call to {@link #next()} either consumes input or returns {@link EntryKind#EOF}
 * (then again on every later call), so a loop over it ends after at most one entry per line.
 * Malformed input is a {@link ParseException}, and only that; once thrown, {@link #next()} throws it
 * again. Memory and work per entry are bounded by the {@link Limits}. Not thread-safe.
 *
 * <p><b>The scrape fast path.</b> After {@link #next()} returned {@link EntryKind#SERIES}, the
 * {@code series*} accessors describe the line without building an {@link Entry}: the bytes that
 * identify the series (metric name and braces, as written), the value and the timestamp. With
 * {@link #deferSeriesLabels()}, the text format parser checks a series line's syntax but builds its
 * labels only when {@link #seriesLabels()} or {@link #entry()} asks, so a scrape cache keyed by
 * the identifying bytes (as Prometheus's is) skips the label work for series it has seen. Errors
 * that only building finds (a label name given twice, more labels than the limit) then surface
 * from that call instead of from {@link #next()}.
 */
public abstract sealed class Parser permits PromParser, OpenMetricsParser {
  /** The bits of Prometheus's {@code value.NormalNaN}, the NaN every parsed NaN value has. */
  public static final long NORMAL_NAN_BITS = GoFloat.NORMAL_NAN_BITS;

  final Input in;
  private final Map<String, MetricType> declaredTypes = new HashMap<>();
  private Entry current;
  private ParseException failure;
  /** Whether labels of series lines are built on demand (text format only). */
  boolean deferLabels;
  /** Whether the last series line's entry is still to be built (deferred mode). */
  boolean pendingSeries;
  /** The last series line: identifying bytes [keyFrom, keyTo), value, timestamp. */
  int keyFrom;
  int keyTo;
  double seriesValue;
  boolean seriesHasTimestamp;
  long seriesTimestamp;

  Parser(byte[] body, Limits limits) {
    this.in = new Input(Objects.requireNonNull(body, "body"), Objects.requireNonNull(limits, "limits"));
  }

  /** A parser of the text exposition format 0.0.4 with the default limits. */
  public static Parser prometheusText(byte[] body) {
    return new PromParser(body, Limits.DEFAULT);
  }

  /** A parser of the text exposition format 0.0.4. */
  public static Parser prometheusText(byte[] body, Limits limits) {
    return new PromParser(body, limits);
  }

  /** A parser of OpenMetrics 1.0 text with the default limits. */
  public static Parser openMetrics(byte[] body) {
    return new OpenMetricsParser(body, Limits.DEFAULT);
  }

  /** A parser of OpenMetrics 1.0 text. */
  public static Parser openMetrics(byte[] body, Limits limits) {
    return new OpenMetricsParser(body, limits);
  }

  /**
   * The parser Prometheus 2.42 would pick for a scrape response: OpenMetrics if {@link
   * ContentTypes#isOpenMetrics} says so, the text format 0.0.4 for anything else, a null or
   * malformed {@code Content-Type} included.
   */
  public static Parser forContentType(String contentType, byte[] body) {
    return forContentType(contentType, body, Limits.DEFAULT);
  }

  /** As {@link #forContentType(String, byte[])}, with limits. */
  public static Parser forContentType(String contentType, byte[] body, Limits limits) {
    return ContentTypes.isOpenMetrics(contentType) ? openMetrics(body, limits) : prometheusText(body, limits);
  }

  /** Whether this parser reads OpenMetrics (else the text format 0.0.4). */
  public abstract boolean isOpenMetrics();

  /**
   * Reads the next entry.
   *
   * @return its kind; {@link EntryKind#EOF} at the end, and from then on
   * @throws ParseException if the input is malformed there (and on every later call)
   */
  public final EntryKind next() throws ParseException {
    if (failure != null) {
      throw failure;
    }
    if (current instanceof Entry.Eof) {
      return EntryKind.EOF;
    }
    int before = in.pos;
    pendingSeries = false;
    try {
      in.entryStart = in.pos;
      current = read();
    } catch (ParseException e) {
      failure = e;
      current = null;
      throw e;
    }
    if (in.pos == before && !(current instanceof Entry.Eof)) {
      throw new IllegalStateException("parser bug: no input consumed at byte " + before);
    }
    if (current == null) { // a deferred series line
      pendingSeries = true;
      return EntryKind.SERIES;
    }
    if (current instanceof Entry.Type t) {
      declaredTypes.put(t.metricName(), t.type());
    }
    return current.kind();
  }

  /**
   * Builds the labels of series lines only when asked (see the class documentation); the OpenMetrics
   * parser builds them as it reads regardless. Call before the first {@link #next()}.
   */
  public final Parser deferSeriesLabels() {
    deferLabels = true;
    return this;
  }

  /** The hash of the last series line's identifying bytes (metric name and braces as written). */
  public final int seriesKeyHash() {
    requireSeries();
    int h = 1;
    byte[] b = in.b;
    for (int i = keyFrom; i < keyTo; i++) {
      h = 31 * h + b[i];
    }
    return h;
  }

  /** Whether {@code key} equals the last series line's identifying bytes. */
  public final boolean seriesKeyEquals(byte[] key) {
    requireSeries();
    return java.util.Arrays.equals(key, 0, key.length, in.b, keyFrom, keyTo);
  }

  /** A copy of the last series line's identifying bytes. */
  public final byte[] seriesKey() {
    requireSeries();
    return java.util.Arrays.copyOfRange(in.b, keyFrom, keyTo);
  }

  /** The last series line's value (every NaN is the normal NaN). */
  public final double seriesValue() {
    requireSeries();
    return seriesValue;
  }

  /** Whether the last series line has a timestamp. */
  public final boolean seriesHasTimestamp() {
    requireSeries();
    return seriesHasTimestamp;
  }

  /** The last series line's timestamp in milliseconds; meaningful if {@link #seriesHasTimestamp()}. */
  public final long seriesTimestamp() {
    requireSeries();
    return seriesTimestamp;
  }

  /**
   * The last series line's labels, built now in deferred mode.
   *
   * @throws ParseException if building finds a label name twice or more labels than the limit
   */
  public final Labels seriesLabels() throws ParseException {
    requireSeries();
    return ((Entry.Series) entry()).labels();
  }

  private void requireSeries() {
    if (!pendingSeries && !(current instanceof Entry.Series)) {
      throw new IllegalStateException("the last entry is not a series");
    }
  }

  /**
   * The entry the last {@link #next()} read.
   *
   * @throws IllegalStateException before the first {@link #next()} or after it threw
   * @throws ParseException only in deferred mode ({@link #deferSeriesLabels()}), when building a
   *     series line's labels fails; the parser then fails as if {@link #next()} had thrown
   */
  public final Entry entry() throws ParseException {
    if (pendingSeries) {
      try {
        current = buildSeries();
      } catch (ParseException e) {
        failure = e;
        pendingSeries = false;
        throw e;
      }
      pendingSeries = false;
    }
    if (current == null) {
      throw new IllegalStateException(failure != null ? "the parser failed: " + failure.getMessage() : "call next() first");
    }
    return current;
  }

  /**
   * Reads one entry from {@code in.pos}; returns {@link Entry.Eof} at the end, and null for a series
   * line whose labels are deferred (the {@code series*} fields are then set).
   */
  abstract Entry read() throws ParseException;

  /** Builds the entry of the deferred series line (only called in deferred mode). */
  Entry.Series buildSeries() throws ParseException {
    throw new IllegalStateException("this parser does not defer labels");
  }

  /** The type of the family series {@code name} belongs to (see {@link Entry.Series#type()}). */
  final MetricType typeOf(String name) {
    MetricType t = declaredTypes.get(name);
    if (t != null) {
      return t;
    }
    int underscore = name.lastIndexOf('_');
    if (underscore > 0) {
      String suffix = name.substring(underscore);
      t = declaredTypes.get(name.substring(0, underscore));
      if (t != null && t.seriesSuffixes().contains(suffix)) {
        return t;
      }
    }
    return MetricType.UNKNOWN;
  }

  /** Parses a value token, failing at its start with Prometheus's message. */
  final double value(int from, int to) throws ParseException {
    try {
      return GoFloat.parse(in.b, from, to);
    } catch (NumberFormatException e) {
      throw in.fail(from, e.getMessage());
    }
  }
}
