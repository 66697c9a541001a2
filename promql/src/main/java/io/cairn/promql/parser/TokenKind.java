package io.cairn.promql.parser;

/** The lexer's token types, as Prometheus's {@code ItemType}s, with the text Prometheus shows for each. */
enum TokenKind {
  EOF(null, Group.OTHER),
  ERROR(null, Group.OTHER),
  COMMENT(null, Group.OTHER),
  IDENTIFIER(null, Group.OTHER),
  METRIC_IDENTIFIER(null, Group.OTHER),
  NUMBER(null, Group.OTHER),
  STRING(null, Group.OTHER),
  DURATION(null, Group.OTHER),
  LEFT_PAREN("(", Group.OTHER),
  RIGHT_PAREN(")", Group.OTHER),
  LEFT_BRACE("{", Group.OTHER),
  RIGHT_BRACE("}", Group.OTHER),
  LEFT_BRACKET("[", Group.OTHER),
  RIGHT_BRACKET("]", Group.OTHER),
  COMMA(",", Group.OTHER),
  EQL("=", Group.OTHER),
  COLON(":", Group.OTHER),
  SEMICOLON(";", Group.OTHER),
  BLANK("_", Group.OTHER),
  TIMES("x", Group.OTHER),
  SPACE("<space>", Group.OTHER),
  ADD("+", Group.OPERATOR),
  SUB("-", Group.OPERATOR),
  MUL("*", Group.OPERATOR),
  DIV("/", Group.OPERATOR),
  MOD("%", Group.OPERATOR),
  POW("^", Group.OPERATOR),
  EQLC("==", Group.OPERATOR),
  NEQ("!=", Group.OPERATOR),
  LTE("<=", Group.OPERATOR),
  LSS("<", Group.OPERATOR),
  GTE(">=", Group.OPERATOR),
  GTR(">", Group.OPERATOR),
  EQL_REGEX("=~", Group.OPERATOR),
  NEQ_REGEX("!~", Group.OPERATOR),
  AT(null, Group.OPERATOR),
  LAND("and", Group.OPERATOR),
  LOR("or", Group.OPERATOR),
  LUNLESS("unless", Group.OPERATOR),
  ATAN2("atan2", Group.OPERATOR),
  AGGREGATOR(null, Group.AGGREGATOR),
  BOOL("bool", Group.KEYWORD),
  BY("by", Group.KEYWORD),
  GROUP_LEFT("group_left", Group.KEYWORD),
  GROUP_RIGHT("group_right", Group.KEYWORD),
  IGNORING("ignoring", Group.KEYWORD),
  OFFSET("offset", Group.KEYWORD),
  ON("on", Group.KEYWORD),
  WITHOUT("without", Group.KEYWORD),
  START("start", Group.OTHER),
  END("end", Group.OTHER);

  enum Group {
    OTHER,
    OPERATOR,
    AGGREGATOR,
    KEYWORD
  }

  /** Prometheus's {@code ItemTypeStr} entry, or null when there is none. */
  final String display;

  final Group group;

  TokenKind(String display, Group group) {
    this.display = display;
    this.group = group;
  }

  /** The keyword (any case) for {@code word}, or null; {@code inf} and {@code nan} are numbers. */
  static TokenKind keyword(String word) {
    String w = word.toLowerCase(java.util.Locale.ROOT);
    if (w.equals("inf") || w.equals("nan")) {
      return NUMBER;
    }
    if (AggregationOp.byKeyword(w) != null) {
      return AGGREGATOR;
    }
    for (TokenKind k : values()) {
      if (k.display != null && k.group != Group.OTHER && k.display.equals(w) && Character.isLetter(w.charAt(0))) {
        return k;
      }
    }
    return switch (w) {
      case "start" -> START;
      case "end" -> END;
      default -> null;
    };
  }

  /** Tokens that may name a metric in an expression ({@code metric_identifier} of the grammar). */
  boolean isMetricIdentifier() {
    return switch (this) {
      case AGGREGATOR, BY, IDENTIFIER, LAND, LOR, LUNLESS, METRIC_IDENTIFIER, OFFSET, WITHOUT, START, END -> true;
      default -> false;
    };
  }

  /** Tokens that may be a label in {@code by (...)} and friends ({@code maybe_label}). */
  boolean isMaybeLabel() {
    return switch (this) {
      case AGGREGATOR, BOOL, BY, GROUP_LEFT, GROUP_RIGHT, IDENTIFIER, IGNORING, LAND, LOR, LUNLESS,
          METRIC_IDENTIFIER, OFFSET, ON, WITHOUT, START, END, ATAN2 -> true;
      default -> false;
    };
  }
}
