package io.cairn.monitor.template.gotemplate;

/**
 * Bounds on one execution, so that a hostile template cannot hang or exhaust the server.
 *
 * @param maxOutputChars output longer than this fails the execution (default 1 MiB of chars)
 * @param maxSteps evaluated nodes and commands (default 1,000,000)
 * @param maxDepth nested {@code template} calls (default 100; Go allows 100,000)
 */
public record Limits(int maxOutputChars, long maxSteps, int maxDepth) {
  /** The defaults. */
  public static final Limits DEFAULT = new Limits(1 << 20, 1_000_000, 100);
}
