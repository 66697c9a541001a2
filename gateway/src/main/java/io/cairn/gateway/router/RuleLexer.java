package io.cairn.gateway.router;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Tokens of a rule, as Go's scanner produces them for {@code go/parser.ParseExpr} (Traefik's rule
 * parser, vulcand/predicate, is Go's expression parser): identifiers, raw ({@code `…`}) and
 * interpreted ({@code "…"}) string literals, number and rune literals (lexed only to be refused),
 * {@code && || ! ( ) ,}, comments, and Go's automatic semicolon after an identifier, literal or
 * {@code )} that ends a line — which is why a rule broken across lines before an operator fails in
 * Traefik and here.
 */
final class RuleLexer {

  enum Kind { IDENT, STRING, NUMBER, CHAR, LPAREN, RPAREN, COMMA, AND, OR, NOT, SEMI, OTHER, EOF }

  record Token(Kind kind, String text, String value, int pos) {}

  private final String src;
  private int pos;
  private boolean insertSemi;

  RuleLexer(String src) {
    this.src = src;
  }

  /** Line:column of an offset, 1-based, as Go prints positions. */
  String position(int offset) {
    int line = 1;
    int col = 1;
    for (int i = 0; i < offset && i < src.length(); i++) {
      if (src.charAt(i) == '\n') {
        line++;
        col = 1;
      } else {
        col++;
      }
    }
    return line + ":" + col;
  }

