package io.cairn.monitor.textparse;

import static io.cairn.monitor.textparse.Entries.failure;
import static io.cairn.monitor.textparse.Entries.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Malformed input: one ParseException naming what was expected, what was found, and where. */
class ParseErrorTest {
  static Stream<Arguments> prometheusText() {
    return Stream.of(
        row("foo{a=\"b\"} 1x", "strconv.ParseFloat: parsing \"1x\": invalid syntax", 1, 12),
        row("foo{a=b} 1", "expected label value, got \"b\"", 1, 7),
        row("foo{a=\"b\n", "expected label value, got an unterminated quoted string", 1, 7),
        row("foo{a=\"x\\\n\"} 1", "expected label value, got a backslash before \"\\n\"", 1, 9),
        row("# TYPE foo bar\n", "invalid metric type \"bar\"", 1, 12),
        row("# TYPE foo", "invalid metric type \"\"", 1, 11),
        row("# HELP \n", "expected metric name after HELP, got \"\\n\"", 1, 8),
        row("foo 1 2 3", "expected next entry after timestamp, got \"3\"", 1, 9),
        row("foo 1 -1", "expected timestamp or new record, got \"-1\"", 1, 7),
        row("foo_total 1 # {a=\"b\"} 1", "expected timestamp or new record, got \"#\"", 1, 13),
        row("foo 1 99999999999999999999", "timestamp \"99999999999999999999\" out of range", 1, 7),
        row("{a=\"b\"} 1", "expected metric name, comment or line break at start of line, got \"{\"", 1, 1),
        row("\0foo 1", "expected metric name, comment or line break at start of line, got \"\\x00foo\"", 1, 1),
        row("foo 0x1p3", "unsupported character in float \"0x1p3\"", 1, 5),
        row("foo 1e400", "strconv.ParseFloat: parsing \"1e400\": value out of range", 1, 5),
        row("foo", "expected value after metric, got end of input", 1, 4),
        row("foo{__name__=\"x\"} 1", "duplicate label name \"__name__\"", 1, 5),
        row("foo{a=\"1\",a=\"2\"} 1", "duplicate label name \"a\"", 1, 11),
        row("foo{a=\"b\",,} 1", "expected label name, got \",\"", 1, 11),
        row("foo{a=\"b\" c} 1", "expected equal, got \"}\"", 1, 12),
        row("a 1\nb 2\nc{x=\"y\" 3\n", "expected label name, got \"3\"", 3, 9),
        row("a{x=\"two\nlines\"} 1\nb{é} 2", "expected label name, got \"é\"", 3, 3));
  }

  static Stream<Arguments> openMetrics() {
    return Stream.of(
        row("foo 1\n", "data does not end with # EOF", 2, 1),
        row("foo 1", "data does not end with # EOF", 1, 6),
        row("", "data does not end with # EOF", 1, 1),
        row("# EOF\nfoo 1\n", "unexpected data after # EOF", 2, 1),
        row("# EOF\n\n", "unexpected data after # EOF", 2, 1),
        row("\n# EOF\n", "expected metric name or \"# \" at start of line, got \"\\n\"", 1, 1),
        row("# some comment\n# EOF\n",
            "expected HELP, TYPE, UNIT or EOF after \"# \" (OpenMetrics has no other comments), got \"some\"", 1, 3),
        row("#TYPE foo counter\n# EOF\n", "expected \"# HELP\", \"# TYPE\", \"# UNIT\" or \"# EOF\", got \"#TYPE\"", 1, 1),
        row("foo  1\n# EOF\n", "expected value after metric, got \" \"", 1, 5),
        row("foo{a=\"b\"}1\n# EOF\n", "expected value after metric, got \"1\"", 1, 11),
        row("foo{a=\"b\", c=\"d\"} 1\n# EOF\n", "expected label name, got \" \"", 1, 11),
        row("foo{a=\"b\",} 1\n# EOF\n", "expected label name, got \"}\"", 1, 11),
        row("foo{,a=\"b\"} 1\n# EOF\n", "expected label name or \"}\", got \",\"", 1, 5),
        row("foo{a=\"b\"c=\"d\"} 1\n# EOF\n", "expected comma, got \"c\"", 1, 10),
        row("foo{a=\"b\nc\"} 1\n# EOF\n", "expected label value, got a line break inside the quotes", 1, 9),
        row("# TYPE foo untyped\n# EOF\n", "invalid metric type \"untyped\"", 1, 12),
        row("# UNIT foo seconds\n# EOF\n", "unit not a suffix of metric \"foo\"", 1, 12),
        row("# HELP foo\n# EOF\n", "expected text in HELP (a space, then text up to a line break), got \"\\n\"", 1, 11),
        row("foo 1 # {a=\"b\"} 1\n# EOF\n", "metric name foo does not support exemplars", 1, 7),
        row("foo_total 1 # {a=\"b\"}\n# EOF\n", "expected value after exemplar labels, got \"\\n\"", 1, 22),
        row("foo_total 1 NaN\n# EOF\n", "invalid timestamp \"NaN\"", 1, 13),
        row("foo_total 1 1e300\n# EOF\n", "invalid timestamp \"1e300\": out of range", 1, 13),
        row("foo_total 1 # {} 1 +Inf\n# EOF\n", "invalid exemplar timestamp \"+Inf\"", 1, 20),
        row("foo 1 2 3\n# EOF\n", "expected next entry after timestamp, got \" \"", 1, 8));
  }

