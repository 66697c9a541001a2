package io.cairn.gateway.router;

import io.cairn.gateway.router.RuleLexer.Kind;
import io.cairn.gateway.router.RuleLexer.LexException;
import io.cairn.gateway.router.RuleLexer.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser for rule text, in two passes like Traefik's: first the whole text as a
 * Go expression (syntax errors win, wherever they are), then matcher names and argument types
 * left to right ({@code unsupported function: X}). Precedence is Go's: {@code !} binds tightest,
 * then {@code &&}, then {@code ||}; both binary operators associate to the left.
 */
final class RuleParser {
  /** Deeper nesting is refused rather than risk the stack (Go's own limit is far larger). */
  static final int MAX_DEPTH = 500;

  private final String rule;
  private final RuleSyntax syntax;
  private final RuleLexer lexer;
  private Token tok;
  private int depth;

  private RuleParser(String rule, RuleSyntax syntax) {
    this.rule = rule;
    this.syntax = syntax;
    this.lexer = new RuleLexer(rule);
  }

  /** Parses {@code rule} in {@code syntax}; never returns null. */
  static Rule parse(String rule, RuleSyntax syntax) throws RuleSyntaxException {
    Checks.requireArgument(rule != null, "rule is null; expected rule text such as Host(`a`)");
    Checks.requireArgument(syntax != null, "syntax is null; expected V2 or V3");
    RuleParser p = new RuleParser(rule, syntax);
    Node tree;
    try {
      p.advance();
      tree = p.or();
      if (p.tok.kind() == Kind.SEMI) {
        p.advance();
      }
      if (p.tok.kind() != Kind.EOF) {
        throw p.error(p.tok.pos(), "expected 'EOF', found " + p.describe(p.tok));
      }
    } catch (LexException e) {
      throw new RuleSyntaxException(rule, p.lexer.position(e.offset) + ": " + e.getMessage());
    }
    return p.resolve(tree);
  }

  /** The first pass's tree: names not yet resolved, arguments still tokens. */
  private sealed interface Node {}

  private record BinaryNode(boolean and, Node left, Node right) implements Node {}

  private record NotNode(Node node) implements Node {}

  private record CallNode(Token name, List<Token> args) implements Node {}

  private record LiteralNode(Token literal) implements Node {}

  private Node or() throws LexException, RuleSyntaxException {
    Node left = and();
    while (tok.kind() == Kind.OR) {
      advance();
      left = new BinaryNode(false, left, and());
    }
    return left;
  }

  private Node and() throws LexException, RuleSyntaxException {
    Node left = unary();
    while (tok.kind() == Kind.AND) {
      advance();
      left = new BinaryNode(true, left, unary());
    }
    return left;
  }

  private Node unary() throws LexException, RuleSyntaxException {
    if (++depth > MAX_DEPTH) {
      throw error(tok.pos(), "rule nests deeper than " + MAX_DEPTH + " levels");
    }
    try {
      if (tok.kind() == Kind.NOT) {
        advance();
        return new NotNode(unary());
      }
      Node primary = primary();
      if (tok.kind() == Kind.LPAREN || tok.kind() == Kind.OTHER && tok.text().equals(".")) {
        throw error(tok.pos(), "expected identifier before " + describe(tok));
      }
      return primary;
    } finally {
      depth--;
    }
  }

  private Node primary() throws LexException, RuleSyntaxException {
    Token t = tok;
    switch (t.kind()) {
      case LPAREN -> {
        advance();
        Node inner = or();
        expect(Kind.RPAREN, "')'");
        return inner;
      }
      case STRING, NUMBER, CHAR -> {
        advance();
        return new LiteralNode(t);
      }
      case IDENT -> {
        advance();
        if (tok.kind() != Kind.LPAREN) {
          return new LiteralNode(t);
        }
        advance();
        List<Token> args = new ArrayList<>();
        while (tok.kind() != Kind.RPAREN) {
          if (tok.kind() == Kind.STRING || tok.kind() == Kind.NUMBER || tok.kind() == Kind.CHAR
              || tok.kind() == Kind.IDENT) {
            args.add(tok);
            advance();
          } else {
            throw error(tok.pos(), "expected string argument, found " + describe(tok));
          }
          if (tok.kind() == Kind.COMMA) {
            advance();
          } else if (tok.kind() == Kind.SEMI) {
            throw error(tok.pos(), "missing ',' before newline in argument list");
          } else if (tok.kind() != Kind.RPAREN) {
            throw error(tok.pos(), "missing ',' in argument list, found " + describe(tok));
          }
        }
        advance();
        return new CallNode(t, args);
      }
      default -> throw error(t.pos(), "expected operand, found " + describe(t));
    }
  }

  private Rule resolve(Node node) throws RuleSyntaxException {
    return switch (node) {
      case BinaryNode b -> b.and()
          ? new Rule.And(resolve(b.left()), resolve(b.right()))
          : new Rule.Or(resolve(b.left()), resolve(b.right()));
      case NotNode n -> new Rule.Not(resolve(n.node()));
      case LiteralNode l -> throw new RuleSyntaxException(rule, l.literal().kind() == Kind.IDENT
          ? l.literal().text() + " is not defined"
          : "expected a matcher such as Host(`example.com`), found " + l.literal().text());
      case CallNode c -> {
        String name = MatcherNames.canonical(syntax, c.name().text());
        if (name == null) {
          throw new RuleSyntaxException(rule, "unsupported function: " + c.name().text());
        }
        List<String> args = new ArrayList<>(c.args().size());
        for (Token arg : c.args()) {
          if (arg.kind() == Kind.IDENT) {
            throw new RuleSyntaxException(rule, arg.text() + " is not defined");
          }
          if (arg.kind() != Kind.STRING) {
            throw new RuleSyntaxException(rule, "argument " + arg.text() + " of " + name
                + " is not a string; quote values with backquotes or double quotes");
          }
          args.add(arg.value());
        }
        yield new Rule.Call(name, args);
      }
    };
  }

  private void advance() throws LexException {
    tok = lexer.next();
  }

  private void expect(Kind kind, String what) throws LexException, RuleSyntaxException {
    if (tok.kind() != kind) {
      throw error(tok.pos(), "expected " + what + ", found " + describe(tok));
    }
    advance();
  }

  private String describe(Token t) {
    return switch (t.kind()) {
      case EOF -> "'EOF'";
      case SEMI -> "newline";
      default -> "'" + t.text() + "'";
    };
  }

  private RuleSyntaxException error(int offset, String message) {
    return new RuleSyntaxException(rule, lexer.position(offset) + ": " + message);
  }
}
