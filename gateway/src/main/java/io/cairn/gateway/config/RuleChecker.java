package io.cairn.gateway.config;

import java.util.Optional;

/**
 * Checks a router rule's syntax for the {@link Validator}; implemented by the rule parser in {@code
 * io.cairn.gateway.router}, which this package does not depend on.
 *
 * <p>Implementations must be thread-safe and must not throw for any input: a rule that does not
 * parse is reported through the returned message.
 */
@FunctionalInterface
public interface RuleChecker {

  /**
   * @param rule the rule as written, e.g. {@code Host(`example.com`) && PathPrefix(`/api`)}; never
   *     null, never empty (the validator reports empty rules itself)
   * @param syntax {@code "v3"} or {@code "v2"} (the router's {@code ruleSyntax}, else the static
   *     {@code core.defaultRuleSyntax})
   * @return empty if the rule parses, else what is wrong with it (one line)
   */
  Optional<String> check(String rule, String syntax);

  /** Accepts every rule; for tests and for validating before the rule parser exists. */
  static RuleChecker acceptAll() {
    return (rule, syntax) -> Optional.empty();
  }
}
