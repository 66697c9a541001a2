package io.cairn.monitor.web;

import io.cairn.common.text.GoJson;
import io.cairn.tsdb.model.Label;
import io.cairn.tsdb.model.Labels;
import java.math.BigDecimal;

/** Prometheus's JSON renderings of labels, timestamps and values ({@code util/jsonutil}). */
final class PromJson {
  private PromJson() {}

  /** {@code {"name":"value",...}} in label order. */
  static void labels(Labels labels, StringBuilder out) {
    out.append('{');
    boolean first = true;
    for (Label l : labels) {
      if (!first) {
        out.append(',');
      }
      first = false;
      GoJson.appendJson(l.name(), out);
      out.append(':');
      GoJson.appendJson(l.value(), out);
    }
    out.append('}');
  }

  /**
   * A sample's or point's timestamp as Prometheus's {@code marshalTimestamp}: whole seconds, then,
   * unless zero, the milliseconds as exactly three digits ({@code 1435781451.780}, {@code 12},
   * {@code -1.500}).
   */
  static void timestamp(long ms, StringBuilder out) {
    long abs = ms;
    if (ms < 0) {
      out.append('-');
      abs = -ms;
    }
    out.append(abs / 1000);
    long frac = abs % 1000;
    if (frac != 0) {
      out.append('.');
      if (frac < 100) {
        out.append('0');
      }
      if (frac < 10) {
        out.append('0');
      }
      out.append(frac);
    }
  }

  /**
   * A scalar's or string's timestamp as Go's {@code FormatFloat(t/1000, 'f', -1, 64)}: trailing
   * zeros dropped ({@code 1435781451.78}, {@code -1.5}).
   */
  static void scalarTimestamp(long ms, StringBuilder out) {
    long abs = ms;
    if (ms < 0) {
      out.append('-');
      abs = -ms;
    }
    out.append(abs / 1000);
    long frac = abs % 1000;
    if (frac != 0) {
      String f = String.format("%03d", frac);
      int end = f.length();
      while (f.charAt(end - 1) == '0') {
        end--;
      }
      out.append('.').append(f, 0, end);
    }
  }


  /** A value as Go's {@code strconv.FormatFloat(v, 'f', -1, 64)}, in quotes; NaN, +Inf, -Inf. */
  static void value(double v, StringBuilder out) {
    out.append('"').append(formatFloat(v)).append('"');
  }

  /**
   * A vector or matrix sample's value, in quotes, as Prometheus 2.42's {@code marshalPointJSON}:
   * {@code strconv.AppendFloat(v, 'f', -1, 64)}, but {@code 'e'} (two exponent digits at least:
   * {@code 1.5e-07}, {@code 1e+21}) when {@code |v|} is below 1e-6 or from 1e21 on. Scalars are
   * rendered by {@link #value} ({@code 'f'} always), as Prometheus's {@code Scalar.MarshalJSON}.
   */
  static void pointValue(double v, StringBuilder out) {
    double abs = Math.abs(v);
    if (abs == 0 || !Double.isFinite(v) || (abs >= 1e-6 && abs < 1e21)) {
      value(v, out);
      return;
    }
    out.append('"').append(formatFloatE(v)).append('"');
  }

  /** Go's {@code strconv.FormatFloat(v, 'e', -1, 64)} for a finite non-zero {@code v}. */
  static String formatFloatE(double v) {
    BigDecimal bd = new BigDecimal(Double.toString(Math.abs(v))).stripTrailingZeros();
    String digits = bd.unscaledValue().toString();
    int exp = digits.length() - 1 - bd.scale();
    StringBuilder sb = new StringBuilder(v < 0 ? "-" : "").append(digits.charAt(0));
    if (digits.length() > 1) {
      sb.append('.').append(digits, 1, digits.length());
    }
    sb.append('e').append(exp < 0 ? '-' : '+');
    int e = Math.abs(exp);
    return sb.append(e < 10 ? "0" : "").append(e).toString();
  }

  static String formatFloat(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    if (v == 0) {
      return Double.doubleToRawLongBits(v) < 0 ? "-0" : "0";
    }
    if (Math.abs(v) < 1e15 && v == Math.rint(v)) {
      return Long.toString((long) v); // exact: every integer below 2^53 is
    }
    String s = Double.toString(v); // the shortest digits that read back as v, as Go's -1 precision
    if (s.indexOf('E') < 0) {
      return s; // plain and not integral: no trailing zeros
    }
    return new BigDecimal(s).stripTrailingZeros().toPlainString();
  }

  static String error(String type, String message) {
    StringBuilder sb = new StringBuilder("{\"status\":\"error\",\"errorType\":");
    GoJson.appendJson(type, sb);
    sb.append(",\"error\":");
    GoJson.appendJson(message, sb);
    return sb.append('}').toString();
  }
}
