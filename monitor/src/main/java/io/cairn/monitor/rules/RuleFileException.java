package io.cairn.monitor.rules;

import java.io.Serial;
import java.util.List;

/**
 * Rule files that cannot be used. {@link #errors()} are Prometheus's messages, each prefixed with
 * the file name as {@code promtool check rules} prints them ({@code rules.yml: 5:15: group "g",
 * rule 1, "r": could not parse expression: ...}); the message is all of them, one per line.
 */
public final class RuleFileException extends Exception {
  @Serial private static final long serialVersionUID = 1L;

  private final List<String> errors;

  public RuleFileException(List<String> errors) {
    super(String.join("\n", errors));
    this.errors = List.copyOf(errors);
  }

  /** The errors in Prometheus's order; never empty. */
  public List<String> errors() {
    return errors;
  }
}
