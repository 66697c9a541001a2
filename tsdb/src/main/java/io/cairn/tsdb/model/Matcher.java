package io.cairn.tsdb.model;

import io.cairn.common.text.re2.GoRegex;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A label matcher, as Prometheus's {@code labels.Matcher}: {@code name="v"}, {@code name!="v"},
 * {@code name=~"re"}, {@code name!~"re"}. A missing label has the value "" for matching, so {@code
 * job=""} selects series without a {@code job} label. Regular expressions are Go RE2 syntax and
 * meaning, fully anchored as {@code ^(?:re)$} (the whole value must match; {@code .} does not match
 * a newline unless {@code (?s)}), compiled by {@link GoRegex#compileMatcher} as Prometheus 2.42's
 * {@code labels.NewMatcher} does. Common shapes skip the regex engine: a plain literal, a literal
 * alternation {@code a|b|c}, {@code prefix.*}, {@code .*} and {@code .+}. Immutable and thread-safe;
 * equality is by type, name and value.
 */
public final class Matcher {
  public enum Type {
    EQUAL("="),
    NOT_EQUAL("!="),
    REGEX("=~"),
    NOT_REGEX("!~");

    private final String symbol;

    Type(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }
  }

  /** How a regex matcher decides without the regex engine, when it can. */
  private enum Fast {
    NONE, LITERAL, SET, PREFIX_ANY, ANY, NON_EMPTY
  }

  private static final String META = "\\.+*?()|[]{}^$";

  private final Type type;
  private final String name;
  private final String value;
  /** Character reads one regex match may make: this plus {@link #MATCH_BUDGET_PER_CHAR} per character. */
  public static final long MATCH_BUDGET_BASE = 1_000_000;

  /** See {@link #MATCH_BUDGET_BASE}. */
  public static final long MATCH_BUDGET_PER_CHAR = 10_000;

  private final Pattern pattern;
  private final Fast fast;
  private final String literal;
  private final Set<String> set;

  private Matcher(Type type, String name, String value, Pattern pattern, Fast fast, String literal, Set<String> set) {
    this.type = type;
    this.name = name;
    this.value = value;
    this.pattern = pattern;
    this.fast = fast;
    this.literal = literal;
    this.set = set;
  }

  /**
   * A matcher; for the regex types {@code value} is compiled here.
   *
   * @throws IllegalArgumentException if a regex does not compile, with exactly Go's {@code
   *     regexp.Compile} message, e.g. {@code error parsing regexp: missing closing ]: `[a)$`}
   */
  public static Matcher of(Type type, String name, String value) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    if (type != Type.REGEX && type != Type.NOT_REGEX) {
      return new Matcher(type, name, value, null, Fast.NONE, null, null);
    }
    Pattern p = GoRegex.compileMatcher(value).pattern();
    if (isLiteral(value)) {
      return new Matcher(type, name, value, p, Fast.LITERAL, value, null);
    }
    if (value.equals(".*")) {
      return new Matcher(type, name, value, p, Fast.ANY, null, null);
    }
    if (value.equals(".+")) {
      return new Matcher(type, name, value, p, Fast.NON_EMPTY, null, null);
    }
    if (value.endsWith(".*") && isLiteral(value.substring(0, value.length() - 2))) {
      return new Matcher(type, name, value, p, Fast.PREFIX_ANY, value.substring(0, value.length() - 2), null);
    }
    if (value.indexOf('|') >= 0) {
      String[] alternatives = value.split("\\|", -1);
      if (Arrays.stream(alternatives).allMatch(Matcher::isLiteral)) {
        return new Matcher(type, name, value, p, Fast.SET, null, Set.of(Arrays.stream(alternatives).distinct().toArray(String[]::new)));
      }
    }
    return new Matcher(type, name, value, p, Fast.NONE, null, null);
  }

  /** Whether {@code s} holds no regex metacharacter, so it matches exactly itself. */
  private static boolean isLiteral(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (META.indexOf(s.charAt(i)) >= 0) {
        return false;
      }
    }
    return true;
  }

  public Type type() {
    return type;
  }

  public String name() {
    return name;
  }

  public String value() {
    return value;
  }

  /** For the regex types, the compiled anchored expression ({@code matcher(v).matches()}); else null. */
  public Pattern pattern() {
    return pattern;
  }

  public static Matcher equal(String name, String value) {
    return of(Type.EQUAL, name, value);
  }

  /**
   * Whether a label value ("" when absent) satisfies this matcher.
   *
   * @throws RegexBudgetExceededException if a regex needs more than the match budget on {@code v}
   *     (catastrophic backtracking); Prometheus's linear-time engine would have answered
   */
  public boolean matches(String v) {
    return switch (type) {
      case EQUAL -> v.equals(value);
      case NOT_EQUAL -> !v.equals(value);
      case REGEX -> regexMatches(v);
      case NOT_REGEX -> !regexMatches(v);
    };
  }

  private boolean regexMatches(String v) {
    return switch (fast) {
      case LITERAL -> v.equals(literal);
      case SET -> set.contains(v);
      case ANY -> v.indexOf('\n') < 0;
      case NON_EMPTY -> !v.isEmpty() && v.indexOf('\n') < 0;
      case PREFIX_ANY -> v.startsWith(literal) && v.indexOf('\n', literal.length()) < 0;
      case NONE -> {
        try {
          yield pattern.matcher(new BudgetedChars(v, MATCH_BUDGET_BASE + MATCH_BUDGET_PER_CHAR * (long) v.length())).matches();
        } catch (BudgetedChars.Exhausted e) {
          throw new RegexBudgetExceededException(value, v.length());
        } catch (StackOverflowError e) {
          yield false; // as GoRegex: a match that exhausts the stack counts as no match
        }
      }
    };
  }

  /** Whether the series' labels satisfy this matcher. */
  public boolean matches(Labels labels) {
    return matches(labels.get(name));
  }

  /** Whether this matcher selects series that lack the label (it matches ""). */
  public boolean matchesEmpty() {
    return matches("");
  }

  @Override
  public String toString() {
    return name + type.symbol + io.cairn.common.text.GoStrings.quote(value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Matcher m && m.type == type && m.name.equals(name) && m.value.equals(value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, name, value);
  }
}
