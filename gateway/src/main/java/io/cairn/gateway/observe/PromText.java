package io.cairn.gateway.observe;

import java.math.BigDecimal;
import java.util.List;

/**
 * Prometheus text exposition format 0.0.4, written the way Go's client ({@code expfmt}) writes it:
 * {@code # HELP} and {@code # TYPE} lines, label values escaped ({@code \\}, {@code \"}, {@code
 * \n}), numbers as Go's {@code strconv.FormatFloat(f, 'g', -1, 64)} ({@code 5}, {@code 0.3},
 * {@code 1.234567e+06}, {@code +Inf}). Not thread-safe; one per scrape.
 */
final class PromText {
  private final StringBuilder b = new StringBuilder(8192);

  /** Starts a family: its help and type lines. */
  PromText family(String name, String type, String help) {
    b.append("# HELP ").append(name).append(' ');
    for (int i = 0; i < help.length(); i++) {
      char c = help.charAt(i);
      b.append(c == '\\' ? "\\\\" : c == '\n' ? "\\n" : String.valueOf(c));
    }
    b.append('\n').append("# TYPE ").append(name).append(' ').append(type).append('\n');
    return this;
  }

  /** One sample; {@code names} and {@code values} pair up (names already in output order). */
  PromText sample(String name, List<String> names, List<String> values, double value) {
    b.append(name);
    if (!names.isEmpty()) {
      b.append('{');
      for (int i = 0; i < names.size(); i++) {
        if (i > 0) {
          b.append(',');
        }
        b.append(names.get(i)).append("=\"");
        escape(b, values.get(i));
        b.append('"');
      }
      b.append('}');
    }
    b.append(' ').append(number(value)).append('\n');
    return this;
  }

  static void escape(StringBuilder b, String v) {
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      switch (c) {
        case '\\' -> b.append("\\\\");
        case '"' -> b.append("\\\"");
        case '\n' -> b.append("\\n");
        default -> b.append(c);
      }
    }
  }

  /** Go's {@code strconv.FormatFloat(v, 'g', -1, 64)}, with {@code +Inf}/{@code -Inf}/{@code NaN}. */
  static String number(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    if (v == 0) {
      return 1 / v < 0 ? "-0" : "0";
    }
    BigDecimal d = new BigDecimal(Double.toString(v)).stripTrailingZeros();
    String digits = d.unscaledValue().abs().toString();
    int exp = digits.length() - 1 - d.scale();
    String sign = v < 0 ? "-" : "";
    if (exp < -4 || exp >= 6) { // Go: shortest form decides with precision 6
      String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
      String e = String.valueOf(Math.abs(exp));
      return sign + mantissa + "e" + (exp < 0 ? "-" : "+") + (e.length() < 2 ? "0" + e : e);
    }
    return sign + d.abs().toPlainString();
  }

  @Override
  public String toString() {
    return b.toString();
  }
}
