package io.cairn.monitor.template.gotemplate;

import io.cairn.monitor.template.gotemplate.Item.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Go 1.19's text/template lexer ({@code text/template/parse/lex.go}) with the delimiters {@code
 * {{ }}}, run to completion up front: the tokens, ending with an EOF or an ERROR token (whose value
 * is Go's message). Comments are dropped, as Go does without {@code ParseComments}.
 */
final class Lexer {
  private static final String LEFT = "{{";
  private static final String RIGHT = "}}";
  private static final Map<String, Type> KEYWORDS = Map.ofEntries(
      Map.entry(".", Type.DOT), Map.entry("block", Type.BLOCK), Map.entry("break", Type.BREAK),
      Map.entry("continue", Type.CONTINUE), Map.entry("define", Type.DEFINE), Map.entry("else", Type.ELSE),
      Map.entry("end", Type.END), Map.entry("if", Type.IF), Map.entry("range", Type.RANGE),
      Map.entry("nil", Type.NIL), Map.entry("template", Type.TEMPLATE), Map.entry("with", Type.WITH));
  private static final int EOF = -1;

  private final String input;
  private final List<Item> items = new ArrayList<>();
  private int start;
  private int pos;
  private int line = 1;
  private int startLine = 1;
  private int parenDepth;

  private Lexer(String input) {
    this.input = input;
  }

  /** The tokens of {@code text}, ending with EOF or ERROR. */
  static List<Item> lex(String text) {
    Lexer l = new Lexer(text);
    l.run();
    return l.items;
  }

  private void run() {
    boolean more = true;
    while (more) {
      more = inAction ? insideAction() : text();
    }
  }

  private boolean inAction;

  // ---- helpers

  private int next() {
    if (pos >= input.length()) {
      return EOF;
    }
    int r = input.codePointAt(pos);
    pos += Character.charCount(r);
    if (r == '\n') {
      line++;
    }
    return r;
  }

  private int peek() {
    return pos >= input.length() ? EOF : input.codePointAt(pos);
  }

  private void backup(int r) {
    if (r == EOF) {
      return;
    }
    pos -= Character.charCount(r);
    if (r == '\n') {
      line--;
    }
  }

  private void emit(Type t) {
    items.add(new Item(t, start, input.substring(start, pos), startLine));
    start = pos;
    startLine = line;
  }

  private void ignore() {
    start = pos;
    startLine = line;
  }

  private void advance(int n) {
    for (int i = 0; i < n; i++) {
      next();
    }
  }

  private boolean error(String msg) {
    items.add(new Item(Type.ERROR, start, msg, startLine));
    return false;
  }

  private boolean accept(String valid) {
    int r = next();
    if (r != EOF && valid.indexOf(r) >= 0) {
      return true;
    }
    backup(r);
    return false;
  }

  private void acceptRun(String valid) {
    int r;
    do {
      r = next();
    } while (r != EOF && valid.indexOf(r) >= 0);
    backup(r);
  }

  static boolean isSpace(int r) {
    return r == ' ' || r == '\t' || r == '\r' || r == '\n';
  }

  static boolean isAlphaNumeric(int r) {
    return r == '_' || Character.isLetter(r) || Character.isDigit(r);
  }

  private static int count(String s, int from, int to, char c) {
    int n = 0;
    for (int i = from; i < to; i++) {
      if (s.charAt(i) == c) {
        n++;
      }
    }
    return n;
  }

  private boolean hasLeftTrimMarker(int at) {
    return at + 1 < input.length() && input.charAt(at) == '-' && isSpace(input.charAt(at + 1));
  }

  private boolean hasRightTrimMarker(int at) {
    return at + 1 < input.length() && isSpace(input.charAt(at)) && input.charAt(at + 1) == '-';
  }

  /** 0: not at a right delimiter; 1: at one; 2: at a trim-marked one. */
  private int atRightDelim() {
    if (hasRightTrimMarker(pos) && input.startsWith(RIGHT, pos + 2)) {
      return 2;
    }
    return input.startsWith(RIGHT, pos) ? 1 : 0;
  }

  private void skipLeadingSpace() {
    while (pos < input.length() && isSpace(input.charAt(pos))) {
      next();
    }
    ignore();
  }

  // ---- states (each returns false when lexing is over)

  /** Text up to the next left delimiter, then the delimiter. */
  private boolean text() {
    int x = input.indexOf(LEFT, pos);
    if (x < 0) {
      advance(input.length() - pos);
      if (pos > start) {
        emit(Type.TEXT);
      }
      emit(Type.EOF);
      return false;
    }
    advance(x - pos);
    int end = pos;
    if (hasLeftTrimMarker(x + LEFT.length())) {
      while (end > start && isSpace(input.charAt(end - 1))) {
        end--;
      }
    }
    if (end > start) {
      items.add(new Item(Type.TEXT, start, input.substring(start, end), startLine));
    }
    ignore();
    return leftDelim();
  }

  private boolean leftDelim() {
    advance(LEFT.length());
    boolean trim = hasLeftTrimMarker(pos);
    int after = trim ? 2 : 0;
    if (input.startsWith("/*", pos + after)) {
      advance(after);
      ignore();
      return comment();
    }
    emit(Type.LEFT_DELIM);
    advance(after);
    ignore();
    parenDepth = 0;
    inAction = true;
    return true;
  }

  private boolean comment() {
    advance(2);
    int x = input.indexOf("*/", pos);
    if (x < 0) {
      return error("unclosed comment");
    }
    advance(x + 2 - pos);
    int delim = atRightDelim();
    if (delim == 0) {
      return error("comment ends before closing delimiter");
    }
    advance((delim == 2 ? 2 : 0) + RIGHT.length());
    ignore();
    if (delim == 2) {
      skipLeadingSpace();
    }
    inAction = false;
    return true;
  }

  private boolean rightDelim() {
    boolean trim = hasRightTrimMarker(pos);
    if (trim) {
      advance(2);
      ignore();
    }
    advance(RIGHT.length());
    emit(Type.RIGHT_DELIM);
    if (trim) {
      skipLeadingSpace();
    }
    inAction = false;
    return true;
  }

  /** One token inside an action. */
  private boolean insideAction() {
    int delim = atRightDelim();
    if (delim != 0) {
      if (parenDepth == 0) {
        return rightDelim();
      }
      return error("unclosed left paren");
    }
    int r = next();
    if (r == EOF) {
      return error("unclosed action");
    }
    if (isSpace(r)) {
      backup(r);
      return space();
    }
    switch (r) {
      case '=' -> emit(Type.ASSIGN);
      case ':' -> {
        if (next() != '=') {
          return error("expected :=");
        }
        emit(Type.DECLARE);
      }
      case '|' -> emit(Type.PIPE);
      case '"' -> {
        return quote();
      }
      case '`' -> {
        return rawQuote();
      }
      case '$' -> {
        return variable();
      }
      case '\'' -> {
        return charConstant();
      }
      case '(' -> {
        emit(Type.LEFT_PAREN);
        parenDepth++;
      }
      case ')' -> {
        emit(Type.RIGHT_PAREN);
        parenDepth--;
        if (parenDepth < 0) {
          return error("unexpected right paren " + GoStrings.unicodeQuote(r));
        }
      }
      default -> {
        if (r == '.' && pos < input.length() && (input.charAt(pos) < '0' || input.charAt(pos) > '9')) {
          return fieldOrVariable(Type.FIELD);
        }
        if (r == '.' || r == '+' || r == '-' || (r >= '0' && r <= '9')) {
          backup(r);
          return number();
        }
        if (isAlphaNumeric(r)) {
          backup(r);
          return identifier();
        }
        if (r <= 0x7f && r >= 0x20 && r != 0x7f) {
          emit(Type.CHAR);
        } else {
          return error("unrecognized character in action: " + GoStrings.unicodeQuote(r));
        }
      }
    }
    return true;
  }

  private boolean space() {
    int n = 0;
    while (isSpace(peek())) {
      next();
      n++;
    }
    if (hasRightTrimMarker(pos - 1) && input.startsWith(RIGHT, pos - 1 + 2)) {
      backup(input.charAt(pos - 1));
      if (n == 1) {
        return rightDelim();
      }
    }
    emit(Type.SPACE);
    return true;
  }

  private boolean identifier() {
    int r;
    do {
      r = next();
    } while (isAlphaNumeric(r));
    backup(r);
    String word = input.substring(start, pos);
    if (!atTerminator()) {
      return error("bad character " + GoStrings.unicodeQuote(r));
    }
    Type kw = KEYWORDS.get(word);
    if (kw != null && kw.isKeyword()) {
      emit(kw);
    } else if (word.charAt(0) == '.') {
      emit(Type.FIELD);
    } else if (word.equals("true") || word.equals("false")) {
      emit(Type.BOOL);
    } else {
      emit(Type.IDENTIFIER);
    }
    return true;
  }

  private boolean variable() {
    if (atTerminator()) {
      emit(Type.VARIABLE);
      return true;
    }
    return fieldOrVariable(Type.VARIABLE);
  }

  private boolean fieldOrVariable(Type t) {
    if (atTerminator()) {
      emit(t == Type.VARIABLE ? Type.VARIABLE : Type.DOT);
      return true;
    }
    int r;
    do {
      r = next();
    } while (isAlphaNumeric(r));
    backup(r);
    if (!atTerminator()) {
      return error("bad character " + GoStrings.unicodeQuote(r));
    }
    emit(t);
    return true;
  }

  private boolean atTerminator() {
    int r = peek();
    if (isSpace(r)) {
      return true;
    }
    return switch (r) {
      case EOF, '.', ',', '|', ':', ')', '(' -> true;
      default -> r == RIGHT.charAt(0);
    };
  }

  private boolean charConstant() {
    return escapedUntil('\'', "unterminated character constant", Type.CHAR_CONSTANT);
  }

  private boolean number() {
    if (!scanNumber()) {
      return error("bad number syntax: " + GoStrings.quote(input.substring(start, pos)));
    }
    int sign = peek();
    if (sign == '+' || sign == '-') {
      if (!scanNumber() || input.charAt(pos - 1) != 'i') {
        return error("bad number syntax: " + GoStrings.quote(input.substring(start, pos)));
      }
      emit(Type.COMPLEX);
    } else {
      emit(Type.NUMBER);
    }
    return true;
  }

  private boolean scanNumber() {
    accept("+-");
    String digits = "0123456789_";
    if (accept("0")) {
      if (accept("xX")) {
        digits = "0123456789abcdefABCDEF_";
      } else if (accept("oO")) {
        digits = "01234567_";
      } else if (accept("bB")) {
        digits = "01_";
      }
    }
    acceptRun(digits);
    if (accept(".")) {
      acceptRun(digits);
    }
    if (digits.length() == 11 && accept("eE")) {
      accept("+-");
      acceptRun("0123456789_");
    }
    if (digits.length() == 23 && accept("pP")) {
      accept("+-");
      acceptRun("0123456789_");
    }
    accept("i");
    if (isAlphaNumeric(peek())) {
      next();
      return false;
    }
    return true;
  }

  private boolean quote() {
    return escapedUntil('"', "unterminated quoted string", Type.STRING);
  }

  /** Go's lexChar and lexQuote: up to {@code close}, backslash escapes skipped, not across a newline. */
  private boolean escapedUntil(char close, String unterminated, Type type) {
    while (true) {
      int r = next();
      if (r == '\\') {
        r = next();
        if (r != EOF && r != '\n') {
          continue;
        }
      }
      if (r == EOF || r == '\n') {
        return error(unterminated);
      }
      if (r == close) {
        break;
      }
    }
    emit(type);
    return true;
  }

  private boolean rawQuote() {
    while (true) {
      int r = next();
      if (r == EOF) {
        return error("unterminated raw quoted string");
      }
      if (r == '`') {
        break;
      }
    }
    emit(Type.RAW_STRING);
    return true;
  }
}
