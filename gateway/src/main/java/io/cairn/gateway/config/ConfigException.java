package io.cairn.gateway.config;

import static io.cairn.gateway.config.Checks.requireArgument;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A configuration that could not be decoded or did not validate. Carries every problem found, not
 * only the first, so that one run of {@code cairn gateway validate} shows them all.
 */
public final class ConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  private final List<ConfigProblem> problems;

  /**
   * @param problems at least one problem; copied
   */
  public ConfigException(List<ConfigProblem> problems) {
    super(render(problems));
    this.problems = List.copyOf(problems);
  }

  /** The problems, in the order they were found; never empty. */
  public List<ConfigProblem> problems() {
    return problems;
  }

  private static String render(List<ConfigProblem> problems) {
    requireArgument(!problems.isEmpty(), "a ConfigException needs at least one problem, got none");
    String head =
        problems.size() == 1 ? "invalid configuration: " : "invalid configuration (" + problems.size() + " problems):";
    if (problems.size() == 1) {
      return head + problems.getFirst();
    }
    return problems.stream().map(p -> "\n  " + p).collect(Collectors.joining("", head, ""));
  }
}
