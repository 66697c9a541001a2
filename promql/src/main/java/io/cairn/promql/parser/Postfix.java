package io.cairn.promql.parser;

import io.cairn.promql.parser.Expr.MatrixSelector;
import io.cairn.promql.parser.Expr.Subquery;
import io.cairn.promql.parser.Expr.VectorSelector;

/**
 * The postfix modifiers, which bind tighter than any operator: {@code [range]},
 * {@code [range:step]}, {@code offset d} and {@code @ t}, with the checks and messages of
 * Prometheus 2.42's {@code addOffset}, {@code setTimestamp} and matrix selector rule.
 */
final class Postfix {
  private static final String NOT_SELECTOR =
      " must be preceded by an instant vector selector or range vector selector or a subquery";

  private Postfix() {}

  static Expr apply(ExprParser p, Expr e) throws ParseException {
    while (true) {
      Token t = p.peek();
      switch (t.kind()) {
        case LEFT_BRACKET -> e = bracket(p, e, p.next());
        case OFFSET -> e = offset(p, e, p.next());
        case AT -> e = at(p, e, p.next());
        default -> {
          return e;
        }
      }
    }
  }

  private static Expr bracket(ExprParser p, Expr e, Token open) throws ParseException {
    Token t = p.peek();
    if (t.kind() != TokenKind.DURATION) {
      throw p.unexpected(t, "subquery selector", "duration");
    }
    p.next();
    long range = p.duration(t);
    t = p.peek();
    int start = p.positions.start(e);
    if (t.kind() == TokenKind.RIGHT_BRACKET) {
      p.next();
      String err = null;
      if (!(e instanceof VectorSelector vs)) {
        err = "ranges only allowed for vector selectors";
      } else if (vs.offsetMillis() != 0) {
        err = "no offset modifiers allowed before range";
      } else if (vs.at() instanceof At.Time) {
        err = "no @ modifiers allowed before range";
      }
      if (err != null) {
        throw new ParseException(p.input, open.pos(), t.end(), err);
      }
      return p.positions.at(new MatrixSelector((VectorSelector) e, range), start);
    }
    if (t.kind() != TokenKind.COLON) {
      throw p.unexpected(t, "subquery or range", "\":\" or \"]\"");
    }
    p.next();
    long step = 0;
    t = p.peek();
    if (t.kind() == TokenKind.DURATION) {
      p.next();
      step = p.duration(t);
      t = p.peek();
      if (t.kind() != TokenKind.RIGHT_BRACKET) {
        throw p.unexpected(t, "subquery selector", "\"]\"");
      }
    } else if (t.kind() != TokenKind.RIGHT_BRACKET) {
      throw p.unexpected(t, "subquery selector", "duration or \"]\"");
    }
    p.next();
    return p.positions.at(new Subquery(e, range, step, 0, null), start);
  }

  private static Expr offset(ExprParser p, Expr e, Token kw) throws ParseException {
    Token t = p.peek();
    boolean negative = false;
    if (t.kind() == TokenKind.SUB) {
      p.next();
      negative = true;
      t = p.peek();
    }
    if (t.kind() != TokenKind.DURATION) {
      throw p.unexpected(t, "offset", "duration");
    }
    p.next();
    long d = p.duration(t);
    long off = negative ? -d : d;
    int start = p.positions.start(e);
    String twice = "offset may not be set multiple times";
    return switch (e) {
      case VectorSelector vs -> {
        if (vs.offsetMillis() != 0) {
          throw p.error(start, twice);
        }
        yield p.positions.at(new VectorSelector(vs.name(), vs.matchers(), off, vs.at()), start);
      }
      case MatrixSelector ms -> {
        VectorSelector vs = ms.selector();
        if (vs.offsetMillis() != 0) {
          throw p.error(start, twice);
        }
        VectorSelector moved = p.positions.at(new VectorSelector(vs.name(), vs.matchers(), off, vs.at()), start);
        yield p.positions.at(new MatrixSelector(moved, ms.rangeMillis()), start);
      }
      case Subquery sq -> {
        if (sq.offsetMillis() != 0) {
          throw p.error(start, twice);
        }
        yield p.positions.at(new Subquery(sq.expr(), sq.rangeMillis(), sq.stepMillis(), off, sq.at()), start);
      }
      default -> throw p.error(start, "offset modifier" + NOT_SELECTOR);
    };
  }

  private static Expr at(ExprParser p, Expr e, Token kw) throws ParseException {
    Token t = p.peek();
    At at;
    int start = p.positions.start(e);
    if (t.kind() == TokenKind.START || t.kind() == TokenKind.END) {
      p.next();
      if (p.peek().kind() != TokenKind.LEFT_PAREN) {
        throw p.unexpected(p.peek(), "@", "timestamp");
      }
      p.next();
      if (p.peek().kind() != TokenKind.RIGHT_PAREN) {
        throw p.unexpected(p.peek(), "@", "timestamp");
      }
      p.next();
      at = t.kind() == TokenKind.START ? new At.Start() : new At.End();
    } else {
      boolean negative = false;
      if (t.kind() == TokenKind.ADD || t.kind() == TokenKind.SUB) {
        p.next();
        negative = t.kind() == TokenKind.SUB;
        t = p.peek();
      }
      if (t.kind() != TokenKind.NUMBER) {
        throw p.unexpected(t, "@", "timestamp");
      }
      p.next();
      double ts = p.number(t);
      if (negative) {
        ts = -ts;
      }
      if (Double.isNaN(ts) || Double.isInfinite(ts) || ts >= 0x1p63 || ts <= -0x1p63) {
        throw p.error(start, "timestamp out of bounds for @ modifier: " + GoText.fixed(ts, 6));
      }
      at = new At.Time(millis(ts));
    }
    return switch (e) {
      case VectorSelector vs -> {
        checkUnset(p, vs.at(), start);
        yield p.positions.at(new VectorSelector(vs.name(), vs.matchers(), vs.offsetMillis(), at), start);
      }
      case MatrixSelector ms -> {
        VectorSelector vs = ms.selector();
        checkUnset(p, vs.at(), start);
        VectorSelector moved = p.positions.at(new VectorSelector(vs.name(), vs.matchers(), vs.offsetMillis(), at), start);
        yield p.positions.at(new MatrixSelector(moved, ms.rangeMillis()), start);
      }
      case Subquery sq -> {
        checkUnset(p, sq.at(), start);
        yield p.positions.at(new Subquery(sq.expr(), sq.rangeMillis(), sq.stepMillis(), sq.offsetMillis(), at), start);
      }
      default -> throw p.error(start, "@ modifier" + NOT_SELECTOR);
    };
  }

  private static void checkUnset(ExprParser p, At at, int start) throws ParseException {
    if (at != null) {
      throw p.error(start, "@ <timestamp> may not be set multiple times");
    }
  }

  /** Prometheus's {@code timestamp.FromFloatSeconds}: {@code int64(math.Round(ts * 1000))}. */
  static long millis(double seconds) {
    double x = seconds * 1000;
    double t = x < 0 ? Math.ceil(x) : Math.floor(x);
    if (Math.abs(x - t) >= 0.5) {
      t += Math.signum(x);
    }
    if (Double.isNaN(t) || t >= 0x1p63 || t < -0x1p63) {
      return Long.MIN_VALUE; // as Go on amd64
    }
    return (long) t;
  }
}
