package io.cairn.monitor.template;

import io.cairn.monitor.template.gotemplate.GoStrings;
import io.cairn.monitor.template.gotemplate.GoTyped;
import java.util.regex.Pattern;

/** Go's {@code strconv.ParseFloat} and Prometheus's {@code convertToFloat} for the humanize functions. */
final class GoParse {
  private static final Pattern FLOAT = Pattern.compile(
      "[+-]?(?:(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?|0[xX](?:[0-9a-fA-F]+\\.?[0-9a-fA-F]*|\\.[0-9a-fA-F]+)[pP][+-]?\\d+)");
  private static final Pattern SPECIAL = Pattern.compile("(?i)[+-]?(?:inf|infinity|nan)");

  private GoParse() {}

  /** Go's {@code strconv.ParseFloat(s, 64)}; throws with Go's message. */
  static double parseFloat(String s) throws Exception {
    String prefix = "strconv.ParseFloat: parsing " + GoStrings.quote(s) + ": ";
    if (SPECIAL.matcher(s).matches()) {
      String l = s.toLowerCase();
      return l.contains("nan") ? Double.NaN : l.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    String t = s.replace("_", "");
    if (!FLOAT.matcher(t).matches() || (!t.equals(s) && !t.matches("[+-]?0[xX].*"))) {
      throw new Exception(prefix + "invalid syntax");
    }
    double d = Double.parseDouble(t.matches("[+-]?0[xX].*") ? t : t);
    if (Double.isInfinite(d)) {
      throw new Exception(prefix + "value out of range");
    }
    return d;
  }

  /** Prometheus's {@code convertToFloat}: float64, string (parsed), int. */
  static double toFloat(Object i) throws Exception {
    return switch (i) {
      case Double d -> d;
      case String s -> parseFloat(s);
      case Long l -> (double) l;
      case null -> throw new Exception("can't convert <nil> to float");
      default -> throw new Exception("can't convert " + io.cairn.monitor.template.gotemplate.GoFmt.sprintf("%T", i) + " to float");
    };
  }
}
