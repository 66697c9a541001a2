package io.cairn.promql.parser;

import io.cairn.common.text.GoStrings;

/**
 * One lexical item: kind, start (a char index into the input) and the text as written (for
 * {@link TokenKind#ERROR} the message).
 */
record Token(TokenKind kind, int pos, String val) {
  int end() {
    return pos + val.length();
  }

  /** As Prometheus's {@code Item.desc()}: what "unexpected ..." messages name. */
  String desc() {
    if (kind.display != null || kind == TokenKind.AGGREGATOR) {
      return text();
    }
    if (kind == TokenKind.EOF) {
      return "end of input";
    }
    String what = switch (kind) {
      case ERROR -> "error";
      case COMMENT -> "comment";
      case IDENTIFIER -> "identifier";
      case METRIC_IDENTIFIER -> "metric identifier";
      case STRING -> "string";
      case NUMBER -> "number";
      case DURATION -> "duration";
      case AT -> "\"<Item 57385>\""; // 2.42 has no ItemTypeStr entry for '@'
      default -> kind.name();
    };
    return what + " " + text();
  }

  /** As Prometheus's {@code Item.String()}. */
  private String text() {
    if (kind == TokenKind.IDENTIFIER || kind == TokenKind.METRIC_IDENTIFIER) {
      return GoStrings.quote(val);
    }
    switch (kind.group) {
      case KEYWORD -> {
        return "<" + val + ">";
      }
      case OPERATOR -> {
        return "<op:" + val + ">";
      }
      case AGGREGATOR -> {
        return "<aggr:" + val + ">";
      }
      default -> {}
    }
    if (io.cairn.common.text.GoStrings.utf8Length(val) > 10) {
      int end = val.offsetByCodePoints(0, Math.min(10, val.codePointCount(0, val.length())));
      return GoStrings.quote(val.substring(0, end)) + "...";
    }
    return GoStrings.quote(val);
  }
}
