package io.cairn.monitor.relabel;

import java.util.Locale;

/** A relabelling action of Prometheus 2.42; the YAML name is the lower-case constant name. */
public enum Action {
  REPLACE,
  KEEP,
  DROP,
  KEEPEQUAL,
  DROPEQUAL,
  HASHMOD,
  LABELMAP,
  LABELDROP,
  LABELKEEP,
  LOWERCASE,
  UPPERCASE;

  /** The name as written in a configuration file, e.g. {@code labeldrop}. */
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses an action name, ignoring case as Prometheus does.
   *
   * @throws IllegalArgumentException {@code unknown relabel action "foo"}
   */
  public static Action parse(String s) {
    for (Action a : values()) {
      if (a.yamlName().equals(s.toLowerCase(Locale.ROOT))) {
        return a;
      }
    }
    throw new IllegalArgumentException("unknown relabel action \"" + s + "\"");
  }

  @Override
  public String toString() {
    return yamlName();
  }
}
