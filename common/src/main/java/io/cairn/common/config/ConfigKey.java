package io.cairn.common.config;

import java.util.Objects;

/**
 * One typed setting.
 *
 * @param path dotted path in the YAML file, e.g. {@code admin.address}
 * @param flag the command-line flag that overrides it, e.g. {@code --admin-address}
 * @param parser turns the file's or the flag's text into the value
 * @param defaultValue used when neither the file nor a flag sets it; never null
 * @param description one line for the README and {@code --help}
 */
public record ConfigKey<T>(
    String path, String flag, ValueParser<T> parser, T defaultValue, String description) {

  public ConfigKey {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(flag, "flag");
    Objects.requireNonNull(parser, "parser");
    Objects.requireNonNull(defaultValue, "defaultValue of " + path);
    Objects.requireNonNull(description, "description");
    if (!path.matches("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*")) {
      throw new IllegalArgumentException(
          "config path must be dotted lower-case words, got '" + path + "'");
    }
    if (!flag.startsWith("--")) {
      throw new IllegalArgumentException("flag must start with --, got '" + flag + "'");
    }
  }

  public static <T> ConfigKey<T> of(
      String path, String flag, ValueParser<T> parser, T defaultValue, String description) {
    return new ConfigKey<>(path, flag, parser, defaultValue, description);
  }
}