  private static Arguments row(String input, String reason, int line, int column) {
    return Arguments.of(input, reason, line, column);
  }

  @ParameterizedTest
  @MethodSource("prometheusText")
  void prometheusTextErrors(String input, String reason, int line, int column) {
    assertError(Parser.prometheusText(utf8(input)), reason, line, column);
  }

  @ParameterizedTest
  @MethodSource("openMetrics")
  void openMetricsErrors(String input, String reason, int line, int column) {
    assertError(Parser.openMetrics(utf8(input)), reason, line, column);
  }

  private static void assertError(Parser p, String reason, int line, int column) {
    ParseException e = failure(p);
    assertThat(e).as("a ParseException").isNotNull();
    assertThat(e.reason()).isEqualTo(reason);
    assertThat(e.line()).as("line").isEqualTo(line);
    assertThat(e.column()).as("column").isEqualTo(column);
    assertThat(e.getMessage()).isEqualTo(reason + " at line " + line + ", column " + column);
  }

  @Test
  void invalidUtf8InLabelValueAndHelp() {
    byte[] value = {'m', '{', 'a', '=', '"', (byte) 0xc3, '"', '}', ' ', '1'};
    assertThat(failure(Parser.prometheusText(value)).getMessage()).isEqualTo("invalid UTF-8 label value at line 1, column 5");
    byte[] help = {'#', ' ', 'H', 'E', 'L', 'P', ' ', 'm', ' ', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '\n'};
    assertThat(failure(Parser.prometheusText(help)).getMessage()).isEqualTo("help text is not a valid utf8 string at line 1, column 10");
    assertThat(failure(Parser.openMetrics(help)).reason()).isEqualTo("help text is not a valid utf8 string");
  }

  @Test
  void errorsAreStickyAndEntryIsThenUnavailable() {
    Parser p = Parser.prometheusText(utf8("a 1\nb x\nc 3\n"));
    ParseException first = failure(p);
    assertThatThrownBy(p::next).isSameAs(first);
    assertThatThrownBy(p::entry).isInstanceOf(IllegalStateException.class).hasMessageContaining("line 2");
  }

  @Test
  void limitsBoundEntriesAndLabels() {
    Limits small = new Limits(64, 2);
    String longLine = "m{a=\"" + "x".repeat(100) + "\"} 1\n";
    assertThat(failure(Parser.prometheusText(utf8(longLine), small)).reason()).isEqualTo("entry longer than the limit of 64 bytes");
    assertThat(failure(Parser.openMetrics(utf8("# HELP m " + "h".repeat(80) + "\n# EOF\n"), small)).reason())
        .isEqualTo("entry longer than the limit of 64 bytes");
    assertThat(failure(Parser.prometheusText(utf8("# " + "c".repeat(80)), small)).reason())
        .isEqualTo("entry longer than the limit of 64 bytes");
    ParseException labels = failure(Parser.openMetrics(utf8("m{a=\"1\",b=\"2\",c=\"3\"} 1\n# EOF\n"), small));
    assertThat(labels.reason()).isEqualTo("more than the limit of 2 labels");
    assertThat(labels.column()).isEqualTo(15);
    assertThatThrownBy(() -> new Limits(10, 1)).isInstanceOf(IllegalArgumentException.class);
  }
}
