package io.cairn.common.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Loads a {@link Config}: defaults, then the YAML file (if any), then flags.
 *
 * <p>The file is a YAML map whose nesting follows the keys' dotted paths ({@code admin.address} is
 * {@code admin: {address: ...}}). Fields that no key declares are rejected, so a typo never passes
 * silently. The file is read up to {@link #MAX_FILE_BYTES}; a larger file is rejected.
 */
public final class ConfigLoader {
  /** Largest configuration file accepted: 1 MiB. */
  public static final int MAX_FILE_BYTES = 1 << 20;

  private final Map<String, ConfigKey<?>> byPath = new LinkedHashMap<>();

  public ConfigLoader(List<ConfigKey<?>> schema) {
    for (ConfigKey<?> key : schema) {
      if (byPath.put(key.path(), key) != null) {
        throw new IllegalArgumentException("config key '" + key.path() + "' is declared twice");
      }
    }
  }

  /**
   * @param file the YAML file, or empty for defaults and flags only
   * @param flags values given on the command line, as typed; they win over the file
   * @throws ConfigException on any bad input, with a one-line message
   */
  public Config load(Optional<Path> file, Map<ConfigKey<?>, String> flags) {
    Map<ConfigKey<?>, Object> values = new HashMap<>();
    byPath.values().forEach(k -> values.put(k, k.defaultValue()));
    if (file.isPresent()) {
      String where = "config file '" + file.get() + "'";
      JsonNode root = readYaml(file.get(), where);
      if (root != null && !root.isNull() && !root.isMissingNode()) {
        if (!root.isObject()) {
          throw new ConfigException(where + ": expected a map of fields at the top level");
        }
        collect(root, "", where, values);
      }
    }
    flags.forEach(
        (key, text) -> {
          if (!byPath.containsKey(key.path())) {
            throw new IllegalArgumentException("flag " + key.flag() + " is not in the schema");
          }
          values.put(key, parse(key, text, "flag " + key.flag()));
        });
    return new Config(values);
  }

  private static JsonNode readYaml(Path file, String where) {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_FILE_BYTES + 1);
    } catch (NoSuchFileException e) {
      throw new ConfigException(where + ": no such file");
    } catch (IOException e) {
      throw new ConfigException(where + ": cannot read: " + e.getMessage());
    }
    if (bytes.length > MAX_FILE_BYTES) {
      throw new ConfigException(where + ": larger than the limit of " + MAX_FILE_BYTES + " bytes");
    }
    try {
      return new YAMLMapper().readTree(bytes);
    } catch (JacksonException e) {
      var loc = e.getLocation();
      String at = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
      String why = e.getOriginalMessage().lines().findFirst().orElse("syntax error");
      throw new ConfigException(where + ": not valid YAML" + at + ": " + why);
    } catch (IOException e) {
      throw new ConfigException(where + ": cannot read: " + e.getMessage());
    }
  }

  private void collect(JsonNode node, String prefix, String where, Map<ConfigKey<?>, Object> out) {
    for (var it = node.properties().iterator(); it.hasNext(); ) {
      var field = it.next();
      String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
      JsonNode value = field.getValue();
      ConfigKey<?> key = byPath.get(path);
      if (key != null) {
        if (!value.isValueNode() || value.isNull()) {
          throw new ConfigException(
              where + ": field '" + path + "': expected a single value, got " + describe(value));
        }
        out.put(key, parse(key, value.asText(), where + ": field '" + path + "'"));
      } else if (isSection(path)) {
        if (!value.isObject()) {
          throw new ConfigException(
              where + ": field '" + path + "': expected a map with fields " + fieldsUnder(path)
                  + ", got " + describe(value));
        }
        collect(value, path, where, out);
      } else {
        throw new ConfigException(
            where + ": unknown field '" + path + "' (known fields: "
                + String.join(", ", byPath.keySet()) + ")");
      }
    }
  }

  private boolean isSection(String path) {
    return byPath.keySet().stream().anyMatch(p -> p.startsWith(path + "."));
  }

  private String fieldsUnder(String path) {
    List<String> names = new ArrayList<>();
    for (String p : byPath.keySet()) {
      if (p.startsWith(path + ".")) {
        names.add(p.substring(path.length() + 1));
      }
    }
    return names.stream().collect(Collectors.joining(", "));
  }

  private static String describe(JsonNode n) {
    if (n.isObject()) {
      return "a map";
    }
    if (n.isArray()) {
      return "a list";
    }
    if (n.isNull()) {
      return "nothing";
    }
    return "'" + n.asText() + "'";
  }

  private static <T> T parse(ConfigKey<T> key, String text, String where) {
    try {
      return key.parser().parse(text);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(where + ": " + e.getMessage() + ", got '" + shorten(text) + "'");
    }
  }

  private static String shorten(String s) {
    String oneLine = s.replaceAll("\\s+", " ");
    return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 77) + "...";
  }
}
