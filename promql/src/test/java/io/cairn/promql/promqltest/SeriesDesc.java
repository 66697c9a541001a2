package io.cairn.promql.promqltest;

import io.cairn.tsdb.model.Labels;
import java.util.ArrayList;
import java.util.List;

/**
 * A test script's series description, {@code metric{l="v", ...} values...}, as Prometheus's
 * {@code parser.ParseSeriesDesc}: the label set, and the expanded values where {@code null} is an
 * omitted sample ({@code _}) and {@link #STALE} a staleness marker.
 */
record SeriesDesc(Labels labels, List<Double> values) {
  /** Marks a staleness marker in {@link #values}; compared by identity. */
  static final Double STALE = Double.longBitsToDouble(io.cairn.tsdb.model.Sample.STALE_NAN_BITS);

  static SeriesDesc parse(String line) {
    String s = line.strip();
    int i = 0;
    Labels.Builder b = Labels.builder();
    while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == ':')) {
      i++;
    }
    if (i > 0) {
      b.set(Labels.METRIC_NAME, s.substring(0, i));
    }
    if (i < s.length() && s.charAt(i) == '{') {
      i++;
      while (true) {
        i = skipSpace(s, i);
        if (s.charAt(i) == '}') {
          i++;
          break;
        }
        int nameStart = i;
        while (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_') {
          i++;
        }
        String name = s.substring(nameStart, i);
        i = skipSpace(s, i);
        if (s.charAt(i) != '=') {
          throw new IllegalArgumentException("expected = after label " + name + " in: " + line);
        }
        i = skipSpace(s, i + 1);
        StringBuilder value = new StringBuilder();
        i = GoQuote.unquote(s, i, value);
        b.set(name, value.toString());
        i = skipSpace(s, i);
        if (s.charAt(i) == ',') {
          i++;
        }
      }
    }
    List<Double> values = new ArrayList<>();
    for (String tok : s.substring(i).trim().split("\\s+")) {
      if (!tok.isEmpty()) {
        expand(tok, values);
      }
    }
    return new SeriesDesc(b.build(), values);
  }

  private static int skipSpace(String s, int i) {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static void expand(String tok, List<Double> out) {
    if (tok.equals("_")) {
      out.add(null);
      return;
    }
    if (tok.equals("stale")) {
      out.add(STALE);
      return;
    }
    int x = tok.lastIndexOf('x');
    if (x > 0 && tok.substring(x + 1).chars().allMatch(Character::isDigit) && x + 1 < tok.length()) {
      int times = Integer.parseInt(tok.substring(x + 1));
      String head = tok.substring(0, x);
      if (head.equals("_")) {
        for (int j = 0; j < times; j++) {
          out.add(null);
        }
        return;
      }
      int op = -1;
      for (int j = 1; j < head.length(); j++) {
        char c = head.charAt(j);
        char prev = head.charAt(j - 1);
        if ((c == '+' || c == '-') && prev != 'e' && prev != 'E') {
          op = j;
        }
      }
      if (op < 0) {
        double v = number(head);
        for (int j = 0; j <= times; j++) {
          out.add(v);
        }
        return;
      }
      double start = number(head.substring(0, op));
      double inc = number(head.substring(op + 1)) * (head.charAt(op) == '-' ? -1 : 1);
      double cur = start;
      for (int j = 0; j <= times; j++) {
        out.add(cur);
        cur += inc;
      }
      return;
    }
    out.add(number(tok));
  }

  /** A number as PromQL writes it: decimal, hex, Inf and NaN in any case, optional sign. */
  static double number(String t) {
    String body = t.startsWith("+") || t.startsWith("-") ? t.substring(1) : t;
    double sign = t.startsWith("-") ? -1 : 1;
    String lower = body.toLowerCase(java.util.Locale.ROOT);
    if (lower.equals("inf")) {
      return sign * Double.POSITIVE_INFINITY;
    }
    if (lower.equals("nan")) {
      return Double.NaN;
    }
    if (lower.startsWith("0x")) {
      return sign * Long.parseLong(body.substring(2), 16);
    }
    return sign * Double.parseDouble(body);
  }
}
