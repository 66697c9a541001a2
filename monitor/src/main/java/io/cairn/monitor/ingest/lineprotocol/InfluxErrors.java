package io.cairn.monitor.ingest.lineprotocol;

import java.nio.charset.StandardCharsets;

/**
 * The error responses of InfluxDB's write endpoints, byte for byte (JSON as Go's {@code
 * encoding/json} writes it, with its trailing newline). The package documentation lists which
 * status goes with which body.
 */
public final class InfluxErrors {
  /** InfluxDB 2.x's error code for a bad request (HTTP 400). */
  public static final String V2_INVALID = "invalid";

  /** InfluxDB 2.x's error code for a body over the limit (HTTP 413). */
  public static final String V2_TOO_LARGE = "request too large";

  private static final int V1_HEADER_MAX_BYTES = 1024;

  private InfluxErrors() {}

  /** 1.x error body: {@code {"error":"<message>"}} and a newline. */
  public static String v1Body(String message) {
    StringBuilder sb = new StringBuilder(message.length() + 16).append("{\"error\":");
    io.cairn.common.text.GoJson.appendJson(message, sb);
    return sb.append("}\n").toString();
  }

  /**
   * 1.x message for a body with rejected lines (HTTP 400): the line errors joined by newlines when
   * no line was accepted; otherwise {@code partial write: <errors> dropped=0} (1.x counts only points
   * the storage refused in {@code dropped}, never unparsable lines).
   */
  public static String v1ParseMessage(ParseResult result) {
    String errors = joinedErrors(result);
    return result.points() == 0 ? errors : v1PartialWrite(errors, 0);
  }

  /** 1.x's {@code tsdb.PartialWriteError} text: {@code partial write: <reason> dropped=<n>}. */
  public static String v1PartialWrite(String reason, int dropped) {
    return "partial write: " + reason + " dropped=" + dropped;
  }

  /** 1.x body for a body over {@code max-body-size} (HTTP 413). */
  public static String v1TooLarge() {
    return v1Body("Request Entity Too Large");
  }

  /**
   * 1.x's {@code X-Influxdb-Error} header for an error message: its first 1024 bytes (never
   * splitting a character), line ends as spaces.
   */
  public static String v1ErrorHeader(String message) {
    String oneLine = message.replace('\r', ' ').replace('\n', ' ');
    byte[] utf8 = oneLine.getBytes(StandardCharsets.UTF_8);
    if (utf8.length <= V1_HEADER_MAX_BYTES) {
      return oneLine;
    }
    int cut = V1_HEADER_MAX_BYTES;
    while (cut > 0 && (utf8[cut] & 0xC0) == 0x80) {
      cut--; // do not split a UTF-8 sequence
    }
    return new String(utf8, 0, cut, StandardCharsets.UTF_8);
  }

  /** 2.x error body: {@code {"code":"<code>","message":"<message>"}} and a newline. */
  public static String v2Body(String code, String message) {
    StringBuilder sb = new StringBuilder(message.length() + 32).append("{\"code\":");
    io.cairn.common.text.GoJson.appendJson(code, sb);
    sb.append(",\"message\":");
    io.cairn.common.text.GoJson.appendJson(message, sb);
    return sb.append("}\n").toString();
  }

  /**
   * 2.x body for a body with rejected lines (HTTP 400). 2.x writes nothing of such a body: the
   * caller must drop the accepted lines' samples too.
   */
  public static String v2ParseError(ParseResult result) {
    return v2Body(V2_INVALID, joinedErrors(result));
  }

  /** 2.x body for a body over the limit (HTTP 413). */
  public static String v2TooLarge() {
    return v2Body(V2_TOO_LARGE, "unable to read data: points batch is too large");
  }

  /**
   * The rejected lines as InfluxDB lists them, {@code unable to parse '<line>': <reason>} joined by
   * newlines; when more lines failed than were kept, a last line says how many more.
   */
  public static String joinedErrors(ParseResult result) {
    StringBuilder sb = new StringBuilder();
    for (LineError e : result.errors()) {
      if (!sb.isEmpty()) {
        sb.append('\n');
      }
      sb.append(e.message());
    }
    int more = result.failedLines() - result.errors().size();
    if (more > 0) {
      if (!sb.isEmpty()) {
        sb.append('\n');
      }
      sb.append("and ").append(more).append(more == 1 ? " more line" : " more lines").append(" could not be parsed");
    }
    return sb.toString();
  }
}
