package io.cairn.promql.parser;

import io.cairn.promql.parser.Expr.Aggregate;
import io.cairn.promql.parser.Expr.Binary;
import io.cairn.promql.parser.Expr.Call;
import io.cairn.promql.parser.Expr.NumberLiteral;
import io.cairn.promql.parser.Expr.Paren;
import io.cairn.promql.parser.Expr.StringLiteral;
import io.cairn.promql.parser.Expr.Unary;
import io.cairn.promql.parser.Expr.VectorSelector;
import io.cairn.tsdb.model.Matcher;
import java.util.ArrayList;
import java.util.List;

/**
 * Recursive descent over Prometheus 2.42's yacc grammar ({@code generated_parser.y}): the same
 * precedences (postfix {@code [..]}, {@code offset}, {@code @} tightest, then {@code ^} right
 * associative, unary minus as {@code *}, then {@code * / % atan2}, {@code + -}, comparisons,
 * {@code and unless}, {@code or}) and the same first error.
 */
final class ExprParser extends ParserBase {
  final Positions positions = new Positions();
  /** Open aggregations: Prometheus reports syntax errors inside them "in aggregation". */
  private int aggregationDepth;

  ExprParser(String input) {
    super(input, false);
  }

  Expr parseTop() throws ParseException {
    if (peek().kind() == TokenKind.EOF) {
      throw error(0, "no expression found in input");
    }
    Expr e = expr(0);
    expectEnd();
    return e;
  }

  void expectEnd() throws ParseException {
    Token t = peek();
    if (t.kind() != TokenKind.EOF) {
      throw unexpected(t);
    }
  }

  ParseException unexpected(Token t) {
    return unexpected(t, aggregationDepth > 0 ? "aggregation" : "", "");
  }

  Expr expr(int minPrec) throws ParseException {
    Expr lhs = unary();
    while (true) {
      Token t = peek();
      BinaryOp op = binaryOp(t.kind());
      if (op == null || op.precedence() < minPrec) {
        return lhs;
      }
      next();
      boolean returnBool = false;
      if (peek().kind() == TokenKind.BOOL) {
        next();
        returnBool = true;
      }
      VectorMatching written = new VectorMatching(VectorMatching.Cardinality.ONE_TO_ONE, List.of(), false, List.of());
      TokenKind k = peek().kind();
      if (k == TokenKind.ON || k == TokenKind.IGNORING) {
        next();
        List<String> labels = groupingLabels();
        VectorMatching.Cardinality card = VectorMatching.Cardinality.ONE_TO_ONE;
        List<String> include = List.of();
        TokenKind g = peek().kind();
        if (g == TokenKind.GROUP_LEFT || g == TokenKind.GROUP_RIGHT) {
          next();
          card = g == TokenKind.GROUP_LEFT
              ? VectorMatching.Cardinality.MANY_TO_ONE : VectorMatching.Cardinality.ONE_TO_MANY;
          if (peek().kind() == TokenKind.LEFT_PAREN) {
            include = groupingLabels();
          }
        }
        written = new VectorMatching(card, labels, k == TokenKind.ON, include);
      }
      Expr rhs = expr(op.rightAssociative() ? op.precedence() : op.precedence() + 1);
      lhs = binary(op, lhs, rhs, written, returnBool, t.pos());
    }
  }

  private Binary binary(BinaryOp op, Expr lhs, Expr rhs, VectorMatching written, boolean returnBool, int opPos) {
    VectorMatching matching = null;
    if (lhs.type() == ValueType.VECTOR && rhs.type() == ValueType.VECTOR) {
      matching = written;
      if (op.isSetOperator() && written.cardinality() == VectorMatching.Cardinality.ONE_TO_ONE) {
        matching = new VectorMatching(VectorMatching.Cardinality.MANY_TO_MANY, written.matchingLabels(),
            written.on(), written.include());
      }
    }
    Binary b = new Binary(op, lhs, rhs, matching, returnBool);
    positions.binary(b, positions.start(lhs), opPos, written);
    return b;
  }

  static BinaryOp binaryOp(TokenKind k) {
    return switch (k) {
      case ADD -> BinaryOp.ADD;
      case SUB -> BinaryOp.SUB;
      case MUL -> BinaryOp.MUL;
      case DIV -> BinaryOp.DIV;
      case MOD -> BinaryOp.MOD;
      case POW -> BinaryOp.POW;
      case ATAN2 -> BinaryOp.ATAN2;
      case EQLC -> BinaryOp.EQL;
      case NEQ -> BinaryOp.NEQ;
      case GTR -> BinaryOp.GTR;
      case LSS -> BinaryOp.LSS;
      case GTE -> BinaryOp.GTE;
      case LTE -> BinaryOp.LTE;
      case LAND -> BinaryOp.AND;
      case LOR -> BinaryOp.OR;
      case LUNLESS -> BinaryOp.UNLESS;
      default -> null;
    };
  }

