package io.cairn.monitor.template.gotemplate;

/**
 * One token of Go's text/template lexer.
 *
 * @param pos offset of the token in the template text (in chars)
 * @param line 1-based line where the token starts
 */
record Item(Type type, int pos, String val, int line) {
  /** Go's {@code itemType}; the keywords come after {@link #KEYWORD}, as in Go. */
  enum Type {
    ERROR, BOOL, CHAR, CHAR_CONSTANT, COMMENT, COMPLEX, ASSIGN, DECLARE, EOF, FIELD, IDENTIFIER,
    LEFT_DELIM, LEFT_PAREN, NUMBER, PIPE, RAW_STRING, RIGHT_DELIM, RIGHT_PAREN, SPACE, STRING, TEXT,
    VARIABLE, KEYWORD, BLOCK, BREAK, CONTINUE, DOT, DEFINE, ELSE, END, IF, NIL, RANGE, TEMPLATE, WITH;

    boolean isKeyword() {
      return ordinal() > KEYWORD.ordinal();
    }
  }

  /** Go's {@code item.String}, used in parse errors. */
  @Override
  public String toString() {
    if (type == Type.EOF) {
      return "EOF";
    }
    if (type == Type.ERROR) {
      return val;
    }
    if (type.isKeyword()) {
      return "<" + val + ">";
    }
    if (val.codePointCount(0, val.length()) > 10) {
      return GoStrings.quote(val.substring(0, val.offsetByCodePoints(0, 10))) + "...";
    }
    return GoStrings.quote(val);
  }
}
