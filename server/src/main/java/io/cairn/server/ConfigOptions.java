package io.cairn.server;

import io.cairn.common.text.PromDuration;
import io.cairn.common.config.ConfigKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * Declares one command-line option per {@link ConfigKey} and reads back the ones the user gave. Values
 * stay text here: the key's own parser checks them, so a flag and a file field fail with the same
 * message.
 */
final class ConfigOptions {
  private ConfigOptions() {}

  static void addTo(CommandSpec spec, List<ConfigKey<?>> keys) {
    for (ConfigKey<?> key : keys) {
      OptionSpec.Builder option = OptionSpec.builder(key.flag());
      if (key.defaultValue() instanceof Boolean) { // --flag alone means true, as Prometheus's and etcd's switches
        option.arity("0..1").fallbackValue("true");
      }
      spec.addOption(
          option
              .paramLabel("<" + key.path().substring(key.path().lastIndexOf('.') + 1) + ">")
              .type(String.class)
              .description(
                  key.description()
                      + " Default: "
                      + display(key.defaultValue())
                      + ". Config file: "
                      + key.path()
                      + ".")
              .build());
    }
  }

  /** The flags the user gave, with their text. */
  static Map<ConfigKey<?>, String> given(ParseResult parsed, List<ConfigKey<?>> keys) {
    Map<ConfigKey<?>, String> out = new LinkedHashMap<>();
    for (ConfigKey<?> key : keys) {
      if (parsed.hasMatchedOption(key.flag())) {
        out.put(key, parsed.matchedOption(key.flag()).getValue());
      }
    }
    return out;
  }

  /** A value as a user would type it (enums in lower case, lists comma-separated). */
  static String display(Object value) {
    return switch (value) {
      case Enum<?> e -> e.name().toLowerCase(Locale.ROOT);
      case java.time.Duration d -> new io.cairn.common.text.PromDuration(d.toMillis()).toString();
      case java.util.List<?> l -> String.join(",", l.stream().map(ConfigOptions::display).toList());
      case Map<?, ?> m ->
          String.join(
              ",",
              m.entrySet().stream()
                  .flatMap(
                      e ->
                          e.getValue() instanceof java.util.List<?> l
                              ? l.stream().map(v -> e.getKey() + "=" + v)
                              : java.util.stream.Stream.of(e.getKey() + "=" + e.getValue()))
                  .toList());
      default -> String.valueOf(value);
    };
  }
}
