package io.cairn.monitor.ingest.lineprotocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.monitor.ingest.lineprotocol.ParsedPoint.Field;
import io.cairn.monitor.ingest.lineprotocol.ParsedPoint.Kind;
import io.cairn.monitor.ingest.lineprotocol.ParsedPoint.Tag;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PointParserTest {
  static ParsedPoint parse(String line) throws PointSyntaxException {
    byte[] b = line.getBytes(StandardCharsets.UTF_8);
    return PointParser.parse(b, 0, b.length);
  }

  private static ParsedPoint point(String m, List<Tag> tags, List<Field> fields) {
    return new ParsedPoint(m, tags, fields, false, 0);
  }

  private static ParsedPoint point(String m, List<Tag> tags, List<Field> fields, long ts) {
    return new ParsedPoint(m, tags, fields, true, ts);
  }

  private static Tag tag(String k, String v) {
    return new Tag(k, v);
  }

  private static Field f(String k, double v) {
    return new Field(k, Kind.FLOAT, v, null);
  }

  private static Field i(String k, double v) {
    return new Field(k, Kind.INTEGER, v, null);
  }

  private static Field u(String k, double v) {
    return new Field(k, Kind.UNSIGNED, v, null);
  }

  private static Field b(String k, boolean v) {
    return new Field(k, Kind.BOOLEAN, v ? 1 : 0, null);
  }

  private static Field s(String k, String v) {
    return new Field(k, Kind.STRING, 0, v);
  }

  static Stream<Arguments> valid() {
    return Stream.of(
        Arguments.of("cpu value=1", point("cpu", List.of(), List.of(f("value", 1)))),
        Arguments.of(
            "cpu,host=a,region=b value=1i 1000",
            point("cpu", List.of(tag("host", "a"), tag("region", "b")), List.of(i("value", 1)), 1000)),
        Arguments.of(
            "cpu,region=b,host=a v=2", // tag order is free
            point("cpu", List.of(tag("region", "b"), tag("host", "a")), List.of(f("v", 2)))),
        Arguments.of(
            "cpu u=18446744073709551615u,z=0u",
            point("cpu", List.of(), List.of(u("u", 18446744073709551615.0), u("z", 0)))),
        Arguments.of(
            "cpu a=-9223372036854775808i,b=9223372036854775807i,c=-5i",
            point("cpu", List.of(), List.of(i("a", -9223372036854775808.0), i("b", 9223372036854775807.0), i("c", -5)))),
        Arguments.of(
            "cpu a=t,b=T,c=true,d=True,e=TRUE,f=f,g=F,h=false,i=False,j=FALSE",
            point("cpu", List.of(), List.of(b("a", true), b("b", true), b("c", true), b("d", true), b("e", true),
                b("f", false), b("g", false), b("h", false), b("i", false), b("j", false)))),
        Arguments.of(
            "cpu a=.5,b=5.,c=-1.5e-3,d=1E5,e=1e+5,f=-0,g=007",
            point("cpu", List.of(), List.of(f("a", .5), f("b", 5), f("c", -1.5e-3), f("d", 1e5), f("e", 1e5),
                f("f", -0.0), f("g", 7)))),
        Arguments.of(
            "cpu s=\"hello \\\"world\\\" \\\\ x\"",
            point("cpu", List.of(), List.of(s("s", "hello \"world\" \\ x")))),
        Arguments.of(
            "cpu s=\"a, b=c d\",n=1",
            point("cpu", List.of(), List.of(s("s", "a, b=c d"), f("n", 1)))),
        Arguments.of(
            "cpu s=\"\"", point("cpu", List.of(), List.of(s("s", "")))),
        Arguments.of(
            "cpu s=\"back\\slash \\n kept\"", // only \" and \\ are escapes in strings
            point("cpu", List.of(), List.of(s("s", "back\\slash \\n kept")))),
        Arguments.of(
            "my\\ cpu\\,x,ho\\ st\\=1=a\\,b\\ c f\\ k\\=\\,=1",
            point("my cpu,x", List.of(tag("ho st=1", "a,b c")), List.of(f("f k=,", 1)))),
        Arguments.of("a=b f=1", point("a=b", List.of(), List.of(f("f", 1)))),
        Arguments.of("C:\\temp f=1", point("C:\\temp", List.of(), List.of(f("f", 1)))),
        Arguments.of(
            "a\\\\,t=v f=1", // an escaped backslash, then a real comma
            point("a\\", List.of(tag("t", "v")), List.of(f("f", 1)))),
        Arguments.of(
            "m,t=\"q\" f=1", // quotes are plain characters outside field values
            point("m", List.of(tag("t", "\"q\"")), List.of(f("f", 1)))),
        Arguments.of("m f=1 -1000", point("m", List.of(), List.of(f("f", 1)), -1000)),
        Arguments.of(
            "m  f=1   123  ", point("m", List.of(), List.of(f("f", 1)), 123)),
        Arguments.of(
            "m f=1 -9223372036854775808", point("m", List.of(), List.of(f("f", 1)), Long.MIN_VALUE)),
        Arguments.of(
            "température,ville=Zürich v=1",
            point("température", List.of(tag("ville", "Zürich")), List.of(f("v", 1)))));
  }

  @ParameterizedTest
  @MethodSource
  void valid(String line, ParsedPoint expected) throws PointSyntaxException {
    assertThat(parse(line)).isEqualTo(expected);
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of(",t=v f=1", "missing measurement"),
        Arguments.of("cpu", "missing fields"),
        Arguments.of("cpu ", "missing fields"),
        Arguments.of("cpu,", "missing tag key"),
        Arguments.of("cpu,=v f=1", "missing tag key"),
        Arguments.of("cpu,t f=1", "missing tag value"),
        Arguments.of("cpu,t= f=1", "missing tag value"),
        Arguments.of("cpu,t=v", "missing fields"),
        Arguments.of("cpu,t=v,", "missing tag key"),
        Arguments.of("cpu,t=a=b f=1", "invalid tag format"),
        Arguments.of("cpu,t=a,t=b f=1", "duplicate tags"),
        Arguments.of("cpu,b=1,a=2,b=3 f=1", "duplicate tags"),
        Arguments.of("cpu =1", "missing field key"),
        Arguments.of("cpu f=1,=2", "missing field key"),
        Arguments.of("cpu f", "invalid field format"),
        Arguments.of("cpu f=1,g", "invalid field format"),
        Arguments.of("cpu f=1,", "invalid field format"),
        Arguments.of("cpu f=1, g=2", "invalid field format"),
        Arguments.of("cpu f=", "missing field value"),
        Arguments.of("cpu f=,g=1", "missing field value"),
        Arguments.of("cpu f= 1", "missing field value"),
        Arguments.of("cpu f=\"abc", "unbalanced quotes"),
        Arguments.of("cpu f=\"abc\\\"", "unbalanced quotes"),
        Arguments.of("cpu f=\"a\"b", "invalid field format"),
        Arguments.of("cpu f=1.1.1", "invalid number"),
        Arguments.of("cpu f=1x", "invalid number"),
        Arguments.of("cpu f=NaN", "invalid number"),
        Arguments.of("cpu f=nan", "invalid number"),
        Arguments.of("cpu f=-", "invalid number"),
        Arguments.of("cpu f=.", "invalid number"),
        Arguments.of("cpu f=1e", "invalid number"),
        Arguments.of("cpu f=1-2", "invalid number"),
        Arguments.of("cpu f=1.5i", "invalid number"),
        Arguments.of("cpu f=1e3i", "invalid number"),
        Arguments.of("cpu f=9i10", "invalid number"),
        Arguments.of("cpu f=i", "invalid boolean"),
        Arguments.of("cpu f=-1u", "invalid number"),
        Arguments.of("cpu f=1e400", "invalid float"),
        Arguments.of("cpu f=-1e400", "invalid float"),
        Arguments.of(
            "cpu f=9223372036854775808i",
            "unable to parse integer 9223372036854775808: value out of range"),
        Arguments.of(
            "cpu f=18446744073709551616u",
            "unable to parse unsigned 18446744073709551616: value out of range"),
        Arguments.of("cpu f=tru", "invalid boolean"),
        Arguments.of("cpu f=yes", "invalid boolean"),
        Arguments.of("cpu f=tRUE", "invalid boolean"),
        Arguments.of("cpu f=+5", "invalid boolean"),
        Arguments.of("cpu f=1 12a", "bad timestamp"),
        Arguments.of("cpu f=1 -", "bad timestamp"),
        Arguments.of("cpu f=1 1.5", "bad timestamp"),
        Arguments.of("cpu f=1 1 2", "point is invalid"),
        Arguments.of("cpu f=1 9223372036854775808", "bad timestamp: value out of range"),
        Arguments.of("cpu f=1 -9223372036854775809", "bad timestamp: value out of range"));
  }

  @ParameterizedTest
  @MethodSource
  void invalid(String line, String reason) {
    assertThatThrownBy(() -> parse(line))
        .isInstanceOf(PointSyntaxException.class)
        .hasMessage(reason);
  }
}
