package io.cairn.promql.parser;

/**
 * A PromQL text that does not parse or does not type-check. {@link #getMessage()} is exactly
 * Prometheus 2.42's {@code ParseErrors.Error()} for the first error: {@code <line>:<column>: parse
 * error: <what>}, with a 1-based line and a 1-based column counted in UTF-8 bytes from the start of
 * the line, as Prometheus counts.
 */
public final class ParseException extends Exception {
  private final String detail;
  private final int start;
  private final int end;
  private final int line;
  private final int column;

  ParseException(String input, int start, int end, String detail) {
    super(format(input, start, detail), null, false, false);
    this.detail = detail;
    this.start = start;
    this.end = end;
    int[] lc = lineColumn(input, start);
    this.line = lc[0];
    this.column = lc[1];
  }

  /** The error without its position: {@code unexpected end of input}. */
  public String detail() {
    return detail;
  }

  /** Where the offending part starts, as a char index into the input. */
  public int start() {
    return start;
  }

  /** Where the offending part ends (exclusive), as a char index into the input. */
  public int end() {
    return end;
  }

  public int line() {
    return line;
  }

  /** 1-based, in UTF-8 bytes, as Prometheus. */
  public int column() {
    return column;
  }

  private static String format(String input, int start, String detail) {
    if (start < 0 || start > input.length()) {
      return "invalid position: parse error: " + detail;
    }
    int[] lc = lineColumn(input, start);
    return lc[0] + ":" + lc[1] + ": parse error: " + detail;
  }

  private static int[] lineColumn(String input, int start) {
    int line = 1;
    int lineStart = 0;
    int s = Math.max(0, Math.min(start, input.length()));
    for (int i = 0; i < s; i++) {
      if (input.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new int[] {line, io.cairn.common.text.GoStrings.utf8Length(input.substring(lineStart, s)) + 1};
  }
}
