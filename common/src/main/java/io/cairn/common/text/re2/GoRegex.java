package io.cairn.common.text.re2;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A Go (RE2) regular expression, fully anchored as Prometheus anchors its matchers and relabelling
 * expressions ({@code ^(?:re)$}), run by {@link java.util.regex} after {@link Re2Syntax} has
 * rewritten it. Syntax, meaning and compile errors are Go 1.19's {@code regexp.Compile} (as in
 * Prometheus 2.42): {@code .} does not match {@code \n} unless {@code (?s)}, {@code $} is end of
 * text unless {@code (?m)}, {@code \d \w \s \b} are ASCII. Immutable and thread-safe. Equality is
 * by the expression as written.
 *
 * <p>Java's engine backtracks where Go's does not: a pathological expression such as {@code
 * (a*)*b} can take exponential time on long input, and deep alternation on very long input can
 * exhaust the stack; such a match counts as no match rather than an error (see the package's limits).
 */
public final class GoRegex {
  private static final int FLAGS = Pattern.UNIX_LINES | Pattern.UNICODE_CASE;

  private final String expr;
  private final Pattern pattern;
  private final List<String> groupNames;

  private GoRegex(String expr, Pattern pattern, List<String> groupNames) {
    this.expr = expr;
    this.pattern = pattern;
    this.groupNames = groupNames;
  }

  /**
   * Compiles {@code ^(?:expr)$} as Go's {@code regexp.Compile} does (Prometheus's {@code
   * relabel.NewRegexp} and {@code labels.NewMatcher}).
   *
   * @throws IllegalArgumentException with exactly Go's error text, {@code error parsing regexp:
   *     <what>: `<where>`}, e.g. {@code error parsing regexp: missing closing ): `^(?:()$`}
   */
  public static GoRegex compile(String expr) {
    String anchored = "^(?:" + expr + ")$";
    Re2Syntax.Translated t = Re2Syntax.translate(anchored);
    Pattern p;
    try {
      p = Pattern.compile(t.javaPattern(), FLAGS);
    } catch (PatternSyntaxException e) {
      // the translation is meant to be valid Java; should it not be, say so in Go's form
      throw new IllegalArgumentException("error parsing regexp: " + e.getDescription() + ": `" + anchored + "`", e);
    } catch (StackOverflowError e) {
      throw new IllegalArgumentException("error parsing regexp: expression nests too deeply: `" + anchored + "`");
    }
    return new GoRegex(expr, p, t.groupNames());
  }

  /**
   * Compiles {@code expr} without anchors, as Go's {@code regexp.Compile} (for Prometheus's template
   * functions {@code match} and {@code reReplaceAll}): use {@code pattern().matcher(s).find()}.
   * {@link #matches} and {@link #submatches} still require the whole input to match.
   *
   * @throws IllegalArgumentException with exactly Go's error text, e.g. {@code error parsing
   *     regexp: missing closing ): `(`}
   */
  public static GoRegex compileUnanchored(String expr) {
    Re2Syntax.Translated t = Re2Syntax.translate(expr);
    Pattern p;
    try {
      p = Pattern.compile(t.javaPattern(), FLAGS);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("error parsing regexp: " + e.getDescription() + ": `" + expr + "`", e);
    } catch (StackOverflowError e) {
      throw new IllegalArgumentException("error parsing regexp: expression nests too deeply: `" + expr + "`");
    }
    return new GoRegex(expr, p, t.groupNames());
  }

  /**
   * Compiles {@code expr} for a label matcher as Prometheus 2.42's {@code labels.NewFastRegexMatcher}
   * does: {@link #compile} and then Go's {@code syntax.Parse} of {@code expr} alone, so an
   * expression that only balances inside the anchors, such as {@code a)(}, is refused too.
   *
   * @throws IllegalArgumentException with exactly Go's error text
   */
  public static GoRegex compileMatcher(String expr) {
    GoRegex re = compile(expr);
    Re2Syntax.translate(expr);
    return re;
  }

  /**
   * The Java translation of the anchored expression: {@code pattern().matcher(s).matches()} (or
   * {@code find()}) is Go's {@code MatchString}.
   */
  public Pattern pattern() {
    return pattern;
  }

  /** The expression as written, without the anchors. */
  public String expr() {
    return expr;
  }

  /** Whether the whole of {@code s} matches. */
  public boolean matches(String s) {
    try {
      return pattern.matcher(s).matches();
    } catch (StackOverflowError e) {
      return false;
    }
  }

  /**
   * Go's {@code FindStringSubmatchIndex} for the anchored expression: start and end of the match
   * and of each group ({@code -1} for a group that did not take part), or null for no match.
   */
  public int[] submatches(String s) {
    try {
      Matcher m = pattern.matcher(s);
      if (!m.matches()) {
        return null;
      }
      int[] idx = new int[2 * (m.groupCount() + 1)];
      for (int g = 0; g <= m.groupCount(); g++) {
        idx[2 * g] = m.start(g);
        idx[2 * g + 1] = m.end(g);
      }
      return idx;
    } catch (StackOverflowError e) {
      return null;
    }
  }

  /**
   * Go's {@code Regexp.ExpandString}: {@code template} with {@code $1}, {@code ${1}}, {@code $name}
   * and {@code ${name}} replaced by the groups of {@code match} in {@code src}; see {@link GoExpand}.
   */
  public String expand(String template, String src, int[] match) {
    return GoExpand.expand(template, src, match, groupNames);
  }

  /**
   * Go's {@code Regexp.ReplaceAllString}: every non-overlapping match of this expression in {@code
   * src} (searched, as {@code find}; an empty match right after the previous match is skipped, as in
   * Go) replaced by {@code template} expanded with {@link #expand}.
   *
   * @throws IllegalArgumentException {@code regular expression too complex for the input} when the
   *     match exhausts the stack
   */
  public String replaceAll(String src, String template) {
    StringBuilder out = new StringBuilder();
    Matcher m = pattern.matcher(src);
    int lastMatchEnd = 0;
    int copied = 0;
    try {
      while (m.find()) {
        int start = m.start();
        int end = m.end();
        if (end > lastMatchEnd || start == 0) {
          int[] idx = new int[2 * (m.groupCount() + 1)];
          for (int g = 0; g <= m.groupCount(); g++) {
            idx[2 * g] = m.start(g);
            idx[2 * g + 1] = m.end(g);
          }
          out.append(src, copied, start);
          out.append(expand(template, src, idx));
          copied = end;
        }
        lastMatchEnd = end;
      }
    } catch (StackOverflowError e) {
      throw new IllegalArgumentException("regular expression too complex for the input");
    }
    return out.append(src, copied, src.length()).toString();
  }

  List<String> groupNames() {
    return groupNames;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GoRegex other && other.expr.equals(expr);
  }

  @Override
  public int hashCode() {
    return expr.hashCode();
  }

  @Override
  public String toString() {
    return expr;
  }
}
