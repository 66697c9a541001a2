package io.cairn.monitor.template.gotemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A subset of Go's {@code fmt}: {@code Sprint}, {@code Sprintln} and {@code Sprintf} with the flags
 * {@code + - # 0 space}, width and precision (also {@code *}) and the verbs {@code v s q d b o O x X
 * c U t e E f F g G %}, with Go's error forms ({@code %!d(string=x)}, {@code %!d(MISSING)}, {@code
 * %!(EXTRA int=1)}). Maps print with sorted keys, as Go 1.12+.
 */
public final class GoFmt {
  private final StringBuilder buf = new StringBuilder();
  private boolean plus;
  private boolean minus;
  private boolean sharp;
  private boolean space;
  private boolean zero;
  private int wid = -1;
  private int prec = -1;

  private GoFmt() {}

  /** {@code fmt.Sprint}: spaces between operands when neither is a string. */
  public static String sprint(List<?> args) {
    GoFmt p = new GoFmt();
    boolean prevString = false;
    for (int i = 0; i < args.size(); i++) {
      Object a = args.get(i);
      boolean isString = Values.kind(a) == Values.Kind.STRING;
      if (i > 0 && !isString && !prevString) {
        p.buf.append(' ');
      }
      p.printArg(a, 'v', 0);
      prevString = isString;
    }
    return p.buf.toString();
  }

  /**
   * What a template action prints: {@code fmt.Sprint} of the value after one pointer indirection
   * (Go's {@code printableValue}), so a pointer to a struct prints as the struct.
   */
  static String sprintIndirect(Object v) {
    GoFmt p = new GoFmt();
    if (v instanceof GoStruct s && s.isPointer()) {
      p.printStruct(s, 'v', 0);
    } else {
      p.printArg(v, 'v', 0);
    }
    return p.buf.toString();
  }

  /** {@code fmt.Sprintln}: operands separated by spaces, then a newline. */
  public static String sprintln(List<?> args) {
    GoFmt p = new GoFmt();
    for (int i = 0; i < args.size(); i++) {
      if (i > 0) {
        p.buf.append(' ');
      }
      p.printArg(args.get(i), 'v', 0);
    }
    return p.buf.append('\n').toString();
  }

  /** {@code fmt.Sprintf}. */
  public static String sprintf(String format, Object... args) {
    return sprintf(format, List.of(args));
  }

  /** {@code fmt.Sprintf}. */
  public static String sprintf(String format, List<?> args) {
    GoFmt p = new GoFmt();
    int argNum = 0;
    int end = format.length();
    int i = 0;
    while (i < end) {
      int lasti = i;
      while (i < end && format.charAt(i) != '%') {
        i++;
      }
      p.buf.append(format, lasti, i);
      if (i >= end) {
        break;
      }
      i++;
      p.clearFlags();
      flags:
      for (; i < end; i++) {
        switch (format.charAt(i)) {
          case '#' -> p.sharp = true;
          case '0' -> p.zero = !p.minus;
          case '+' -> p.plus = true;
          case '-' -> {
            p.minus = true;
            p.zero = false;
          }
          case ' ' -> p.space = true;
          default -> {
            break flags;
          }
        }
      }
      if (i < end && format.charAt(i) == '*') {
        i++;
        if (argNum < args.size() && args.get(argNum) instanceof Long w && Math.abs(w) <= 1_000_000) {
          p.wid = (int) Math.abs(w);
          if (w < 0) {
            p.minus = true;
            p.zero = false;
          }
        } else {
          p.buf.append("%!(BADWIDTH)");
        }
        argNum++;
      } else {
        int start = i;
        while (i < end && Character.isDigit(format.charAt(i))) {
          i++;
        }
        if (i > start) {
          p.wid = parseNum(format.substring(start, i));
        }
      }
      if (i + 1 <= end && i < end && format.charAt(i) == '.') {
        i++;
        if (i < end && format.charAt(i) == '*') {
          i++;
          if (argNum < args.size() && args.get(argNum) instanceof Long pr && pr >= 0 && pr <= 1_000_000) {
            p.prec = (int) (long) pr;
          } else {
            p.buf.append("%!(BADPREC)");
          }
          argNum++;
        } else {
          int start = i;
          while (i < end && Character.isDigit(format.charAt(i))) {
            i++;
          }
          p.prec = i > start ? parseNum(format.substring(start, i)) : 0;
        }
      }
      if (i >= end) {
        p.buf.append("%!(NOVERB)");
        break;
      }
      int verb = format.codePointAt(i);
      i += Character.charCount(verb);
      if (verb == '%') {
        p.buf.append('%');
      } else if (argNum >= args.size()) {
        p.buf.append("%!").appendCodePoint(verb).append("(MISSING)");
      } else {
        if (verb == 'v') {
          p.sharp = false;
          p.plus = false;
        }
        p.printArg(args.get(argNum++), verb, 0);
      }
    }
    if (argNum < args.size()) {
      p.clearFlags();
      p.buf.append("%!(EXTRA ");
      for (int k = argNum; k < args.size(); k++) {
        if (k > argNum) {
          p.buf.append(", ");
        }
        Object a = args.get(k);
        if (a == null) {
          p.buf.append("<nil>");
        } else {
          p.buf.append(Values.typeName(a)).append('=');
          p.printArg(a, 'v', 0);
        }
      }
      p.buf.append(')');
    }
    return p.buf.toString();
  }

