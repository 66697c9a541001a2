package io.cairn.promql.parser;

import io.cairn.tsdb.model.Matcher;
import java.util.List;

/**
 * PromQL text to {@link Expr}, as Prometheus 2.42's {@code parser.ParseExpr}: the same grammar, the
 * same type checks and the same first error message ({@link ParseException#getMessage()}).
 * Stateless and thread-safe.
 */
public final class Parser {
  private Parser() {}

  /** Parses and type-checks an expression. */
  public static Expr parse(String input) throws ParseException {
    ExprParser p = new ExprParser(input);
    Expr e = p.parseTop();
    new Checker(input, p.positions).check(e);
    return e;
  }

  /**
   * A series selector alone ({@code name{l="v"}}), as Prometheus's {@code ParseMetricSelector}
   * (used by {@code match[]}): the matchers as written, then the {@code __name__} one for a name
   * before the braces. No type check: {@code {}} is accepted.
   */
  public static List<Matcher> parseMetricSelector(String input) throws ParseException {
    ExprParser p = new ExprParser(input);
    Token t = p.peek();
    Expr.VectorSelector vs;
    if (t.kind() == TokenKind.LEFT_BRACE) {
      vs = p.selector(null);
    } else if (t.kind().isMetricIdentifier()) {
      vs = p.selector(p.next());
    } else {
      throw p.unexpected(t);
    }
    p.expectEnd();
    return vs.matchers();
  }

  /**
   * A series description of a test script, as Prometheus's {@code ParseSeriesDesc}: {@code
   * metric{l="v"} 1+2x3 _ stale 5}.
   */
  public static SeriesDescription parseSeriesDesc(String input) throws ParseException {
    return new SeriesDescParser(input).parse();
  }
}
