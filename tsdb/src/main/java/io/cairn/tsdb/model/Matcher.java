package io.cairn.tsdb.model;

import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A label matcher, as Prometheus's {@code labels.Matcher}: {@code name="v"}, {@code name!="v"},
 * {@code name=~"re"}, {@code name!~"re"}. A missing label has the value "" for matching, so {@code
 * job=""} selects series without a {@code job} label. Regular expressions are fully anchored (the
 * whole value must match), as in Prometheus. Immutable and thread-safe.
 */
public record Matcher(Type type, String name, String value, Pattern pattern) {
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

  public Matcher {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }

  /**
   * A matcher; for the regex types {@code value} is compiled here.
   *
   * @throws IllegalArgumentException if a regex does not compile; the message names the matcher
   */
  public static Matcher of(Type type, String name, String value) {
    Pattern p = null;
    if (type == Type.REGEX || type == Type.NOT_REGEX) {
      try {
        p = Pattern.compile("(?:" + value + ")");
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException(regexError(type, name, value, e), e);
      }
    }
    return new Matcher(type, name, value, p);
  }

  /**
   * The error for a regex that does not compile. Where Go's {@code regexp} names the whole
   * expression Prometheus compiles ({@code ^(?:value)$}) its words are used ({@code error parsing
   * regexp: missing closing ): `^(?:()$`}); Java's description otherwise.
   */
  private static String regexError(Type type, String name, String value, PatternSyntaxException e) {
    String anchored = "`^(?:" + value + ")$`";
    if (e.getDescription().startsWith("Unclosed group")) {
      return "error parsing regexp: missing closing ): " + anchored;
    }
    if (e.getDescription().startsWith("Unmatched closing ')'")) {
      return "error parsing regexp: unexpected ): " + anchored;
    }
    return "invalid regular expression in matcher " + name + type.symbol + "\"" + value + "\": " + e.getDescription();
  }

  public static Matcher equal(String name, String value) {
    return of(Type.EQUAL, name, value);
  }

  /** Whether a label value ("" when absent) satisfies this matcher. */
  public boolean matches(String v) {
    return switch (type) {
      case EQUAL -> v.equals(value);
      case NOT_EQUAL -> !v.equals(value);
      case REGEX -> pattern.matcher(v).matches();
      case NOT_REGEX -> !pattern.matcher(v).matches();
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
