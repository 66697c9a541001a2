package io.cairn.monitor.template.gotemplate;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Go's {@code strconv.FormatFloat(v, fmt, prec, 64)} for the formats {@code e E f g G}: shortest
 * digits ({@code prec < 0}) come from Java's shortest-repr {@link Double#toString}, fixed precision
 * rounds the exact binary value half to even, as Go does.
 */
public final class GoFloat {
  private GoFloat() {}

  /** Decimal digits without trailing zeros and the position of the decimal point (Go's {@code decimalSlice}). */
  private record Digits(String d, int dp) {
    int nd() {
      return d.length();
    }

    static Digits of(BigDecimal b) {
      if (b.signum() == 0) {
        return new Digits("", 0);
      }
      BigDecimal s = b.stripTrailingZeros();
      String u = s.unscaledValue().toString();
      return new Digits(u, u.length() - s.scale());
    }
  }

  /** {@code strconv.FormatFloat(v, fmt, prec, 64)}. */
  public static String format(double v, char fmt, int prec) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    boolean neg = v < 0 || (v == 0 && 1 / v < 0);
    double a = Math.abs(v);
    boolean shortest = prec < 0;
    char lower = Character.toLowerCase(fmt);
    Digits digs;
    if (shortest) {
      digs = a == 0 ? new Digits("", 0) : Digits.of(new BigDecimal(Double.toString(a)));
      prec = switch (lower) {
        case 'e' -> Math.max(digs.nd() - 1, 0);
        case 'f' -> Math.max(digs.nd() - digs.dp(), 0);
        default -> digs.nd();
      };
    } else if (lower == 'f') {
      digs = Digits.of(new BigDecimal(a).setScale(prec, RoundingMode.HALF_EVEN));
    } else {
      int n = lower == 'e' ? prec + 1 : Math.max(prec, 1);
      if (lower == 'g' && prec == 0) {
        prec = 1;
      }
      digs = a == 0 ? new Digits("", 0) : Digits.of(new BigDecimal(a).round(new MathContext(n, RoundingMode.HALF_EVEN)));
    }
    StringBuilder b = new StringBuilder();
    if (neg) {
      b.append('-');
    }
    switch (lower) {
      case 'e' -> fmtE(b, digs, prec, fmt);
      case 'f' -> fmtF(b, digs, prec);
      default -> {
        int eprec = prec;
        if (eprec > digs.nd() && digs.nd() >= digs.dp()) {
          eprec = digs.nd();
        }
        if (shortest) {
          eprec = 6;
        }
        int exp = digs.dp() - 1;
        if (exp < -4 || exp >= eprec) {
          if (prec > digs.nd()) {
            prec = digs.nd();
          }
          fmtE(b, digs, prec - 1, fmt == 'G' ? 'E' : 'e');
        } else {
          if (prec > digs.dp()) {
            prec = digs.nd();
          }
          fmtF(b, digs, Math.max(prec - digs.dp(), 0));
        }
      }
    }
    return b.toString();
  }

  private static void fmtE(StringBuilder b, Digits digs, int prec, char fmt) {
    b.append(digs.nd() == 0 ? '0' : digs.d().charAt(0));
    if (prec > 0) {
      b.append('.');
      int i = 1;
      int m = Math.min(digs.nd(), prec + 1);
      if (i < m) {
        b.append(digs.d(), i, m);
        i = m;
      }
      for (; i <= prec; i++) {
        b.append('0');
      }
    }
    b.append(fmt);
    int exp = digs.nd() == 0 ? 0 : digs.dp() - 1;
    b.append(exp < 0 ? '-' : '+');
    exp = Math.abs(exp);
    if (exp < 10) {
      b.append('0');
    }
    b.append(exp);
  }

  private static void fmtF(StringBuilder b, Digits digs, int prec) {
    if (digs.dp() > 0) {
      int m = Math.min(digs.nd(), digs.dp());
      b.append(digs.d(), 0, m);
      for (; m < digs.dp(); m++) {
        b.append('0');
      }
    } else {
      b.append('0');
    }
    if (prec > 0) {
      b.append('.');
      for (int i = 1; i <= prec; i++) {
        int j = digs.dp() + i - 1;
        b.append(j >= 0 && j < digs.nd() ? digs.d().charAt(j) : '0');
      }
    }
  }
}
