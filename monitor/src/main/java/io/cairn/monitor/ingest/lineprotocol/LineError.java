package io.cairn.monitor.ingest.lineprotocol;

import java.util.Objects;

/**
 * A line that was not accepted.
 *
 * @param lineNumber 1-based number of the physical line where the rejected line starts
 * @param line the line as InfluxDB quotes it: without leading whitespace and the line end; a line
 *     longer than {@value #QUOTED_PREFIX_CHARS} characters is cut to that many, followed by {@code
 *     ...}, so that error responses stay small
 * @param reason why, in InfluxDB's words where InfluxDB has words for it ({@code missing fields},
 *     {@code invalid number}, ...)
 */
public record LineError(int lineNumber, String line, String reason) {
  /** How much of a long line is quoted in its error. */
  public static final int QUOTED_PREFIX_CHARS = 1024;

  public LineError {
    Objects.requireNonNull(line, "line");
    Objects.requireNonNull(reason, "reason");
  }

  /** InfluxDB's text for one failed line: {@code unable to parse '<line>': <reason>}. */
  public String message() {
    return "unable to parse '" + line + "': " + reason;
  }
}
