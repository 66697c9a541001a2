package io.cairn.promql.parser;

import io.cairn.common.text.GoStrings;
import io.cairn.common.text.PromDuration;
import io.cairn.tsdb.model.Matcher;
import java.util.ArrayList;
import java.util.List;

/**
 * The token stream and the pieces every PromQL grammar shares (label matchers, grouping labels,
 * numbers, durations, strings), reporting errors as Prometheus 2.42 does. The first error ends the
 * parse: Prometheus reports only its first error, and every error here is raised at the point of
 * the input where Prometheus's parser would record it.
 */
abstract class ParserBase {
  final String input;
  final Lexer lexer;
  private Token peeked;

  ParserBase(String input, boolean seriesDesc) {
    this.input = input;
    this.lexer = new Lexer(input, seriesDesc);
  }

  final Token peek() throws ParseException {
    if (peeked == null) {
      Token t;
      do {
        t = lexer.next();
      } while (t.kind() == TokenKind.COMMENT);
      if (t.kind() == TokenKind.ERROR) {
        throw new ParseException(input, t.pos(), input.length(), t.val());
      }
      peeked = t;
    }
    return peeked;
  }

  final Token next() throws ParseException {
    Token t = peek();
    peeked = null;
    return t;
  }

  final ParseException error(int pos, String message) {
    return new ParseException(input, pos, pos, message);
  }

  /** Prometheus's {@code unexpected(context, expected)} about token {@code t}. */
  final ParseException unexpected(Token t, String context, String expected) {
    StringBuilder sb = new StringBuilder("unexpected ").append(t.desc());
    if (!context.isEmpty()) {
      sb.append(" in ").append(context);
    }
    if (!expected.isEmpty()) {
      sb.append(", expected ").append(expected);
    }
    return new ParseException(input, t.pos(), t.end(), sb.toString());
  }

  /** {@code ( label, ... )} after by, without, on, ignoring, group_left, group_right. */
  final List<String> groupingLabels() throws ParseException {
    Token t = peek();
    if (t.kind() != TokenKind.LEFT_PAREN) {
      throw unexpected(t, "grouping opts", "\"(\"");
    }
    next();
    List<String> labels = new ArrayList<>();
    if (peek().kind() == TokenKind.RIGHT_PAREN) {
      next();
      return labels;
    }
    while (true) {
      t = peek();
      if (!t.kind().isMaybeLabel()) {
        throw unexpected(t, "grouping opts", "label");
      }
      next();
      if (!isLabel(t.val())) {
        throw unexpected(t, "grouping opts", "label");
      }
      labels.add(t.val());
      t = peek();
      if (t.kind() == TokenKind.COMMA) {
        next();
        if (peek().kind() == TokenKind.RIGHT_PAREN) {
          next();
          return labels;
        }
      } else if (t.kind() == TokenKind.RIGHT_PAREN) {
        next();
        return labels;
      } else {
        throw unexpected(t, "grouping opts", "\",\" or \")\"");
      }
    }
  }

  static boolean isLabel(String s) {
    if (s.isEmpty() || Character.isDigit(s.charAt(0))) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
        return false;
      }
    }
    return true;
  }

  /** The matchers between braces; the '{' has been read. */
  final List<Matcher> labelMatchers() throws ParseException {
    List<Matcher> out = new ArrayList<>();
    if (peek().kind() == TokenKind.RIGHT_BRACE) {
      next();
      return out;
    }
    while (true) {
      Token name = peek();
      if (name.kind() != TokenKind.IDENTIFIER) {
        throw unexpected(name, "label matching", "identifier or \"}\"");
      }
      next();
      Token op = peek();
      Matcher.Type type = switch (op.kind()) {
        case EQL -> Matcher.Type.EQUAL;
        case NEQ -> Matcher.Type.NOT_EQUAL;
        case EQL_REGEX -> Matcher.Type.REGEX;
        case NEQ_REGEX -> Matcher.Type.NOT_REGEX;
        default -> throw unexpected(op, "label matching", "label matching operator");
      };
      next();
      Token value = peek();
      if (value.kind() != TokenKind.STRING) {
        throw unexpected(value, "label matching", "string");
      }
      next();
      try {
        out.add(Matcher.of(type, name.val(), unquote(value)));
      } catch (IllegalArgumentException e) {
        throw new ParseException(input, name.pos(), value.end(), e.getMessage());
      }
      Token t = peek();
      if (t.kind() == TokenKind.COMMA) {
        next();
        if (peek().kind() == TokenKind.RIGHT_BRACE) {
          next();
          return out;
        }
      } else if (t.kind() == TokenKind.RIGHT_BRACE) {
        next();
        return out;
      } else {
        throw unexpected(t, "label matching", "\",\" or \"}\"");
      }
    }
  }

  /** A DURATION token's value in milliseconds, as 2.42's {@code parseDuration} (zero is an error). */
  final long duration(Token t) throws ParseException {
    PromDuration d;
    try {
      d = PromDuration.parse(t.val());
    } catch (IllegalArgumentException e) {
      throw new ParseException(input, t.pos(), t.end(), e.getMessage());
    }
    if (d.isZero()) {
      throw new ParseException(input, t.pos(), t.end(), "duration must be greater than 0");
    }
    return d.millis();
  }

  /** A NUMBER token's value as Prometheus's {@code parser.number}: ParseInt base 0, then ParseFloat. */
  final double number(Token t) throws ParseException {
    Double v = GoNumbers.parse(t.val());
    if (v == null) {
      String why = GoNumbers.outOfRange(t.val()) ? "value out of range" : "invalid syntax";
      throw new ParseException(input, t.pos(), t.end(),
          "error parsing number: strconv.ParseFloat: parsing " + GoStrings.quote(t.val()) + ": " + why);
    }
    return v;
  }

  final String unquote(Token t) throws ParseException {
    try {
      return GoNumbers.unquote(t.val());
    } catch (IllegalArgumentException e) {
      throw new ParseException(input, t.pos(), t.end(),
          "error unquoting string " + GoStrings.quote(t.val()) + ": invalid syntax");
    }
  }
}
