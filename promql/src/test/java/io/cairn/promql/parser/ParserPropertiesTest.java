package io.cairn.promql.parser;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ParserPropertiesTest {
  private static final String[] PIECES = {
    "foo", "bar:baz", "sum", "by", "(", ")", "{", "}", "[", "]", "5m", "1h30m", ":", ",", "+", "-", "*", "/", "^",
    "==", "!=", ">", "<=", "and", "or", "unless", "on", "ignoring", "group_left", "bool", "offset", "@", "start()",
    "rate", "topk", "count_values", "\"s\"", "'x'", "`r`", "1", "0x1f", "1e3", "Inf", "NaN", "a=\"b\"", "=~", " ",
    "\n", "#c\n", "without", "atan2", "abs", "label_join", "\\", "λ", "\"\\u00e9\"",
  };

  /** Random text never makes the parser throw anything but ParseException. */
  @Property(tries = 2000)
  void randomInputOnlyFailsWithParseException(@ForAll("soup") String input) {
    try {
      Expr e = Parser.parse(input);
      assertThat(Printer.toString(e)).isNotNull();
    } catch (ParseException expected) {
      assertThat(expected.getMessage()).contains("parse error: ");
    }
  }

  /** Whatever parses prints to text that parses back to the same tree and the same text. */
  @Property(tries = 2000)
  void printedExpressionsParseBackToTheSameTree(@ForAll("soup") String input) throws ParseException {
    Expr e;
    try {
      e = Parser.parse(input);
    } catch (ParseException notAnExpression) {
      return;
    }
    String printed = Printer.toString(e);
    Expr again = Parser.parse(printed);
    assertThat(Printer.toString(again)).isEqualTo(printed);
    assertThat(again).isEqualTo(e);
    assertThat(Parser.parse(Printer.pretty(e))).isEqualTo(e);
  }

  @Property(tries = 500)
  void wellFormedExpressionsRoundTrip(@ForAll("expressions") String input) throws ParseException {
    Expr e = Parser.parse(input);
    assertThat(Parser.parse(Printer.toString(e))).isEqualTo(e);
    assertThat(Parser.parse(Printer.pretty(e))).isEqualTo(e);
  }

  @Provide
  Arbitrary<String> soup() {
    Arbitrary<String> piece = Arbitraries.of(PIECES);
    Arbitrary<String> joined = piece.list().ofMaxSize(12).map(l -> String.join("", l));
    return Arbitraries.oneOf(joined, Arbitraries.strings().ofMaxLength(20), piece.list().ofMaxSize(12).map(l -> String.join(" ", l)));
  }

  @Provide
  Arbitrary<String> expressions() {
    Arbitrary<String> leaf = Arbitraries.of("foo", "bar{a=\"b\"}", "rate(x[5m])", "sort(foo)", "-abs(bar)", "vector(1)",
        "x offset 5m", "y @ 10", "max_over_time(z[5m:1m])", "avg_over_time(q[1h:] offset -1m)");
    return leaf.flatMap(l -> Combinators.combine(leaf, Arbitraries.of("+", "-", "*", "/", "^", "and", "or", "> bool",
            "* on(a) group_left(b)", "unless ignoring(c)"), leaf)
        .as((a, op, b) -> Arbitraries.of("sum by (job) (" + a + " " + op + " " + b + ")",
            "(" + a + ") " + op + " " + b, "-" + a + " " + op + " topk(3, " + b + ")",
            "sum_over_time((" + a + " " + op + " " + b + ")[10m:])")))
        .flatMap(x -> x);
  }
}
