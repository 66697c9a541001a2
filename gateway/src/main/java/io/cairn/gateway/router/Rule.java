package io.cairn.gateway.router;

import java.util.List;

/**
 * A parsed router rule: the tree of matcher calls joined by {@code &&}, {@code ||} and {@code !}.
 * Values only; {@link Rules#compile} turns a rule into a {@link RequestMatcher}.
 */
public sealed interface Rule {

  /** {@code left && right}. */
  record And(Rule left, Rule right) implements Rule {}

  /** {@code left || right}. */
  record Or(Rule left, Rule right) implements Rule {}

  /** {@code !rule}. */
  record Not(Rule rule) implements Rule {}

  /**
   * A matcher call such as {@code Host(`example.com`)}.
   *
   * @param name the matcher's canonical name ({@code PathPrefix} for {@code pathprefix}, {@code
   *     PATHPREFIX} or {@code Pathprefix})
   * @param args the decoded string arguments, possibly none or empty strings (checked when
   *     compiling, as Traefik does)
   */
  record Call(String name, List<String> args) implements Rule {
    public Call {
      args = List.copyOf(args);
    }
  }
}
