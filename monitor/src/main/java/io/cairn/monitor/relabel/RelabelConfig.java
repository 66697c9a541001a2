package io.cairn.monitor.relabel;

import io.cairn.common.text.re2.GoRegex;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One relabelling step, as Prometheus's {@code relabel.Config}. Construct with {@link #of} (which
 * validates as Prometheus does on load) or {@link #builder()}; the canonical constructor only
 * checks for nulls, so a record built directly is the caller's responsibility.
 *
 * @param sourceLabels labels whose values are joined with {@code separator}; may be empty
 * @param separator default {@code ;}
 * @param regex matched against the joined value (or, for labelmap/labeldrop/labelkeep, each label
 *     name); default {@code (.*)}
 * @param modulus for hashmod, must be non-zero there; 0 elsewhere by default
 * @param targetLabel the label written (replace may use {@code $} templates in it)
 * @param replacement Go template for replace and labelmap; default {@code $1}
 * @param action default replace
 */
public record RelabelConfig(
    List<String> sourceLabels,
    String separator,
    GoRegex regex,
    long modulus,
    String targetLabel,
    String replacement,
    Action action) {
  public static final String DEFAULT_SEPARATOR = ";";
  public static final String DEFAULT_REGEX = "(.*)";
  public static final String DEFAULT_REPLACEMENT = "$1";

  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
  /** Prometheus's {@code relabelTarget}: a label name that may contain $templates. */
  private static final Pattern TEMPLATED_NAME = Pattern.compile("(?:(?:[a-zA-Z_]|\\$(?:\\{\\w+}|\\w+))+\\w*)+");

  public RelabelConfig {
    sourceLabels = List.copyOf(sourceLabels);
    Objects.requireNonNull(separator, "separator");
    Objects.requireNonNull(regex, "regex");
    Objects.requireNonNull(targetLabel, "targetLabel");
    Objects.requireNonNull(replacement, "replacement");
    Objects.requireNonNull(action, "action");
  }

  /** Whether {@code name} is a valid Prometheus 2.x label name: {@code [a-zA-Z_][a-zA-Z0-9_]*}. */
  public static boolean isValidLabelName(String name) {
    return LABEL_NAME.matcher(name).matches();
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * A validated config; arguments left null take Prometheus's defaults. As in Prometheus, giving
   * a value (even the default one) counts as setting it: keepequal with {@code regex: (.*)} is an
   * error, and so is labeldrop with {@code source_labels: []}.
   *
   * @throws IllegalArgumentException with Prometheus's message, e.g. {@code relabel configuration
   *     for replace action requires 'target_label' value}
   */
  public static RelabelConfig of(
      List<String> sourceLabels, String separator, String regex, Long modulus, String targetLabel, String replacement, Action action) {
    for (String l : sourceLabels == null ? List.<String>of() : sourceLabels) {
      if (!isValidLabelName(l)) {
        throw new IllegalArgumentException("\"" + l + "\" is not a valid label name");
      }
    }
    RelabelConfig c = new RelabelConfig(
        sourceLabels == null ? List.of() : sourceLabels,
        separator == null ? DEFAULT_SEPARATOR : separator,
        GoRegex.compile(regex == null ? DEFAULT_REGEX : regex),
        modulus == null ? 0 : modulus,
        targetLabel == null ? "" : targetLabel,
        replacement == null ? DEFAULT_REPLACEMENT : replacement,
        action == null ? Action.REPLACE : action);
    c.validate(sourceLabels != null, regex != null);
    return c;
  }

  private void validate(boolean sourceLabelsSet, boolean regexSet) {
    String a = action.yamlName();
    boolean needsTarget = switch (action) {
      case REPLACE, HASHMOD, LOWERCASE, UPPERCASE, KEEPEQUAL, DROPEQUAL -> true;
      default -> false;
    };
    if (modulus == 0 && action == Action.HASHMOD) {
      throw new IllegalArgumentException("relabel configuration for hashmod requires non-zero modulus");
    }
    if (needsTarget && targetLabel.isEmpty()) {
      throw new IllegalArgumentException("relabel configuration for " + a + " action requires 'target_label' value");
    }
    boolean templated = targetLabel.contains("$");
    boolean targetOk = switch (action) {
      case REPLACE -> templated ? TEMPLATED_NAME.matcher(targetLabel).matches() : isValidLabelName(targetLabel);
      case LOWERCASE, UPPERCASE, KEEPEQUAL, DROPEQUAL, HASHMOD -> isValidLabelName(targetLabel);
      default -> true;
    };
    if (!targetOk) {
      throw new IllegalArgumentException("\"" + targetLabel + "\" is invalid 'target_label' for " + a + " action");
    }
    boolean noReplacement = switch (action) {
      case LOWERCASE, UPPERCASE, KEEPEQUAL, DROPEQUAL -> true;
      default -> false;
    };
    if (noReplacement && !replacement.equals(DEFAULT_REPLACEMENT)) {
      throw new IllegalArgumentException("'replacement' can not be set for " + a + " action");
    }
    if (action == Action.LABELMAP && !TEMPLATED_NAME.matcher(replacement).matches()) {
      throw new IllegalArgumentException("\"" + replacement + "\" is invalid 'replacement' for " + a + " action");
    }
    if ((action == Action.KEEPEQUAL || action == Action.DROPEQUAL)
        && (regexSet || modulus != 0 || !separator.equals(DEFAULT_SEPARATOR) || !replacement.equals(DEFAULT_REPLACEMENT))) {
      throw new IllegalArgumentException(a + " action requires only 'source_labels' and `target_label`, and no other fields");
    }
    if ((action == Action.LABELDROP || action == Action.LABELKEEP)
        && (sourceLabelsSet || !targetLabel.isEmpty() || modulus != 0 || !separator.equals(DEFAULT_SEPARATOR) || !replacement.equals(DEFAULT_REPLACEMENT))) {
      throw new IllegalArgumentException(a + " action requires only 'regex', and no other fields");
    }
  }

  /** Collects fields and validates on {@link #build}. Not thread-safe. */
  public static final class Builder {
    private List<String> sourceLabels;
    private String separator;
    private String regex;
    private Long modulus;
    private String targetLabel;
    private String replacement;
    private Action action;

    private Builder() {}

    public Builder sourceLabels(String... labels) { this.sourceLabels = List.of(labels); return this; }
    public Builder separator(String s) { this.separator = s; return this; }
    public Builder regex(String r) { this.regex = r; return this; }
    public Builder modulus(long m) { this.modulus = m; return this; }
    public Builder targetLabel(String t) { this.targetLabel = t; return this; }
    public Builder replacement(String r) { this.replacement = r; return this; }
    public Builder action(Action a) { this.action = a; return this; }

    /** @throws IllegalArgumentException as {@link RelabelConfig#of} */
    public RelabelConfig build() {
      return of(sourceLabels, separator, regex, modulus, targetLabel, replacement, action);
    }
  }
}