  private static int parseNum(String s) {
    return s.length() > 7 ? 10_000_000 : Integer.parseInt(s);
  }

  private void clearFlags() {
    plus = minus = sharp = space = zero = false;
    wid = prec = -1;
  }

  private void pad(String s) {
    int n = wid - s.codePointCount(0, s.length());
    if (n <= 0) {
      buf.append(s);
    } else if (minus) {
      buf.append(s).repeat(' ', n);
    } else {
      buf.repeat(zero ? '0' : ' ', n).append(s);
    }
  }

  private void badVerb(int verb, Object arg) {
    buf.append("%!").appendCodePoint(verb).append('(');
    if (arg == null) {
      buf.append("<nil>");
    } else {
      buf.append(Values.typeName(arg)).append('=');
      printArg(arg, 'v', 0);
    }
    buf.append(')');
  }

  private void printArg(Object arg, int verb, int depth) {
    if (arg == null) {
      if (verb == 'v') {
        pad("<nil>");
      } else {
        badVerb(verb, null);
      }
      return;
    }
    if (verb == 'T') {
      pad(Values.typeName(arg));
      return;
    }
    switch (arg) {
      case Boolean b -> {
        if (verb == 'v' || verb == 't') {
          pad(b.toString());
        } else {
          badVerb(verb, arg);
        }
      }
      case Long l -> fmtInteger(l, verb, arg);
      case Double d -> fmtFloat(d, verb, arg);
      case String s -> fmtString(s, verb, arg);
      case GoHtml h -> fmtString(h.value(), verb, arg);
      case GoStringer s -> {
        if (verb == 'v' || verb == 's' || verb == 'q' || verb == 'x' || verb == 'X') {
          fmtString(s.goString(), verb, arg);
        } else {
          badVerb(verb, arg);
        }
      }
      case GoStruct s -> {
        if (s.isPointer() && depth > 0) {
          pointer(s, verb);
          return;
        }
        if (s.isPointer()) {
          buf.append('&');
        }
        printStruct(s, verb, depth);
      }
      case Map<?, ?> m -> {
        buf.append("map[");
        boolean first = true;
        for (Map.Entry<?, ?> e : new TreeMap<>(m).entrySet()) {
          if (!first) {
            buf.append(' ');
          }
          first = false;
          printArg(e.getKey(), verb, depth + 1);
          buf.append(':');
          printArg(e.getValue(), verb, depth + 1);
        }
        buf.append(']');
      }
      case List<?> l -> {
        buf.append('[');
        for (int i = 0; i < l.size(); i++) {
          if (i > 0) {
            buf.append(' ');
          }
          printArg(l.get(i), verb, depth + 1);
        }
        buf.append(']');
      }
      default -> pad(String.valueOf(arg));
    }
  }