  Token next() throws LexException {
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (c == '\n' && insertSemi) {
        insertSemi = false;
        return new Token(Kind.SEMI, "newline", "\n", pos++);
      }
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        pos++;
      } else if (src.startsWith("//", pos)) {
        int end = src.indexOf('\n', pos);
        pos = end < 0 ? src.length() : end;
      } else if (src.startsWith("/*", pos)) {
        int end = src.indexOf("*/", pos + 2);
        if (end < 0) {
          throw new LexException(pos, "comment not terminated");
        }
        boolean newline = src.substring(pos, end).indexOf('\n') >= 0;
        int start = pos;
        pos = end + 2;
        if (newline && insertSemi) {
          insertSemi = false;
          return new Token(Kind.SEMI, "newline", "\n", start);
        }
      } else {
        break;
      }
    }
    if (pos >= src.length()) {
      if (insertSemi) {
        insertSemi = false;
        return new Token(Kind.SEMI, "newline", "\n", pos);
      }
      return new Token(Kind.EOF, "EOF", "", pos);
    }
    int start = pos;
    int cp = src.codePointAt(pos);
    insertSemi = false;
    if (Character.isLetter(cp) || cp == '_') {
      while (pos < src.length()
          && (Character.isLetterOrDigit(src.codePointAt(pos)) || src.charAt(pos) == '_')) {
        pos += Character.charCount(src.codePointAt(pos));
      }
      insertSemi = true;
      String word = src.substring(start, pos);
      return new Token(Kind.IDENT, word, word, start);
    }
    if (cp >= '0' && cp <= '9'
        || cp == '.' && pos + 1 < src.length() && Character.isDigit(src.charAt(pos + 1))) {
      while (pos < src.length()
          && (Character.isLetterOrDigit(src.charAt(pos)) || ".+-_".indexOf(src.charAt(pos)) >= 0)
          && !((src.charAt(pos) == '+' || src.charAt(pos) == '-')
              && "eEpP".indexOf(src.charAt(pos - 1)) < 0)) {
        pos++;
      }
      insertSemi = true;
      String num = src.substring(start, pos);
      return new Token(Kind.NUMBER, num, num, start);
    }
    switch (cp) {
      case '`' -> {
        int end = src.indexOf('`', pos + 1);
        if (end < 0) {
          throw new LexException(start, "raw string literal not terminated");
        }
        pos = end + 1;
        insertSemi = true;
        String text = src.substring(start, pos);
        return new Token(Kind.STRING, text, text.substring(1, text.length() - 1).replace("\r", ""),
            start);
      }
      case '"' -> {
        String value = interpreted();
        insertSemi = true;
        return new Token(Kind.STRING, src.substring(start, pos), value, start);
      }
      case '\'' -> {
        int end = src.indexOf('\'', pos + 1);
        if (end < 0 || src.substring(pos, end).indexOf('\n') >= 0) {
          throw new LexException(start, "rune literal not terminated");
        }
        pos = end + 1;
        insertSemi = true;
        return new Token(Kind.CHAR, src.substring(start, pos), src.substring(start, pos), start);
      }
      case '(' -> {
        pos++;
        return new Token(Kind.LPAREN, "(", "(", start);
      }
      case ')' -> {
        pos++;
        insertSemi = true;
        return new Token(Kind.RPAREN, ")", ")", start);
      }
      case ',' -> {
        pos++;
        return new Token(Kind.COMMA, ",", ",", start);
      }
      default -> {}
    }
    if (src.startsWith("&&", pos)) {
      pos += 2;
      return new Token(Kind.AND, "&&", "&&", start);
    }
    if (src.startsWith("||", pos)) {
      pos += 2;
      return new Token(Kind.OR, "||", "||", start);
    }
    if (cp == '!' && !src.startsWith("!=", pos)) {
      pos++;
      return new Token(Kind.NOT, "!", "!", start);
    }
    if ("+-*/%&|^<>=!:.;[]{}~".indexOf(cp) >= 0) {
      pos++;
      String op = src.substring(start, pos);
      return new Token(Kind.OTHER, op, op, start);
    }
    throw new LexException(
        start, String.format("illegal character U+%04X '%s'", cp, Character.toString(cp)));
  }

  /** An interpreted string literal starting at {@code pos}, decoded as Go's strconv.Unquote. */
  private String interpreted() throws LexException {
    int start = pos++;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    while (true) {
      if (pos >= src.length() || src.charAt(pos) == '\n') {
        throw new LexException(start, "string literal not terminated");
      }
      char c = src.charAt(pos);
      if (c == '"') {
        pos++;
        return out.toString(StandardCharsets.UTF_8);
      }
      if (c != '\\') {
        int cp = src.codePointAt(pos);
        out.writeBytes(Character.toString(cp).getBytes(StandardCharsets.UTF_8));
        pos += Character.charCount(cp);
        continue;
      }
      int escPos = pos;
      if (pos + 1 >= src.length()) {
        throw new LexException(start, "string literal not terminated");
      }
      char e = src.charAt(pos + 1);
      pos += 2;
      switch (e) {
        case 'a' -> out.write(7);
        case 'b' -> out.write(8);
        case 'f' -> out.write(12);
        case 'n' -> out.write(10);
        case 'r' -> out.write(13);
        case 't' -> out.write(9);
        case 'v' -> out.write(11);
        case '\\' -> out.write('\\');
        case '"' -> out.write('"');
        case 'x' -> out.write(digits(escPos, 2, 16));
        case 'u', 'U' -> {
          int v = digits(escPos, e == 'u' ? 4 : 8, 16);
          if (v > 0x10FFFF || v >= 0xD800 && v < 0xE000) {
            throw new LexException(escPos, "escape sequence is invalid Unicode code point");
          }
          out.writeBytes(Character.toString(v).getBytes(StandardCharsets.UTF_8));
        }
        case '0', '1', '2', '3', '4', '5', '6', '7' -> {
          pos--;
          int v = digits(escPos, 3, 8);
          if (v > 255) {
            throw new LexException(escPos, "octal escape value > 255: " + v);
          }
          out.write(v);
        }
        default -> throw new LexException(escPos, "unknown escape sequence");
      }
    }
  }

  private int digits(int escPos, int n, int radix) throws LexException {
    int v = 0;
    for (int i = 0; i < n; i++) {
      int d = pos < src.length() ? Character.digit(src.charAt(pos), radix) : -1;
      if (d < 0 || src.charAt(pos) > 127) {
        throw new LexException(escPos, "illegal character in escape sequence");
      }
      v = v * radix + d;
      pos++;
    }
    return v;
  }

  /** A lexical error at an offset. */
  static final class LexException extends Exception {
    final int offset;

    LexException(int offset, String message) {
      super(message, null, false, false);
      this.offset = offset;
    }
  }
}
