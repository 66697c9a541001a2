package io.cairn.monitor.ingest.lineprotocol;

import static io.cairn.monitor.ingest.lineprotocol.Escapes.COMMA;
import static io.cairn.monitor.ingest.lineprotocol.Escapes.EQUALS;
import static io.cairn.monitor.ingest.lineprotocol.Escapes.SPACE;

import io.cairn.monitor.ingest.lineprotocol.ParsedPoint.Field;
import io.cairn.monitor.ingest.lineprotocol.ParsedPoint.Tag;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Parses one line: {@code measurement[,tag=value...] field=value[,field=value...] [timestamp]}, with
 * the rules and the error reasons of InfluxDB's {@code models.ParsePointsWithPrecision}. The input
 * starts at the measurement (leading blanks already skipped) and holds no line end.
 */
final class PointParser {
  private PointParser() {}

  static ParsedPoint parse(byte[] b, int from, int to) throws PointSyntaxException {
    if (from >= to || b[from] == ',') {
      throw new PointSyntaxException("missing measurement");
    }
    int i = Escapes.scanTo(b, from, to, COMMA | SPACE);
    String measurement = Escapes.unescape(b, from, i, Escapes.MEASUREMENT);
    if (i >= to) {
      throw new PointSyntaxException("missing fields");
    }
    List<Tag> tags = List.of();
    if (b[i] == ',') {
      tags = new ArrayList<>();
      i = parseTags(b, i + 1, to, tags);
    }
    i = skipBlanks(b, i, to);
    if (i >= to) {
      throw new PointSyntaxException("missing fields");
    }
    List<Field> fields = new ArrayList<>();
    i = parseFields(b, i, to, fields);
    i = skipBlanks(b, i, to);
    if (i >= to) {
      return new ParsedPoint(measurement, tags, fields, false, 0);
    }
    int tsStart = i;
    int tsEnd = tsStart;
    while (tsEnd < to && b[tsEnd] != ' ' && b[tsEnd] != '\t') {
      tsEnd++;
    }
    long ts = parseTimestamp(b, tsStart, tsEnd);
    if (skipBlanks(b, tsEnd, to) < to) {
      throw new PointSyntaxException("point is invalid");
    }
    return new ParsedPoint(measurement, tags, fields, true, ts);
  }

  /** From the first tag key to the space before the fields. */
  private static int parseTags(byte[] b, int i, int to, List<Tag> out)
      throws PointSyntaxException {
    while (true) {
      if (i >= to || b[i] == ' ' || b[i] == ',' || b[i] == '=') {
        throw new PointSyntaxException("missing tag key");
      }
      int keyEnd = Escapes.scanTo(b, i, to, COMMA | SPACE | EQUALS);
      if (keyEnd >= to || b[keyEnd] != '=') {
        throw new PointSyntaxException("missing tag value");
      }
      String key = Escapes.unescape(b, i, keyEnd, Escapes.KEY);
      i = keyEnd + 1;
      if (i >= to || b[i] == ',' || b[i] == ' ') {
        throw new PointSyntaxException("missing tag value");
      }
      int valueEnd = Escapes.scanTo(b, i, to, COMMA | SPACE | EQUALS);
      if (valueEnd < to && b[valueEnd] == '=') {
        throw new PointSyntaxException("invalid tag format");
      }
      out.add(new Tag(key, Escapes.unescape(b, i, valueEnd, Escapes.KEY)));
      if (valueEnd >= to) {
        throw new PointSyntaxException("missing fields");
      }
      i = valueEnd + 1;
      if (b[valueEnd] == ' ') {
        checkDuplicateTags(out);
        return valueEnd;
      }
    }
  }

  private static void checkDuplicateTags(List<Tag> tags) throws PointSyntaxException {
    if (tags.size() < 2) {
      return;
    }
    List<Tag> sorted = new ArrayList<>(tags);
    sorted.sort(Comparator.comparing(Tag::key));
    for (int j = 1; j < sorted.size(); j++) {
      if (sorted.get(j).key().equals(sorted.get(j - 1).key())) {
        throw new PointSyntaxException("duplicate tags");
      }
    }
  }

  /** From the first field key to just after the last field value. */
  private static int parseFields(byte[] b, int i, int to, List<Field> out)
      throws PointSyntaxException {
    while (true) {
      if (i >= to || b[i] == ',' || b[i] == ' ') {
        throw new PointSyntaxException("invalid field format");
      }
      if (b[i] == '=') {
        throw new PointSyntaxException("missing field key");
      }
      int keyEnd = Escapes.scanTo(b, i, to, COMMA | SPACE | EQUALS);
      if (keyEnd >= to || b[keyEnd] != '=') {
        throw new PointSyntaxException("invalid field format");
      }
      String key = Escapes.unescape(b, i, keyEnd, Escapes.KEY);
      i = keyEnd + 1;
      if (i >= to || b[i] == ',' || b[i] == ' ') {
        throw new PointSyntaxException("missing field value");
      }
      int valueEnd = FieldValues.end(b, i, to);
      out.add(FieldValues.parse(key, b, i, valueEnd));
      if (valueEnd >= to || b[valueEnd] == ' ' || b[valueEnd] == '\t') {
        return valueEnd;
      }
      if (b[valueEnd] != ',') {
        throw new PointSyntaxException("invalid field format");
      }
      i = valueEnd + 1;
    }
  }

  private static long parseTimestamp(byte[] b, int from, int to) throws PointSyntaxException {
    int i = from;
    boolean negative = b[i] == '-';
    if (negative) {
      i++;
    }
    if (i >= to) {
      throw new PointSyntaxException("bad timestamp");
    }
    long value = 0;
    for (; i < to; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        throw new PointSyntaxException("bad timestamp");
      }
      // accumulate negatively so that Long.MIN_VALUE parses
      if (value < (Long.MIN_VALUE + d) / 10) {
        throw new PointSyntaxException("bad timestamp: value out of range");
      }
      value = value * 10 - d;
    }
    if (!negative) {
      if (value == Long.MIN_VALUE) {
        throw new PointSyntaxException("bad timestamp: value out of range");
      }
      value = -value;
    }
    return value;
  }

  private static int skipBlanks(byte[] b, int i, int to) {
    while (i < to && (b[i] == ' ' || b[i] == '\t')) {
      i++;
    }
    return i;
  }
}
