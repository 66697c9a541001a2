package io.cairn.monitor.ingest.lineprotocol;

/**
 * Splits a body into lines. A line ends at a newline, except inside a quoted string field value,
 * which may span newlines (as InfluxDB allows); a backslash never escapes a newline outside a
 * string. A {@code \r} before the newline is not part of the line. A line whose first non-blank
 * byte is {@code #} is a comment and ends at the next newline whatever it contains.
 */
final class LineSplitter {
  private static final int KEY = 0;
  private static final int FIELDS_START = 1;
  private static final int FIELD_KEY = 2;
  private static final int VALUE_START = 3;
  private static final int VALUE = 4;
  private static final int TAIL = 5;

  private final byte[] b;
  private final int end;
  private int pos;
  private int nextLineNumber = 1;

  /** The current line: {@code b[start, stop)}, starting on physical line {@code lineNumber}. */
  int start;

  int stop;
  int lineNumber;

  LineSplitter(byte[] body, int length) {
    this.b = body;
    this.end = length;
  }

  /** Moves to the next line; false at the end of the body. */
  boolean next() {
    if (pos >= end) {
      return false;
    }
    lineNumber = nextLineNumber;
    start = pos;
    int nl = scanLine(pos);
    stop = nl;
    if (stop == end && stop > start && b[stop - 1] == '\n') {
      stop--; // an unterminated string ran to the end of the body
    }
    if (stop > start && b[stop - 1] == '\r') {
      stop--;
    }
    pos = nl + 1;
    nextLineNumber++;
    return true;
  }

  private int scanLine(int i) {
    while (i < end && (b[i] == ' ' || b[i] == '\t')) {
      i++;
    }
    if (i < end && b[i] == '#') {
      return newlineOrEnd(i);
    }
    int phase = KEY;
    while (i < end) {
      byte c = b[i];
      if (c == '\n') {
        return i;
      }
      if (c == '\\' && i + 1 < end && b[i + 1] != '\n') {
        i += 2;
        if (phase == VALUE_START) {
          phase = VALUE;
        } else if (phase == FIELDS_START) {
          phase = FIELD_KEY;
        }
        continue;
      }
      switch (phase) {
        case KEY -> phase = c == ' ' ? FIELDS_START : KEY;
        case FIELDS_START -> phase = c == ' ' || c == '\t' ? FIELDS_START : FIELD_KEY;
        case FIELD_KEY -> phase = c == '=' ? VALUE_START : c == ' ' ? TAIL : FIELD_KEY;
        case VALUE_START -> {
          if (c == '"') {
            i = skipString(i + 1);
            phase = VALUE;
            continue;
          }
          phase = c == ',' ? FIELD_KEY : c == ' ' ? TAIL : VALUE;
        }
        case VALUE -> phase = c == ',' ? FIELD_KEY : c == ' ' ? TAIL : VALUE;
        default -> {}
      }
      i++;
    }
    return end;
  }

  /** From just after an opening quote to just after the closing one (or the end of the body). */
  private int skipString(int i) {
    while (i < end) {
      byte c = b[i];
      if (c == '\\' && i + 1 < end) {
        if (b[i + 1] == '\n') {
          nextLineNumber++;
        }
        i += 2;
        continue;
      }
      if (c == '"') {
        return i + 1;
      }
      if (c == '\n') {
        nextLineNumber++;
      }
      i++;
    }
    return end;
  }

  private int newlineOrEnd(int i) {
    while (i < end && b[i] != '\n') {
      i++;
    }
    return i;
  }
}
