package io.cairn.monitor.textparse;

/**
 * Malformed exposition input. The message reads as Prometheus's parser errors do, naming what was
 * expected and what was found, followed by where: {@code expected equal, got "}" at line 3, column
 * 12}. Lines and columns count from 1; a column counts characters (UTF-8 code points), not bytes.
 * {@link #offset()} is the byte offset into the body, from 0.
 *
 * <p>A parser that threw this keeps throwing the same exception from {@link Parser#next()}.
 */
public final class ParseException extends Exception {
  private final String reason;
  private final int line;
  private final int column;
  private final int offset;

  ParseException(String reason, int line, int column, int offset) {
    super(reason + " at line " + line + ", column " + column);
    this.reason = reason;
    this.line = line;
    this.column = column;
    this.offset = offset;
  }

  /** The message without the location, for example {@code expected equal, got "}"}. */
  public String reason() {
    return reason;
  }

  /** The line of the offending input, from 1. */
  public int line() {
    return line;
  }

  /** The column of the offending input in characters, from 1. */
  public int column() {
    return column;
  }

  /** The byte offset of the offending input in the body, from 0. */
  public int offset() {
    return offset;
  }
}
