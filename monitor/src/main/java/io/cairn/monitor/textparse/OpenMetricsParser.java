package io.cairn.monitor.textparse;

import io.cairn.common.text.GoStrings;

/**
 * OpenMetrics 1.0 text, as Prometheus 2.42's {@code openmetricsparse.go} and {@code
 * openmetricslex.l} read it: exactly one space between tokens, no blanks inside braces, no blank
 * lines, no comments but {@code # HELP}, {@code # TYPE}, {@code # UNIT} and the final {@code # EOF}
 * (nothing may follow it; input without it is an error). Every line ends with a line break.
 * Timestamps are float seconds. {@code _created} series are plain series, as in 2.42. Family
 * grouping and type-specific rules (counters ending in {@code _total}, ...) are not checked, as
 * Prometheus 2.42 does not check them.
 */
final class OpenMetricsParser extends Parser {
  static final String NO_EOF = "data does not end with # EOF";

  OpenMetricsParser(byte[] body, Limits limits) {
    super(body, limits);
  }

  @Override
  public boolean isOpenMetrics() {
    return true;
  }

  @Override
  Entry read() throws ParseException {
    int c = in.peek();
    if (c == -1) {
      throw in.fail(in.pos, NO_EOF);
    }
    if (c == '#') {
      return meta();
    }
    if (Input.isNameStart((byte) c, true)) {
      return new OpenMetricsSeries(this).read();
    }
    throw in.expected("expected metric name or \"# \" at start of line");
  }

  private Entry meta() throws ParseException {
    if (in.peek(1) != ' ') {
      throw in.expected("expected \"# HELP\", \"# TYPE\", \"# UNIT\" or \"# EOF\"");
    }
    in.pos += 2;
    if (in.lookingAt("EOF")) {
      in.pos += 3;
      if (in.peek() == '\n') {
        in.pos++;
      }
      if (in.pos != in.end) {
        throw in.fail(in.pos, "unexpected data after # EOF");
      }
      return Entry.Eof.INSTANCE;
    }
    String keyword;
    if (in.lookingAt("HELP ")) {
      keyword = "HELP";
    } else if (in.lookingAt("TYPE ")) {
      keyword = "TYPE";
    } else if (in.lookingAt("UNIT ")) {
      keyword = "UNIT";
    } else {
      throw in.expected("expected HELP, TYPE, UNIT or EOF after \"# \" (OpenMetrics has no other comments)");
    }
    in.pos += 5;
    int nameEnd = in.nameEnd(true);
    if (nameEnd == in.pos) {
      throw in.expected("expected metric name after " + keyword);
    }
    int eol = in.lineEnd(nameEnd);
    in.checkLength(eol);
    String name = in.ascii(in.pos, nameEnd);
    in.pos = nameEnd;
    if (in.peek() != ' ' || eol == in.end) {
      throw in.expected("expected text in " + keyword + " (a space, then text up to a line break)");
    }
    int from = nameEnd + 1;
    in.pos = eol + 1;
    return switch (keyword) {
      case "TYPE" -> {
        String s = in.lenient(from, eol);
        MetricType t = MetricType.fromOpenMetrics(s);
        if (t == null) {
          throw in.fail(from, "invalid metric type " + GoStrings.quote(s));
        }
        yield new Entry.Type(name, t);
      }
      case "UNIT" -> {
        String u = in.lenient(from, eol);
        if (!u.isEmpty() && !name.endsWith("_" + u)) {
          throw in.fail(from, "unit not a suffix of metric " + GoStrings.quote(name));
        }
        yield new Entry.Unit(name, u);
      }
      default -> {
        String s = in.strict(from, eol);
        if (s == null) {
          throw in.fail(from, "help text is not a valid utf8 string");
        }
        // OpenMetrics escapes help texts as label values, quotes included.
        yield new Entry.Help(name, Text.unescape(s, true));
      }
    };
  }
}
