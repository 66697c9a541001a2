package io.cairn.gateway.router;

/**
 * A rule that Traefik would refuse: bad syntax, an unknown matcher, a wrong number of arguments,
 * an empty argument, a bad regular expression, IP or CIDR. The message reads like Traefik's: {@code
 * error while parsing rule <rule>: <problem>}.
 */
public final class RuleSyntaxException extends Exception {
  private final String rule;
  private final String problem;

  public RuleSyntaxException(String rule, String problem) {
    super("error while parsing rule " + rule + ": " + problem);
    this.rule = rule;
    this.problem = problem;
  }

  /** The rule text as given. */
  public String rule() {
    return rule;
  }

  /** What is wrong, without the rule, e.g. {@code unsupported function: Hots}. */
  public String problem() {
    return problem;
  }
}
