package io.cairn.gateway.middleware;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses circuit-breaker expressions: {@code NetworkErrorRatio() > 0.30}, {@code
 * ResponseCodeRatio(500, 600, 0, 600) > 0.25}, {@code LatencyAtQuantileMS(50.0) > 100}, joined
 * with {@code &&} (binds tighter) and {@code ||}, with parentheses. As in oxy, a comparison puts
 * the metric on the left and a number on the right. Numbers are decimal integers or floats
 * ({@code 0.5}, {@code .5}, {@code 1e3}); {@code LatencyAtQuantileMS} takes one number, {@code
 * ResponseCodeRatio} four integers. Nesting is limited to {@value #MAX_DEPTH} levels.
 *
 * <p>Any bad input throws {@link IllegalArgumentException} (only), with a message saying what was
 * expected and where. Thread-safe (no state).
 */
final class CbParser {
  static final int MAX_DEPTH = 64;

  private final String src;
  private int pos;
  private int depth;

  private CbParser(String src) {
    this.src = src;
  }

  static CbExpression parse(String text) {
    CbParser p = new CbParser(text);
    CbExpression e = p.or();
    p.skipSpace();
    if (p.pos < p.src.length()) {
      throw p.fail("expected && or || or the end");
    }
    return e;
  }

  private CbExpression or() {
    CbExpression left = and();
    while (accept("||")) {
      left = new CbExpression.Or(left, and());
    }
    return left;
  }

  private CbExpression and() {
    CbExpression left = primary();
    while (accept("&&")) {
      left = new CbExpression.And(left, primary());
    }
    return left;
  }

  private CbExpression primary() {
    if (accept("(")) {
      if (++depth > MAX_DEPTH) {
        throw fail("parentheses nested deeper than " + MAX_DEPTH);
      }
      CbExpression e = or();
      if (!accept(")")) {
        throw fail("expected )");
      }
      depth--;
      return e;
    }
    CbExpression.Metric metric = metric();
    String op = operator();
    double value = number();
    return new CbExpression.Compare(metric, op, value);
  }

  private CbExpression.Metric metric() {
    skipSpace();
    int start = pos;
    while (pos < src.length() && Character.isLetterOrDigit(src.charAt(pos)) && src.charAt(pos) < 128) {
      pos++;
    }
    String name = src.substring(start, pos);
    if (name.isEmpty()) {
      throw fail("expected NetworkErrorRatio(), ResponseCodeRatio(…), LatencyAtQuantileMS(…) or (");
    }
    if (!accept("(")) {
      throw fail("expected ( after " + name);
    }
    List<Double> args = new ArrayList<>();
    List<Boolean> ints = new ArrayList<>();
    if (!accept(")")) {
      do {
        skipSpace();
        int at = pos;
        args.add(number());
        ints.add(src.substring(at, pos).chars().allMatch(Character::isDigit));
      } while (accept(","));
      if (!accept(")")) {
        throw fail("expected , or )");
      }
    }
    return switch (name) {
      case "NetworkErrorRatio" -> {
        arity(name, args, 0);
        yield new CbExpression.NetworkErrorRatio();
      }
      case "LatencyAtQuantileMS" -> {
        arity(name, args, 1);
        yield new CbExpression.LatencyAtQuantileMs(args.getFirst());
      }
      case "ResponseCodeRatio" -> {
        arity(name, args, 4);
        if (ints.contains(false) || args.stream().anyMatch(a -> a > Integer.MAX_VALUE)) {
          throw fail("ResponseCodeRatio takes four integers");
        }
        yield new CbExpression.ResponseCodeRatio(
            args.get(0).intValue(), args.get(1).intValue(), args.get(2).intValue(), args.get(3).intValue());
      }
      default -> throw new IllegalArgumentException("unsupported function " + name
          + ": expected NetworkErrorRatio, ResponseCodeRatio or LatencyAtQuantileMS");
    };
  }

  private void arity(String name, List<Double> args, int n) {
    if (args.size() != n) {
      throw new IllegalArgumentException(name + " takes " + n + " argument(s), got " + args.size());
    }
  }

  private String operator() {
    for (String op : new String[] {"==", "!=", "<=", ">=", "<", ">"}) {
      if (accept(op)) {
        return op;
      }
    }
    throw fail("expected a comparison (== != < <= > >=)");
  }

  private double number() {
    skipSpace();
    int start = pos;
    while (pos < src.length() && (Character.isDigit(src.charAt(pos)) && src.charAt(pos) < 128 || src.charAt(pos) == '.')) {
      pos++;
    }
    if (pos < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
      pos++;
      if (pos < src.length() && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) {
        pos++;
      }
      while (pos < src.length() && Character.isDigit(src.charAt(pos)) && src.charAt(pos) < 128) {
        pos++;
      }
    }
    String text = src.substring(start, pos);
    if (!text.matches("(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
      pos = start;
      throw fail("expected a number");
    }
    double v = Double.parseDouble(text);
    if (Double.isInfinite(v)) {
      throw fail("number out of range: " + text);
    }
    return v;
  }

  private boolean accept(String token) {
    skipSpace();
    if (src.startsWith(token, pos)) {
      pos += token.length();
      return true;
    }
    return false;
  }

  private void skipSpace() {
    while (pos < src.length() && (src.charAt(pos) == ' ' || src.charAt(pos) == '\t'
        || src.charAt(pos) == '\n' || src.charAt(pos) == '\r')) {
      pos++;
    }
  }

  private IllegalArgumentException fail(String expected) {
    String rest = pos >= src.length() ? "end of expression" : "\"" + src.substring(pos, Math.min(src.length(), pos + 20)) + "\"";
    return new IllegalArgumentException("circuit breaker expression " + quote(src) + ": " + expected
        + " at offset " + pos + ", found " + rest);
  }

  private static String quote(String s) {
    return "\"" + (s.length() > 200 ? s.substring(0, 200) + "…" : s) + "\"";
  }
}