  private void printStruct(GoStruct s, int verb, int depth) {
    buf.append('{');
    List<Object> fields = s.fieldValues();
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        buf.append(' ');
      }
      printArg(fields.get(i), verb, depth + 1);
    }
    buf.append('}');
  }

  private void pointer(Object p, int verb) {
    if (verb == 'v' || verb == 'p' || verb == 'x' || verb == 'X') {
      pad("0xc" + String.format("%09x", (System.identityHashCode(p) & 0xfffffffL) << 4));
    } else {
      badVerb(verb, p);
    }
  }

  private void fmtInteger(long v, int verb, Object arg) {
    int base;
    String prefix = "";
    switch (verb) {
      case 'v', 'd' -> base = 10;
      case 'b' -> base = 2;
      case 'o', 'O' -> {
        base = 8;
        if (verb == 'O') {
          prefix = "0o";
        } else if (sharp) {
          prefix = "0";
        }
      }
      case 'x', 'X' -> {
        base = 16;
        if (sharp) {
          prefix = verb == 'x' ? "0x" : "0X";
        }
      }
      case 'c' -> {
        pad(new String(Character.toChars(validRune(v))));
        return;
      }
      case 'q' -> {
        pad(GoStrings.quoteRune(validRune(v)));
        return;
      }
      case 'U' -> {
        String u = String.format("U+%04X", v);
        pad(sharp && GoStrings.isPrint(validRune(v)) ? u + " '" + new String(Character.toChars(validRune(v))) + "'" : u);
        return;
      }
      default -> {
        badVerb(verb, arg);
        return;
      }
    }
    boolean neg = v < 0;
    String digits = Long.toUnsignedString(neg ? -v : v, base);
    if (neg && v == Long.MIN_VALUE) {
      digits = Long.toUnsignedString(v, base);
    }
    if (verb == 'X') {
      digits = digits.toUpperCase();
    }
    if (prec >= 0) {
      if (prec == 0 && v == 0) {
        digits = "";
      }
      if (digits.length() < prec) {
        digits = "0".repeat(prec - digits.length()) + digits;
      }
    }
    String sign = neg ? "-" : plus ? "+" : space ? " " : "";
    String body = prefix + digits;
    if (zero && !minus && prec < 0 && wid > sign.length() + body.length()) {
      body = "0".repeat(wid - sign.length() - body.length()) + body;
    }
    boolean z = zero;
    zero = false;
    pad(sign + body);
    zero = z;
  }

  private static int validRune(long v) {
    return v < 0 || v > 0x10ffff || (v >= 0xd800 && v < 0xe000) ? 0xfffd : (int) v;
  }

  private void fmtFloat(double v, int verb, Object arg) {
    char f;
    int p = prec;
    switch (verb) {
      case 'v' -> {
        f = 'g';
        p = -1;
      }
      case 'g', 'G', 'e', 'E', 'f' -> {
        f = (char) verb;
        if (p < 0 && verb != 'g' && verb != 'G') {
          p = 6;
        }
      }
      case 'F' -> {
        f = 'f';
        if (p < 0) {
          p = 6;
        }
      }
      default -> {
        badVerb(verb, arg);
        return;
      }
    }
    String num = GoFloat.format(v, f, p);
    if (num.charAt(0) != '-' && num.charAt(0) != '+') {
      num = "+" + num;
    }
    if (space && num.charAt(0) == '+' && !plus) {
      num = " " + num.substring(1);
    }
    if (num.charAt(1) == 'I' || num.charAt(1) == 'N') {
      boolean z = zero;
      zero = false;
      if (num.charAt(1) == 'N' && !space && !plus) {
        num = num.substring(1);
      }
      pad(num);
      zero = z;
      return;
    }
    if (plus || num.charAt(0) != '+') {
      if (zero && !minus && wid > num.length()) {
        buf.append(num.charAt(0)).repeat('0', wid - num.length()).append(num, 1, num.length());
        return;
      }
      pad(num);
      return;
    }
    pad(num.substring(1));
  }

  private void fmtString(String s, int verb, Object arg) {
    switch (verb) {
      case 'v', 's' -> {
        if (prec >= 0 && s.codePointCount(0, s.length()) > prec) {
          s = s.substring(0, s.offsetByCodePoints(0, prec));
        }
        pad(s);
      }
      case 'q' -> pad(sharp && s.indexOf('`') < 0 && s.chars().allMatch(c -> c >= ' ' || c == '\t') ? "`" + s + "`" : GoStrings.quote(s));
      case 'x', 'X' -> {
        StringBuilder h = new StringBuilder();
        for (byte x : s.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
          h.append(String.format(verb == 'x' ? "%02x" : "%02X", x & 0xff));
        }
        pad(h.toString());
      }
      default -> badVerb(verb, arg);
    }
  }

  /** The arguments of {@code print}-like builtins, with nil as Go prints it. */
  static List<Object> printable(List<Object> args) {
    return new ArrayList<>(args);
  }
}
