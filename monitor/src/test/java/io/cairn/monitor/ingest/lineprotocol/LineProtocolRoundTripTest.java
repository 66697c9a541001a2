package io.cairn.monitor.ingest.lineprotocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.monitor.ingest.lineprotocol.ParsedPoint.Field;
import io.cairn.monitor.ingest.lineprotocol.ParsedPoint.Kind;
import io.cairn.monitor.ingest.lineprotocol.ParsedPoint.Tag;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Points with names and strings full of special characters, written with InfluxDB's escaping
 * rules, parse back to the same measurement, tags, typed fields and timestamp.
 */
class LineProtocolRoundTripTest {
  private static final char[] NAME_CHARS = "abXY09_ ,=\\\"#:-.é→'\t".toCharArray();
  private static final char[] STRING_CHARS = "ab ,=\\\"#\n\r\té→".toCharArray();

  @Provide
  Arbitrary<ParsedPoint> points() {
    // a leading tab would be taken for the blank before the fields (it cannot be escaped), a
    // leading # makes a comment
    Arbitrary<String> name =
        Arbitraries.strings().withChars(NAME_CHARS).ofMinLength(1).ofMaxLength(8).filter(s -> s.charAt(0) != '\t');
    Arbitrary<String> measurement = name.filter(s -> s.charAt(0) != '#');
    Arbitrary<List<Tag>> tags =
        Arbitraries.maps(name, name).ofMaxSize(4)
            .map(m -> m.entrySet().stream().map(e -> new Tag(e.getKey(), e.getValue())).toList());
    Arbitrary<Field> field = Combinators.combine(name, value()).as((k, v) -> new Field(k, v.kind(), v.value(), v.text()));
    Arbitrary<Long> ts = Arbitraries.longs().injectNull(0.3);
    return Combinators.combine(measurement, tags, field.list().ofMinSize(1).ofMaxSize(4), ts)
        .as((m, t, f, time) -> new ParsedPoint(m, t, f, time != null, time == null ? 0 : time));
  }

  private static Arbitrary<Field> value() {
    Arbitrary<Field> floats =
        Arbitraries.doubles().filter(Double::isFinite).map(d -> new Field("", Kind.FLOAT, d, null));
    Arbitrary<Field> ints = Arbitraries.longs().map(l -> new Field("", Kind.INTEGER, l, null));
    Arbitrary<Field> unsigned =
        Arbitraries.longs().map(l -> new Field("", Kind.UNSIGNED, FieldValues.unsignedToDouble(l), Long.toUnsignedString(l)));
    Arbitrary<Field> bools = Arbitraries.of(true, false).map(b -> new Field("", Kind.BOOLEAN, b ? 1 : 0, null));
    Arbitrary<Field> strings =
        Arbitraries.strings().withChars(STRING_CHARS).ofMaxLength(10).map(s -> new Field("", Kind.STRING, 0, s));
    return Arbitraries.oneOf(floats, ints, unsigned, bools, strings);
  }

  @Property(tries = 2000)
  void writtenPointsParseBack(@ForAll("points") ParsedPoint p) throws Exception {
    String line = write(p);
    ParseResult r =
        new LineProtocolDecoder().decode(line.getBytes(StandardCharsets.UTF_8), Precision.NANOSECONDS, 0);
    // the line is accepted unless the mapping refuses it; the parser must take it back exactly
    byte[] b = line.getBytes(StandardCharsets.UTF_8);
    int end = b.length - 1; // without the newline
    assertThat(PointParser.parse(b, 0, end)).isEqualTo(normalised(p));
    assertThat(r.points() + r.failedLines()).isEqualTo(1);
  }

  /** The expected parse: unsigned fields lose their text, which only carried the decimal form. */
  private static ParsedPoint normalised(ParsedPoint p) {
    List<Field> fields = new ArrayList<>();
    for (Field f : p.fields()) {
      String text = f.kind() == Kind.STRING ? f.text() : null;
      fields.add(new Field(f.key(), f.kind(), f.value(), text));
    }
    return new ParsedPoint(p.measurement(), p.tags(), fields, p.hasTimestamp(), p.timestamp());
  }

  private static final Map<Boolean, List<String>> BOOLS =
      Map.of(true, List.of("t", "T", "true", "True", "TRUE"), false, List.of("f", "F", "false", "False", "FALSE"));

  static String write(ParsedPoint p) {
    StringBuilder sb = new StringBuilder(escape(p.measurement(), ", \\"));
    for (Tag t : p.tags()) {
      sb.append(',').append(escape(t.key(), ",= \\")).append('=').append(escape(t.value(), ",= \\"));
    }
    sb.append(' ');
    for (int i = 0; i < p.fields().size(); i++) {
      Field f = p.fields().get(i);
      if (i > 0) {
        sb.append(',');
      }
      sb.append(escape(f.key(), ",= \\")).append('=');
      switch (f.kind()) {
        case FLOAT -> sb.append(Double.toString(f.value()));
        case INTEGER -> sb.append((long) f.value()).append('i');
        case UNSIGNED -> sb.append(f.text()).append('u');
        case BOOLEAN -> {
          List<String> spellings = BOOLS.get(f.value() == 1);
          sb.append(spellings.get(Math.floorMod(f.key().hashCode(), spellings.size())));
        }
        case STRING -> sb.append('"').append(escape(f.text(), "\"\\")).append('"');
      }
    }
    if (p.hasTimestamp()) {
      sb.append(' ').append(p.timestamp());
    }
    return sb.append('\n').toString();
  }

  private static String escape(String s, String special) {
    StringBuilder sb = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (special.indexOf(c) >= 0) {
        sb.append('\\');
      }
      sb.append(c);
    }
    return sb.toString();
  }
}
