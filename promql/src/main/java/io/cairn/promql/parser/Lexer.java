package io.cairn.promql.parser;

/**
 * PromQL's lexer after Prometheus 2.42's {@code lex.go}: the same tokens, the same states (inside
 * braces, inside brackets, series descriptions) and the same error texts. Positions are char
 * indices. After an {@link TokenKind#ERROR} token every further call returns {@link TokenKind#EOF}.
 */
final class Lexer {
  private static final int EOF = -1;

  private final String in;
  private final boolean seriesDesc;
  private int pos;
  private int start;
  private int width;
  private int parenDepth;
  private boolean braceOpen;
  private boolean bracketOpen;
  private boolean gotColon;
  private boolean valueSequence;
  private boolean pendingDuration;
  private boolean done;

  Lexer(String input, boolean seriesDesc) {
    this.in = input;
    this.seriesDesc = seriesDesc;
  }

  /** Start of the token being scanned: where Prometheus places lexer errors. */
  int start() {
    return start;
  }

  String input() {
    return in;
  }

  Token next() {
    if (done) {
      return new Token(TokenKind.EOF, in.length(), "");
    }
    Token t = scan();
    if (t.kind() == TokenKind.ERROR || t.kind() == TokenKind.EOF) {
      done = true;
    }
    return t;
  }

  private Token scan() {
    while (true) {
      Token t;
      if (pendingDuration) {
        pendingDuration = false;
        t = LexerValues.duration(this);
      } else if (valueSequence) {
        t = LexerValues.valueSequence(this);
      } else if (braceOpen) {
        t = insideBraces();
      } else {
        t = statements();
      }
      if (t != null) {
        return t;
      }
    }
  }

  // ---- primitives, as lex.go's

  int nextRune() {
    if (pos >= in.length()) {
      width = 0;
      return EOF;
    }
    int r = in.codePointAt(pos);
    width = Character.charCount(r);
    pos += width;
    return r;
  }

  int peekRune() {
    int r = nextRune();
    backup();
    return r;
  }

  void backup() {
    pos -= width;
  }

  boolean accept(String valid) {
    int r = nextRune();
    if (r != EOF && valid.indexOf(r) >= 0) {
      return true;
    }
    backup();
    return false;
  }

  void acceptRun(String valid) {
    while (accept(valid)) {
      // consume
    }
  }

  Token emit(TokenKind kind) {
    Token t = new Token(kind, start, in.substring(start, pos));
    start = pos;
    return t;
  }

  Token error(String message) {
    return new Token(TokenKind.ERROR, start, message);
  }

  void ignore() {
    start = pos;
  }

  String pending() {
    return in.substring(start, pos);
  }

  void setValueSequence(boolean on) {
    valueSequence = on;
  }

  static boolean isSpace(int r) {
    return r == ' ' || r == '\t' || r == '\n' || r == '\r';
  }

  static boolean isAlpha(int r) {
    return r == '_' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z');
  }

  static boolean isDigit(int r) {
    return r >= '0' && r <= '9';
  }

  static boolean isAlphaNumeric(int r) {
    return isAlpha(r) || isDigit(r);
  }

  private void skipSpaces() {
    while (isSpace(peekRune())) {
      nextRune();
    }
    ignore();
  }

  // ---- states

