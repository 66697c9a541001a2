package io.cairn.monitor.textparse;

/**
 * Quoted label values, the same in both formats but for raw line breaks: {@code "(\\.|[^\\"])*"}.
 * A backslash escapes any character but a line break; {@code \\}, {@code \"} and {@code \n} are
 * unescaped, any other escape stays as written (as Prometheus's replacer leaves it). The value must
 * be valid UTF-8.
 */
final class LabelValues {
  private LabelValues() {}

  /**
   * Reads the quoted value at the position and moves past its closing quote.
   *
   * @param rawLineBreaks whether a line break may stand unescaped inside the quotes: true in the text
   *     format 0.0.4 (whose lexer allows it), false in OpenMetrics
   */
  static String read(Input in, boolean rawLineBreaks) throws ParseException {
    int open = in.pos;
    int close = close(in, rawLineBreaks);
    String raw = in.strict(open + 1, close);
    if (raw == null) {
      throw in.fail(open, "invalid UTF-8 label value");
    }
    in.pos = close + 1;
    return Text.unescape(raw, true);
  }

  /** Checks the quoted value at the position as {@link #read} does, and moves past it. */
  static void skip(Input in, boolean rawLineBreaks) throws ParseException {
    int open = in.pos;
    int close = close(in, rawLineBreaks);
    boolean ascii = true;
    for (int i = open + 1; i < close && ascii; i++) {
      ascii = in.b[i] >= 0;
    }
    if (!ascii && in.strict(open + 1, close) == null) {
      throw in.fail(open, "invalid UTF-8 label value");
    }
    in.pos = close + 1;
  }

  /** The index of the closing quote of the value at the position. */
  private static int close(Input in, boolean rawLineBreaks) throws ParseException {
    int open = in.pos;
    if (in.peek() != '"') {
      throw in.expected("expected label value");
    }
    int i = open + 1;
    while (true) {
      if (i >= in.end) {
        throw in.fail(open, "expected label value, got an unterminated quoted string");
      }
      byte c = in.b[i];
      if (c == '"') {
        break;
      }
      if (c == '\\') {
        if (i + 1 >= in.end || in.b[i + 1] == '\n') {
          throw in.fail(i, "expected label value, got a backslash before " + in.describe(i + 1));
        }
        i += 2;
      } else if (c == '\n' && !rawLineBreaks) {
        throw in.fail(i, "expected label value, got a line break inside the quotes");
      } else {
        i++;
      }
      if (i - in.entryStart > in.limits.maxEntryBytes()) {
        in.checkLength(i);
      }
    }
    return i;
  }
}
