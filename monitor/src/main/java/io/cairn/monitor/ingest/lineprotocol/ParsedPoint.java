package io.cairn.monitor.ingest.lineprotocol;

import java.util.List;

/**
 * One line as InfluxDB sees it, before mapping to series: unescaped measurement, tags and field
 * keys, typed field values and the raw timestamp (in the request's precision).
 */
record ParsedPoint(
    String measurement, List<Tag> tags, List<Field> fields, boolean hasTimestamp, long timestamp) {

  record Tag(String key, String value) {}

  /** A field; {@code value} is the number (booleans 1 and 0), {@code text} the string's content. */
  record Field(String key, Kind kind, double value, String text) {}

  enum Kind {
    FLOAT,
    INTEGER,
    UNSIGNED,
    BOOLEAN,
    STRING
  }
}
