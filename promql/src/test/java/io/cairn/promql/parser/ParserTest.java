package io.cairn.promql.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.promql.parser.Expr.Binary;
import io.cairn.promql.parser.Expr.NumberLiteral;
import io.cairn.promql.parser.Expr.Unary;
import io.cairn.promql.parser.Expr.VectorSelector;
import io.cairn.tsdb.model.Matcher;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParserTest {
  @ParameterizedTest(name = "{0} prints as {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
    "1|1", "-1|-1", "--1|1", "1.5e3|1500", "0x1f|31", "017|15", "Inf|+Inf", "-inf|-Inf", "NaN|NaN",
    "1 + 2 * 3|1 + 2 * 3", "-2 ^ 2|-2 ^ 2", "(1 + 2) * 3|(1 + 2) * 3",
    "foo|foo", "foo:bar|foo:bar", "{__name__=~\"a.*\"}|{__name__=~\"a.*\"}",
    "foo{b=\"2\",a=\"1\"}|foo{a=\"1\",b=\"2\"}", "foo offset 90m|foo offset 1h30m", "foo offset -5m|foo offset -5m",
    "foo offset 5m @ 10|foo @ 10.000 offset 5m", "foo @ start()|foo @ start()", "foo[5m] @ end()|foo[5m] @ end()",
    "foo[5m:]|foo[5m:]", "foo[1h:1m] offset 1d|foo[1h:1m] offset 1d",
    "sum(foo) by (job)|sum by (job) (foo)", "SUM WITHOUT (a) (foo)|sum without (a) (foo)", "sum by () (foo)|sum(foo)",
    "topk(3, foo)|topk(3, foo)", "count_values('v', foo)|count_values(\"v\", foo)",
    "foo AND ON(a) bar|foo and on (a) bar", "foo * on(a) group_left(b) bar|foo * on (a) group_left (b) bar",
    "foo > bool 1|foo > bool 1", "foo * ignoring() bar|foo * bar", "foo * on() bar|foo * on () bar",
    "rate(foo[5m])|rate(foo[5m])", "label_join(foo, 'a', ',')|label_join(foo, \"a\", \",\")",
    "'a\\tb'|\"a\\tb\"", "`a\\tb`|\"a\\\\tb\"", "foo # comment|foo",
  })
  void parsesAndPrints(String in, String printed) throws ParseException {
    assertThat(Printer.toString(Parser.parse(in))).isEqualTo(printed);
  }

  @ParameterizedTest(name = "{0} fails: {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
    "~~|1:1: parse error: no expression found in input",
    "foo)|1:5: parse error: unexpected right parenthesis ')'",
    "(foo|1:5: parse error: unclosed left parenthesis",
    "foo +|1:6: parse error: unexpected end of input",
    "foo bar|1:5: parse error: unexpected identifier \"bar\"",
    "sum(foo bar)|1:9: parse error: unexpected identifier \"bar\" in aggregation",
    "sum by job (foo)|1:8: parse error: unexpected identifier \"job\" in grouping opts, expected \"(\"",
    "foo{a}|1:6: parse error: unexpected \"}\" in label matching, expected label matching operator",
    "foo{a=\"b\" c=\"d\"}|1:11: parse error: unexpected identifier \"c\" in label matching, expected \",\" or \"}\"",
    "foo offset 5|1:12: parse error: unexpected number \"5\" in offset, expected duration",
    "foo offset 0s|1:12: parse error: duration must be greater than 0",
    "foo offset 1m offset 2m|1:1: parse error: offset may not be set multiple times",
    "foo[5m:5]|1:8: parse error: unexpected number \"5\" in subquery selector, expected duration or \"]\"",
    "foo[5]|1:5: parse error: missing unit character in duration",
    "foo offset 1m [5m]|1:15: parse error: no offset modifiers allowed before range",
    "(foo)[5m]|1:6: parse error: ranges only allowed for vector selectors",
    "1 @ 5|1:1: parse error: @ modifier must be preceded by an instant vector selector or range vector selector or a subquery",
    "foo @ 1 @ 2|1:1: parse error: @ <timestamp> may not be set multiple times",
    "{}|1:1: parse error: vector selector must contain at least one non-empty matcher",
    "{a=~\".*\"}|1:1: parse error: vector selector must contain at least one non-empty matcher",
    "foo{__name__=\"bar\"}|1:1: parse error: metric name must not be set twice: \"foo\" or \"bar\"",
    "foo(1)|1:1: parse error: unknown function with name \"foo\"",
    "rate(foo)|1:6: parse error: expected type range vector in call to function \"rate\", got instant vector",
    "rate(foo[5m],)|1:13: parse error: trailing commas not allowed in function call args",
    "abs()|1:1: parse error: expected 1 argument(s) in call to \"abs\", got 0",
    "round(foo, 1, 2)|1:1: parse error: expected at most 2 argument(s) in call to \"round\", got 3",
    "label_join(foo)|1:1: parse error: expected at least 3 argument(s) in call to \"label_join\", got 1",
    "foo[5m] + 1|1:1: parse error: binary expression must contain only scalar and instant vector types",
    "foo + bool bar|1:5: parse error: bool modifier can only be used on comparison operators",
    "1 > 2|1:3: parse error: comparisons between scalars must use BOOL modifier",
    "1 and foo|1:1: parse error: set operator \"and\" not allowed in binary scalar expression",
    "foo and on(a) group_left bar|1:1: parse error: no grouping allowed for \"and\" operation",
    "1 + on(a) foo|1:1: parse error: vector matching only allowed between instant vectors",
    "foo * on(a) group_left(a) bar|1:5: parse error: label \"a\" must not occur in ON and GROUP clause at once",
    "sum(foo[5m])|1:5: parse error: expected type instant vector in aggregation expression, got range vector",
    "topk(foo)|1:1: parse error: wrong number of arguments for aggregate expression provided, expected 2, got 1",
    "-\"a\"|1:1: parse error: unary expression only allowed on expressions of type scalar or instant vector, got \"string\"",
    "1[5m:]|1:1: parse error: subquery is only allowed on instant vector, got scalar instead",
    "\"a\\q\"|1:1: parse error: unknown escape sequence U+0071 'q'",
    "foo\\n+|2:2: parse error: unexpected end of input",
    "@|1:1: parse error: unexpected \"<Item 57385>\" <op:@>",
    "λ|1:1: parse error: unexpected character: 'λ'",
    "foo{a=\"λ\"} +|1:14: parse error: unexpected end of input",
  })
  void failsAsPrometheus(String in, String message) {
    assertThatThrownBy(() -> Parser.parse(in.replace("\\n", "\n")))
        .isInstanceOf(ParseException.class).hasMessage(message);
  }

  @Test
  void unaryMinusBindsLooserThanPowerAndFoldsIntoLiterals() throws ParseException {
    Expr e = Parser.parse("-2 ^ 2");
    assertThat(e).isInstanceOf(Unary.class);
    assertThat(((Unary) e).expr()).isInstanceOf(Binary.class);
    assertThat(Parser.parse("-2 * 3")).isInstanceOf(Binary.class)
        .extracting(b -> ((Binary) b).lhs()).isEqualTo(new NumberLiteral(-2));
    assertThat(Parser.parse("2 ^ 3 ^ 2")).extracting(b -> ((Binary) b).rhs()).isInstanceOf(Binary.class);
  }

  @Test
  void selectorsKeepWrittenMatchersThenTheName() throws ParseException {
    VectorSelector vs = (VectorSelector) Parser.parse("foo{a=\"b\"} offset -5m @ 1.5");
    assertThat(vs.matchers()).containsExactly(Matcher.equal("a", "b"), Matcher.equal("__name__", "foo"));
    assertThat(vs.offsetMillis()).isEqualTo(-300_000);
    assertThat(vs.at()).isEqualTo(new At.Time(1500));
  }

  @Test
  void setOperatorsAreManyToManyAndScalarSidesHaveNoMatching() throws ParseException {
    Binary and = (Binary) Parser.parse("a and b");
    assertThat(and.matching().cardinality()).isEqualTo(VectorMatching.Cardinality.MANY_TO_MANY);
    assertThat(((Binary) Parser.parse("a + 1")).matching()).isNull();
    assertThat(((Binary) Parser.parse("a + b")).matching())
        .isEqualTo(new VectorMatching(VectorMatching.Cardinality.ONE_TO_ONE, List.of(), false, List.of()));
  }

  @Test
  void parseExceptionExposesPositions() {
    assertThatThrownBy(() -> Parser.parse("foo{a=\"é\"} bar"))
        .isInstanceOfSatisfying(ParseException.class, e -> {
          assertThat(e.start()).isEqualTo(11);
          assertThat(e.column()).isEqualTo(13);
          assertThat(e.line()).isEqualTo(1);
          assertThat(e.detail()).isEqualTo("unexpected identifier \"bar\"");
        });
  }
}