  private Token statements() {
    if (in.startsWith("#", pos)) {
      return LexerValues.comment(this);
    }
    int r = nextRune();
    switch (r) {
      case EOF -> {
        if (parenDepth != 0) {
          return error("unclosed left parenthesis");
        } else if (bracketOpen) {
          return error("unclosed left bracket");
        }
        return emit(TokenKind.EOF);
      }
      case ',' -> {
        return emit(TokenKind.COMMA);
      }
      case '*' -> {
        return emit(TokenKind.MUL);
      }
      case '/' -> {
        return emit(TokenKind.DIV);
      }
      case '%' -> {
        return emit(TokenKind.MOD);
      }
      case '+' -> {
        return emit(TokenKind.ADD);
      }
      case '-' -> {
        return emit(TokenKind.SUB);
      }
      case '^' -> {
        return emit(TokenKind.POW);
      }
      case '@' -> {
        return emit(TokenKind.AT);
      }
      case '=' -> {
        int t = peekRune();
        if (t == '=') {
          nextRune();
          return emit(TokenKind.EQLC);
        } else if (t == '~') {
          return error("unexpected character after '=': " + GoText.quoteRune(t));
        }
        return emit(TokenKind.EQL);
      }
      case '!' -> {
        int t = nextRune();
        if (t != '=') {
          return error("unexpected character after '!': " + GoText.quoteRune(t));
        }
        return emit(TokenKind.NEQ);
      }
      case '<', '>' -> {
        if (peekRune() == '=') {
          nextRune();
          return emit(r == '<' ? TokenKind.LTE : TokenKind.GTE);
        }
        return emit(r == '<' ? TokenKind.LSS : TokenKind.GTR);
      }
      case '"', '\'', '`' -> {
        return LexerValues.string(this, r);
      }
      case '(' -> {
        parenDepth++;
        return emit(TokenKind.LEFT_PAREN);
      }
      case ')' -> {
        Token t = emit(TokenKind.RIGHT_PAREN);
        parenDepth--;
        return parenDepth < 0 ? error("unexpected right parenthesis " + GoText.quoteRune(r)) : t;
      }
      case '{' -> {
        braceOpen = true;
        return emit(TokenKind.LEFT_BRACE);
      }
      case '[' -> {
        if (bracketOpen) {
          return error("unexpected left bracket " + GoText.quoteRune(r));
        }
        gotColon = false;
        Token t = emit(TokenKind.LEFT_BRACKET);
        skipSpaces();
        bracketOpen = true;
        pendingDuration = true;
        return t;
      }
      case ']' -> {
        if (!bracketOpen) {
          return error("unexpected right bracket " + GoText.quoteRune(r));
        }
        bracketOpen = false;
        return emit(TokenKind.RIGHT_BRACKET);
      }
      default -> {}
    }
    if (isSpace(r)) {
      skipSpaces();
      return null;
    }
    if (isDigit(r) || (r == '.' && isDigit(peekRune()))) {
      backup();
      return LexerValues.numberOrDuration(this);
    }
    if (isAlpha(r) || r == ':') {
      if (!bracketOpen) {
        backup();
        return LexerValues.keywordOrIdentifier(this, seriesDesc);
      }
      if (gotColon) {
        return error("unexpected colon " + GoText.quoteRune(r));
      }
      gotColon = true;
      return emit(TokenKind.COLON);
    }
    return error("unexpected character: " + GoText.quoteRune(r));
  }


  private Token insideBraces() {
    if (in.startsWith("#", pos)) {
      return LexerValues.comment(this);
    }
    int r = nextRune();
    if (r == EOF) {
      return error("unexpected end of input inside braces");
    }
    if (isSpace(r)) {
      skipSpaces();
      return null;
    }
    if (isAlpha(r)) {
      backup();
      while (isAlphaNumeric(nextRune())) {
        // absorb
      }
      backup();
      return emit(TokenKind.IDENTIFIER);
    }
    switch (r) {
      case ',' -> {
        return emit(TokenKind.COMMA);
      }
      case '"', '\'', '`' -> {
        return LexerValues.string(this, r);
      }
      case '=' -> {
        if (nextRune() == '~') {
          return emit(TokenKind.EQL_REGEX);
        }
        backup();
        return emit(TokenKind.EQL);
      }
      case '!' -> {
        int nr = nextRune();
        if (nr == '~') {
          return emit(TokenKind.NEQ_REGEX);
        } else if (nr == '=') {
          return emit(TokenKind.NEQ);
        }
        return error("unexpected character after '!' inside braces: " + GoText.quoteRune(nr));
      }
      case '{' -> {
        return error("unexpected left brace " + GoText.quoteRune(r));
      }
      case '}' -> {
        braceOpen = false;
        Token t = emit(TokenKind.RIGHT_BRACE);
        if (seriesDesc) {
          valueSequence = true;
        }
        return t;
      }
      default -> {
        return error("unexpected character inside braces: " + GoText.quoteRune(r));
      }
    }
  }
}
