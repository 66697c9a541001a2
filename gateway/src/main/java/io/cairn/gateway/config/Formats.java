package io.cairn.gateway.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Turns YAML or TOML text into a tree, or into problems. Limits (each with its reason):
 *
 * <ul>
 *   <li>{@link #MAX_FILE_BYTES} (8 MiB): a configuration file is hand-written; anything larger is a
 *       mistake or an attack.
 *   <li>nesting depth {@value #MAX_DEPTH}: Traefik's deepest option is about 8 levels down.
 *   <li>YAML aliases per document {@value #MAX_ALIASES} (SnakeYAML's default; stops "billion
 *       laughs").
 * </ul>
 *
 * <p>YAML is read as Go's yaml.v3 reads it where it matters: {@code yes}, {@code no}, {@code on},
 * {@code off} are strings, not booleans. Duplicate keys in one mapping are errors, as in Go's yaml.v3 and TOML itself. Only the first
 * YAML document of a file is read. Thread-safe: the mappers are immutable after construction.
 */
final class Formats {
  /** Largest configuration file accepted, in bytes. */
  static final int MAX_FILE_BYTES = 8 * 1024 * 1024;

  static final int MAX_DEPTH = 64;
  static final int MAX_ALIASES = 50;

  /** The configuration file formats Traefik reads. */
  enum Format {
    YAML,
    TOML
  }

  private static final ObjectMapper YAML_MAPPER;
  private static final ObjectMapper TOML_MAPPER;

  static {
    LoaderOptions loader = new LoaderOptions();
    loader.setMaxAliasesForCollections(MAX_ALIASES);
    loader.setNestingDepthLimit(MAX_DEPTH);
    loader.setCodePointLimit(MAX_FILE_BYTES);
    loader.setAllowDuplicateKeys(false);
    StreamReadConstraints constraints = StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build();
    YAMLFactory yaml = YAMLFactory.builder().loaderOptions(loader).streamReadConstraints(constraints)
        // Go's yaml.v3 reads yes/no/on/off as strings (YAML 1.2); so does Traefik
        .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
        .build();
    YAML_MAPPER = new ObjectMapper(yaml).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    TomlFactory toml = TomlFactory.builder().streamReadConstraints(constraints).build();
    TOML_MAPPER = new ObjectMapper(toml).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  }

  private Formats() {}

  /** The format of {@code file} by its extension ({@code .yml}, {@code .yaml}, {@code .toml}, any case). */
  static Optional<Format> byExtension(Path file) {
    return byName(file.getFileName() == null ? "" : file.getFileName().toString());
  }

  /** As {@link #byExtension(Path)}, for a file name given as text. */
  static Optional<Format> byName(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".yml") || name.endsWith(".yaml")) {
      return Optional.of(Format.YAML);
    }
    if (name.endsWith(".toml")) {
      return Optional.of(Format.TOML);
    }
    return Optional.empty();
  }

  /**
   * The tree of {@code content}; an empty document is an empty mapping. On a syntax error, records
   * one problem with key {@code ""} naming the line and column, and returns empty.
   */
  static Optional<JsonNode> parse(String content, Format format, Problems problems) {
    if (content.length() > MAX_FILE_BYTES) {
      problems.add("", "file too large: " + content.length() + " characters, the limit is " + MAX_FILE_BYTES);
      return Optional.empty();
    }
    ObjectMapper mapper = format == Format.YAML ? YAML_MAPPER : TOML_MAPPER;
    try {
      JsonNode tree = mapper.readTree(content);
      if (tree == null || tree.isMissingNode() || tree.isNull()) {
        return Optional.of(mapper.createObjectNode());
      }
      return Optional.of(tree);
    } catch (JsonProcessingException e) {
      problems.add("", "invalid " + format + ": " + describe(e));
    } catch (RuntimeException | StackOverflowError e) {
      // The parsers' own exceptions escape Jackson's wrapping for some malformed input.
      problems.add("", "invalid " + format + ": " + firstLine(String.valueOf(e.getMessage())));
    }
    return Optional.empty();
  }

  private static String describe(JsonProcessingException e) {
    String message = firstLine(String.valueOf(e.getOriginalMessage()));
    JsonLocation at = e.getLocation();
    if (at != null && at.getLineNr() > 0) {
      message += " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }
    return message;
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    String line = (nl < 0 ? s : s.substring(0, nl)).strip();
    return line.isEmpty() ? "malformed input" : line;
  }
}
