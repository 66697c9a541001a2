package io.cairn.gateway.router;

/**
 * A compiled rule. Implementations are immutable and thread-safe, precompile everything at build
 * time, and never throw for any {@link RequestView} that honours its contract.
 */
@FunctionalInterface
public interface RequestMatcher {

  /** Whether the request satisfies the rule. */
  boolean matches(RequestView request);
}
