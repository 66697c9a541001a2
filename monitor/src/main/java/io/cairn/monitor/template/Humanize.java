package io.cairn.monitor.template;

import io.cairn.monitor.template.gotemplate.GoFmt;

/** Prometheus 2.42's humanize functions ({@code template/template.go}), on float64 values. */
final class Humanize {
  private static final String[] BIG = {"k", "M", "G", "T", "P", "E", "Z", "Y"};
  private static final String[] SMALL = {"m", "u", "n", "p", "f", "a", "z", "y"};
  private static final String[] BINARY = {"ki", "Mi", "Gi", "Ti", "Pi", "Ei", "Zi", "Yi"};

  private Humanize() {}

  private static String g4(double v) {
    return GoFmt.sprintf("%.4g", v);
  }

  static String humanize(double v) {
    if (v == 0 || Double.isNaN(v) || Double.isInfinite(v)) {
      return g4(v);
    }
    String prefix = "";
    if (Math.abs(v) >= 1) {
      for (String p : BIG) {
        if (Math.abs(v) < 1000) {
          break;
        }
        prefix = p;
        v /= 1000;
      }
      return g4(v) + prefix;
    }
    for (String p : SMALL) {
      if (Math.abs(v) >= 1) {
        break;
      }
      prefix = p;
      v *= 1000;
    }
    return g4(v) + prefix;
  }

  static String humanize1024(double v) {
    if (Math.abs(v) <= 1 || Double.isNaN(v) || Double.isInfinite(v)) {
      return g4(v);
    }
    String prefix = "";
    for (String p : BINARY) {
      if (Math.abs(v) < 1024) {
        break;
      }
      prefix = p;
      v /= 1024;
    }
    return g4(v) + prefix;
  }

  static String duration(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return g4(v);
    }
    if (v == 0) {
      return GoFmt.sprintf("%.4gs", v);
    }
    if (Math.abs(v) >= 1) {
      String sign = "";
      if (v < 0) {
        sign = "-";
        v = -v;
      }
      long d = (long) v;
      long seconds = d % 60;
      long minutes = (d / 60) % 60;
      long hours = (d / 60 / 60) % 24;
      long days = d / 60 / 60 / 24;
      if (days != 0) {
        return sign + days + "d " + hours + "h " + minutes + "m " + seconds + "s";
      }
      if (hours != 0) {
        return sign + hours + "h " + minutes + "m " + seconds + "s";
      }
      if (minutes != 0) {
        return sign + minutes + "m " + seconds + "s";
      }
      return sign + g4(v) + "s";
    }
    String prefix = "";
    for (String p : SMALL) {
      if (Math.abs(v) >= 1) {
        break;
      }
      prefix = p;
      v *= 1000;
    }
    return g4(v) + prefix + "s";
  }

  static String percentage(double v) {
    return GoFmt.sprintf("%.4g%%", v * 100);
  }

  /** Prometheus's {@code floatToTime}: seconds to a millisecond-precision UTC time. */
  static GoTime toTime(double v) throws Exception {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      throw new Exception("value is NaN or Inf");
    }
    double ts = v * 1e9;
    if (ts > 9.223372036854775807E18 || ts < -9.223372036854775808E18) {
      throw new Exception(GoFmt.sprintf("%v", v) + " cannot be represented as a nanoseconds timestamp since it overflows int64");
    }
    long nanos = (long) ts;
    long millis = nanos / 1_000_000; // model.TimeFromUnixNano truncates to milliseconds
    return new GoTime(millis * 1_000_000);
  }

  static String timestamp(double v) throws Exception {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return g4(v);
    }
    return toTime(v).goString();
  }
}
