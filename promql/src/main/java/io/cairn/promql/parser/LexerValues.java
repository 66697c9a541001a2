package io.cairn.promql.parser;

/** The value-scanning states of {@link Lexer}: strings, numbers, durations, identifiers, comments, series values. */
final class LexerValues {
  private static final int EOF = -1;

  private LexerValues() {}

  static Token comment(Lexer l) {
    l.nextRune(); // '#'
    int r = l.nextRune();
    while (r != '\r' && r != '\n' && r != EOF) {
      r = l.nextRune();
    }
    l.backup();
    return l.emit(TokenKind.COMMENT);
  }

  /** A quoted string; the opening quote has been read. */
  static Token string(Lexer l, int quote) {
    while (true) {
      int r = l.nextRune();
      if (quote == '`') {
        if (r == 0xFFFD) {
          return l.error("invalid UTF-8 rune");
        } else if (r == EOF) {
          return l.error("unterminated raw string");
        } else if (r == quote) {
          return l.emit(TokenKind.STRING);
        }
        continue;
      }
      if (r == '\\') {
        String err = escape(l, quote);
        if (err != null) {
          return l.error(err);
        }
      } else if (r == 0xFFFD) {
        return l.error("invalid UTF-8 rune");
      } else if (r == EOF || r == '\n') {
        return l.error("unterminated quoted string");
      } else if (r == quote) {
        return l.emit(TokenKind.STRING);
      }
    }
  }

  /** lex.go's lexEscape: null if the escape is well formed, else the message. */
  private static String escape(Lexer l, int quote) {
    int ch = l.nextRune();
    int n;
    int base;
    int max;
    switch (ch) {
      case 'a', 'b', 'f', 'n', 'r', 't', 'v', '\\' -> {
        return null;
      }
      case '0', '1', '2', '3', '4', '5', '6', '7' -> {
        n = 3;
        base = 8;
        max = 255;
      }
      case 'x' -> {
        ch = l.nextRune();
        n = 2;
        base = 16;
        max = 255;
      }
      case 'u' -> {
        ch = l.nextRune();
        n = 4;
        base = 16;
        max = Character.MAX_CODE_POINT;
      }
      case 'U' -> {
        ch = l.nextRune();
        n = 8;
        base = 16;
        max = Character.MAX_CODE_POINT;
      }
      case EOF -> {
        return "escape sequence not terminated";
      }
      default -> {
        if (ch == quote) {
          return null;
        }
        return "unknown escape sequence " + GoText.unicode(ch);
      }
    }
    long x = 0;
    while (n > 0) {
      int d = Character.digit(ch, 16);
      if (ch > 0x7f || d < 0 || d >= base) {
        if (ch == EOF) {
          return "escape sequence not terminated";
        }
        return "illegal character " + GoText.unicode(ch) + " in escape sequence";
      }
      x = x * base + d;
      n--;
      if (n > 0) {
        ch = l.nextRune();
      }
    }
    if (x > max || (0xD800 <= x && x < 0xE000)) {
      return "escape sequence is an invalid Unicode code point";
    }
    return null;
  }

  /** lex.go's scanNumber: whether a number was scanned that is not followed by a letter or digit. */
  static boolean scanNumber(Lexer l, boolean seriesDesc) {
    String digits = "0123456789";
    if (!seriesDesc && l.accept("0") && l.accept("xX")) {
      digits = "0123456789abcdefABCDEF";
    }
    l.acceptRun(digits);
    if (l.accept(".")) {
      l.acceptRun(digits);
    }
    if (l.accept("eE")) {
      l.accept("+-");
      l.acceptRun("0123456789");
    }
    int r = l.peekRune();
    return (seriesDesc && r == 'x') || !Lexer.isAlphaNumeric(r);
  }

  static boolean acceptRemainingDuration(Lexer l) {
    if (!l.accept("smhdwy")) {
      return false;
    }
    l.accept("s");
    while (l.accept("0123456789")) {
      l.acceptRun("0123456789");
      if (!l.accept("smhdw")) {
        return false;
      }
      l.accept("s");
    }
    return !Lexer.isAlphaNumeric(l.nextRune());
  }

  static Token numberOrDuration(Lexer l) {
    if (scanNumber(l, false)) {
      return l.emit(TokenKind.NUMBER);
    }
    if (acceptRemainingDuration(l)) {
      l.backup();
      return l.emit(TokenKind.DURATION);
    }
    return l.error("bad number or duration syntax: " + io.cairn.common.text.GoStrings.quote(l.pending()));
  }

  /** lex.go's lexDuration, the state right after '['. */
  static Token duration(Lexer l) {
    if (scanNumber(l, false)) {
      return l.error("missing unit character in duration");
    }
    if (!acceptRemainingDuration(l)) {
      return l.error("bad duration syntax: " + io.cairn.common.text.GoStrings.quote(l.pending()));
    }
    l.backup();
    return l.emit(TokenKind.DURATION);
  }

  static Token keywordOrIdentifier(Lexer l, boolean seriesDesc) {
    int r;
    do {
      r = l.nextRune();
    } while (Lexer.isAlphaNumeric(r) || r == ':');
    l.backup();
    String word = l.pending();
    TokenKind kw = TokenKind.keyword(word);
    Token t;
    if (kw != null) {
      t = l.emit(kw);
    } else if (!word.contains(":")) {
      t = l.emit(TokenKind.IDENTIFIER);
    } else {
      t = l.emit(TokenKind.METRIC_IDENTIFIER);
    }
    if (seriesDesc && l.peekRune() != '{') {
      l.setValueSequence(true);
    }
    return t;
  }

  /** lex.go's lexValueSequence, after the metric of a series description. */
  static Token valueSequence(Lexer l) {
    int r = l.nextRune();
    if (r == EOF) {
      l.setValueSequence(false);
      return null;
    }
    if (Lexer.isSpace(r)) {
      Token t = l.emit(TokenKind.SPACE);
      while (Lexer.isSpace(l.peekRune())) {
        l.nextRune();
      }
      l.ignore();
      return t;
    }
    switch (r) {
      case '+' -> {
        return l.emit(TokenKind.ADD);
      }
      case '-' -> {
        return l.emit(TokenKind.SUB);
      }
      case 'x' -> {
        return l.emit(TokenKind.TIMES);
      }
      case '_' -> {
        return l.emit(TokenKind.BLANK);
      }
      default -> {}
    }
    if (Lexer.isDigit(r) || (r == '.' && Lexer.isDigit(l.peekRune()))) {
      l.backup();
      if (!scanNumber(l, true)) {
        return l.error("bad number syntax: " + io.cairn.common.text.GoStrings.quote(l.pending()));
      }
      return l.emit(TokenKind.NUMBER);
    }
    if (Lexer.isAlpha(r)) {
      l.backup();
      return keywordOrIdentifier(l, true);
    }
    return l.error("unexpected character in series sequence: " + GoText.quoteRune(r));
  }
}
