package io.cairn.gateway.router;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Entry points for router rules: parse, compile, check, and Traefik's default priority.
 * Stateless and thread-safe.
 */
public final class Rules {
  private Rules() {}

  /**
   * Parses rule text in a syntax.
   *
   * @param rule the rule text, not null
   * @param syntax {@code v2} or {@code v3}; null, empty or unknown means v3 (see {@link
   *     RuleSyntax#of})
   * @throws RuleSyntaxException for text Traefik's parser refuses (matcher arguments are not yet
   *     checked: {@link #compile} does that)
   */
  public static Rule parse(String rule, String syntax) throws RuleSyntaxException {
    return RuleParser.parse(rule, RuleSyntax.of(syntax));
  }

  /**
   * Parses and compiles rule text into a thread-safe matcher, checking every matcher's arguments
   * (count, emptiness, paths, regular expressions, IPs and CIDRs) as Traefik does, left to right.
   *
   * @throws RuleSyntaxException for the first problem found, worded like Traefik's
   */
  public static RequestMatcher compile(String rule, String syntax) throws RuleSyntaxException {
    RuleSyntax s = RuleSyntax.of(syntax);
    return compile(rule, RuleParser.parse(rule, s), s);
  }

  /**
   * Checks rule text without keeping the matcher.
   *
   * @return empty when the rule is valid, else the problem, e.g. {@code error while parsing rule
   *     Host(``): error while checking rule Host: empty args for matcher Host, []}
   */
  public static Optional<String> check(String rule, String syntax) {
    if (rule == null) {
      return Optional.of("the rule is missing");
    }
    try {
      compile(rule, syntax);
      return Optional.empty();
    } catch (RuleSyntaxException e) {
      return Optional.of(e.getMessage());
    }
  }

  /**
   * Traefik's default priority of a rule: its length in UTF-8 bytes (Go's {@code len(rule)}).
   */
  public static int defaultPriority(String rule) {
    return rule.getBytes(StandardCharsets.UTF_8).length;
  }

  static RequestMatcher compile(String text, Rule rule, RuleSyntax syntax)
      throws RuleSyntaxException {
    return switch (rule) {
      case Rule.And and -> {
        RequestMatcher l = compile(text, and.left(), syntax);
        RequestMatcher r = compile(text, and.right(), syntax);
        yield req -> l.matches(req) && r.matches(req);
      }
      case Rule.Or or -> {
        RequestMatcher l = compile(text, or.left(), syntax);
        RequestMatcher r = compile(text, or.right(), syntax);
        yield req -> l.matches(req) || r.matches(req);
      }
      case Rule.Not not -> {
        RequestMatcher inner = compile(text, not.rule(), syntax);
        yield req -> !inner.matches(req);
      }
      case Rule.Call call -> compileCall(text, call, syntax);
    };
  }

  private static RequestMatcher compileCall(String text, Rule.Call call, RuleSyntax syntax)
      throws RuleSyntaxException {
    if (call.args().isEmpty()) {
      throw new RuleSyntaxException(text, "error while checking rule " + call.name()
          + ": no args for matcher " + call.name());
    }
    if (call.args().stream().anyMatch(String::isEmpty)) {
      throw new RuleSyntaxException(text, "error while checking rule " + call.name()
          + ": empty args for matcher " + call.name() + ", [" + String.join(" ", call.args())
          + "]");
    }
    try {
      return syntax == RuleSyntax.V2 ? MatchersV2.compile(call) : MatchersV3.compile(call);
    } catch (IllegalArgumentException e) {
      throw new RuleSyntaxException(text,
          "error while adding rule " + call.name() + ": " + e.getMessage());
    }
  }
}
