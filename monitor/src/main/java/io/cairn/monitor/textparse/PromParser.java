package io.cairn.monitor.textparse;

import io.cairn.common.text.GoStrings;

import io.cairn.tsdb.model.Labels;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The text exposition format 0.0.4, as Prometheus 2.42's {@code promparse.go} and {@code promlex.l}
 * read it: lenient about blanks (spaces and tabs anywhere between tokens, blank lines, a trailing
 * comma or none between labels), strict about the value and the timestamp (digits only, so never
 * negative). The last line needs no line break.
 */
final class PromParser extends Parser {
  PromParser(byte[] body, Limits limits) {
    super(body, limits);
  }

  @Override
  public boolean isOpenMetrics() {
    return false;
  }

  @Override
  Entry read() throws ParseException {
    while (true) {
      in.entryStart = in.pos;
      in.skipBlanks();
      int c = in.peek();
      if (c == -1) {
        return Entry.Eof.INSTANCE;
      }
      if (c == '\n') {
        in.pos++; // blank lines are allowed
        continue;
      }
      if (c == '#') {
        return commentOrMeta();
      }
      if (Input.isNameStart((byte) c, true)) {
        return series();
      }
      throw in.expected("expected metric name, comment or line break at start of line");
    }
  }

  private Entry commentOrMeta() throws ParseException {
    int hash = in.pos;
    in.pos++;
    int c = in.peek();
    if (c == ' ' || c == '\t') {
      in.skipBlanks();
      boolean help = in.lookingAt("HELP");
      boolean type = in.lookingAt("TYPE");
      int after = in.peek(4);
      if ((help || type) && (after == ' ' || after == '\t')) {
        in.pos += 4;
        in.skipBlanks();
        return meta(help ? "HELP" : "TYPE");
      }
    }
    int eol = in.lineEnd(in.pos);
    in.checkLength(eol);
    in.pos = eol;
    String text = in.lenient(hash, eol);
    endOfLine();
    return new Entry.Comment(text);
  }

  private Entry meta(String keyword) throws ParseException {
    int nameEnd = in.nameEnd(true);
    if (nameEnd == in.pos) {
      throw in.expected("expected metric name after " + keyword);
    }
    int eol = in.lineEnd(nameEnd);
    in.checkLength(eol);
    String name = in.ascii(in.pos, nameEnd);
    // Prometheus drops exactly one character, the blank after the name, from the text.
    int from = Math.min(nameEnd + 1, eol);
    in.pos = eol;
    Entry entry;
    if (keyword.equals("TYPE")) {
      String s = in.lenient(from, eol);
      MetricType t = MetricType.fromPrometheusText(s);
      if (t == null) {
        throw in.fail(from, "invalid metric type " + GoStrings.quote(s));
      }
      entry = new Entry.Type(name, t);
    } else {
      String s = in.strict(from, eol);
      if (s == null) {
        throw in.fail(from, "help text is not a valid utf8 string");
      }
      entry = new Entry.Help(name, Text.unescape(s, false));
    }
    endOfLine();
    return entry;
  }

  private Entry series() throws ParseException {
    int lineStart = in.entryStart;
    keyFrom = in.pos;
    int nameEnd = in.nameEnd(true);
    in.checkLength(nameEnd);
    LabelCollector labels = deferLabels ? null : new LabelCollector(in);
    String name = deferLabels ? null : in.ascii(in.pos, nameEnd);
    if (labels != null) {
      labels.metricName(name);
    }
    in.pos = nameEnd;
    keyTo = nameEnd;
    in.skipBlanks();
    if (in.peek() == '{') {
      in.pos++;
      labels(labels);
      keyTo = in.pos;
      in.skipBlanks();
    }
    int from = in.pos;
    while (in.pos < in.end && !valueStop(in.b[in.pos])) {
      in.pos++;
    }
    in.checkLength(in.pos);
    if (in.pos == from) {
      throw in.expected("expected value after metric");
    }
    double v = value(from, in.pos);
    in.skipBlanks();
    OptionalLong ts = OptionalLong.empty();
    int c = in.peek();
    if (c >= '0' && c <= '9') {
      ts = OptionalLong.of(timestamp());
      in.skipBlanks();
      if (in.peek() != '\n' && in.peek() != -1) {
        throw in.expected("expected next entry after timestamp");
      }
    } else if (c != '\n' && c != -1) {
      throw in.expected("expected timestamp or new record");
    }
    endOfLine();
    seriesValue = v;
    seriesHasTimestamp = ts.isPresent();
    seriesTimestamp = ts.orElse(0);
    if (labels == null) {
      seriesLineStart = lineStart;
      return null;
    }
    return new Entry.Series(labels.build(), v, ts, Optional.empty(), typeOf(name));
  }

  private int seriesLineStart;

  @Override
  Entry.Series buildSeries() throws ParseException {
    int pos = in.pos;
    int entryStart = in.entryStart;
    try {
      in.entryStart = seriesLineStart;
      in.pos = keyFrom;
      int nameEnd = in.nameEnd(true);
      String name = in.ascii(keyFrom, nameEnd);
      LabelCollector labels = new LabelCollector(in);
      labels.metricName(name);
      in.pos = nameEnd;
      in.skipBlanks();
      if (in.peek() == '{') {
        in.pos++;
        labels(labels);
      }
      OptionalLong ts = seriesHasTimestamp ? OptionalLong.of(seriesTimestamp) : OptionalLong.empty();
      return new Entry.Series(labels.build(), seriesValue, ts, Optional.empty(), typeOf(name));
    } finally {
      in.pos = pos;
      in.entryStart = entryStart;
    }
  }

  private static boolean valueStop(byte c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '{';
  }

  private long timestamp() throws ParseException {
    int from = in.pos;
    long ts = 0;
    boolean overflow = false;
    while (in.pos < in.end && in.b[in.pos] >= '0' && in.b[in.pos] <= '9') {
      int d = in.b[in.pos] - '0';
      if (ts > (Long.MAX_VALUE - d) / 10) {
        overflow = true;
      } else {
        ts = ts * 10 + d;
      }
      in.pos++;
    }
    in.checkLength(in.pos);
    if (overflow) {
      throw in.fail(from, "timestamp " + GoStrings.quote(in.ascii(from, in.pos)) + " out of range");
    }
    return ts;
  }

  /**
   * Labels after "{": blanks anywhere, a comma or none after each value, "}" at the end. With a null
   * collector the syntax is checked and nothing is built.
   */
  private void labels(LabelCollector labels) throws ParseException {
    while (true) {
      in.skipBlanks();
      if (in.peek() == '}') {
        in.pos++;
        return;
      }
      int nameStart = in.pos;
      int nameEnd = in.nameEnd(false);
      if (nameEnd == nameStart) {
        throw in.expected("expected label name");
      }
      in.checkLength(nameEnd);
      in.pos = nameEnd;
      in.skipBlanks();
      if (in.peek() != '=') {
        throw in.expected("expected equal");
      }
      in.pos++;
      in.skipBlanks();
      if (labels == null) {
        LabelValues.skip(in, true);
      } else {
        labels.add(nameStart, in.ascii(nameStart, nameEnd), LabelValues.read(in, true));
      }
      in.skipBlanks();
      if (in.peek() == ',') {
        in.pos++;
      }
    }
  }

  /** Consumes the line break at the position, if any (there is none at the end of the input). */
  private void endOfLine() {
    if (in.peek() == '\n') {
      in.pos++;
    }
  }
}