  /** A unary expression binds like {@code *}: only {@code ^} and the postfix modifiers reach into it. */
  private Expr unary() throws ParseException {
    Token t = peek();
    if (t.kind() != TokenKind.ADD && t.kind() != TokenKind.SUB) {
      return Postfix.apply(this, primary());
    }
    next();
    Expr operand = expr(BinaryOp.POW.precedence());
    boolean negative = t.kind() == TokenKind.SUB;
    if (operand instanceof NumberLiteral n) {
      return positions.at(new NumberLiteral(negative ? -n.value() : n.value()), t.pos());
    }
    return positions.at(new Unary(negative, operand), t.pos());
  }

  static boolean startsExpr(TokenKind k) {
    return switch (k) {
      case NUMBER, STRING, LEFT_PAREN, LEFT_BRACE, ADD, SUB -> true;
      default -> k.isMetricIdentifier();
    };
  }

  private Expr primary() throws ParseException {
    Token t = peek();
    switch (t.kind()) {
      case NUMBER -> {
        next();
        return positions.at(new NumberLiteral(number(t)), t.pos());
      }
      case STRING -> {
        next();
        return positions.at(new StringLiteral(unquote(t)), t.pos());
      }
      case LEFT_PAREN -> {
        next();
        Expr inner = expr(0);
        Token close = peek();
        if (close.kind() != TokenKind.RIGHT_PAREN) {
          throw unexpected(close);
        }
        next();
        return positions.at(new Paren(inner), t.pos());
      }
      case LEFT_BRACE -> {
        return selector(null);
      }
      default -> {}
    }
    if (!t.kind().isMetricIdentifier()) {
      throw unexpected(t);
    }
    next();
    TokenKind after = peek().kind();
    if (t.kind() == TokenKind.AGGREGATOR
        && (after == TokenKind.LEFT_PAREN || after == TokenKind.BY || after == TokenKind.WITHOUT)) {
      return aggregate(t);
    }
    if (t.kind() == TokenKind.IDENTIFIER && after == TokenKind.LEFT_PAREN) {
      return call(t);
    }
    return selector(t);
  }

  /** A vector selector; {@code name} (already read) is null when it starts at '{'. */
  VectorSelector selector(Token name) throws ParseException {
    List<Matcher> matchers = new ArrayList<>();
    int start = name == null ? peek().pos() : name.pos();
    if (peek().kind() == TokenKind.LEFT_BRACE) {
      next();
      matchers.addAll(labelMatchers());
    }
    if (name != null) {
      matchers.add(Matcher.equal("__name__", name.val()));
    }
    return positions.at(new VectorSelector(name == null ? "" : name.val(), matchers, 0, null), start);
  }

  private Expr call(Token name) throws ParseException {
    List<Expr> args = callBody();
    FunctionSignature fn = Functions.get(name.val());
    if (fn == null) {
      throw new ParseException(input, name.pos(), name.end(),
          "unknown function with name " + io.cairn.common.text.GoStrings.quote(name.val()));
    }
    return positions.at(new Call(fn, args), name.pos());
  }

  /** {@code ( expr, ... )}, shared by calls and aggregations. */
  private List<Expr> callBody() throws ParseException {
    next(); // '('
    List<Expr> args = new ArrayList<>();
    if (peek().kind() == TokenKind.RIGHT_PAREN) {
      next();
      return args;
    }
    while (true) {
      args.add(expr(0));
      Token t = peek();
      if (t.kind() == TokenKind.RIGHT_PAREN) {
        next();
        return args;
      }
      if (t.kind() != TokenKind.COMMA) {
        throw unexpected(t);
      }
      next();
      if (!startsExpr(peek().kind())) {
        throw new ParseException(input, t.pos(), t.end(), "trailing commas not allowed in function call args");
      }
    }
  }

  private Expr aggregate(Token op) throws ParseException {
    List<String> grouping = List.of();
    boolean without = false;
    boolean modifierFirst = false;
    aggregationDepth++;
    TokenKind k = peek().kind();
    if (k == TokenKind.BY || k == TokenKind.WITHOUT) {
      next();
      grouping = groupingLabels();
      without = k == TokenKind.WITHOUT;
      modifierFirst = true;
      if (peek().kind() != TokenKind.LEFT_PAREN) {
        throw unexpected(peek());
      }
    }
    List<Expr> args = callBody();
    aggregationDepth--;
    if (!modifierFirst) {
      k = peek().kind();
      if (k == TokenKind.BY || k == TokenKind.WITHOUT) {
        next();
        grouping = groupingLabels();
        without = k == TokenKind.WITHOUT;
      }
    }
    AggregationOp aop = AggregationOp.byKeyword(op.val());
    if (args.isEmpty()) {
      throw error(op.pos(), "no arguments for aggregate expression provided");
    }
    int want = aop.paramType() == ValueType.NONE ? 1 : 2;
    if (args.size() != want) {
      throw error(op.pos(), "wrong number of arguments for aggregate expression provided, expected "
          + want + ", got " + args.size());
    }
    Expr param = want == 2 ? args.get(0) : null;
    return positions.at(new Aggregate(aop, args.get(want - 1), param, grouping, without), op.pos());
  }
}
