package io.cairn.monitor.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A Prometheus 2.42 configuration file ({@code prometheus.yml}) as cairn understands it. Immutable.
 *
 * @param ruleFiles rule file names or globs, resolved against the config file's directory
 * @param scrapeConfigs in file order; job names are unique
 * @param alerting the {@code alerting} section ({@link AlertingConfig#EMPTY} when absent)
 * @param remoteWrite as raw values; cairn ignores it for now, as it does {@code remoteRead}, {@code
 *     storage} and {@code tracing}
 */
public record PromConfig(
    GlobalConfig global,
    List<String> ruleFiles,
    List<ScrapeConfig> scrapeConfigs,
    AlertingConfig alerting,
    List<Object> remoteWrite,
    List<Object> remoteRead,
    Map<String, Object> storage,
    Map<String, Object> tracing) {
  /** Files larger than this are refused before they are read. */
  public static final long MAX_FILE_BYTES = 16L << 20;

  public PromConfig {
    ruleFiles = List.copyOf(ruleFiles);
    scrapeConfigs = List.copyOf(scrapeConfigs);
    alerting = alerting == null ? AlertingConfig.EMPTY : alerting;
  }

  /** A config with every default and no scrape jobs, what an empty file gives. */
  public static final PromConfig EMPTY = new PromConfig(GlobalConfig.DEFAULT, List.of(), List.of(), AlertingConfig.EMPTY, List.of(), List.of(), null, null);

  /**
   * Reads and parses a configuration file; relative file names in it are resolved against the
   * file's directory. Messages start with {@code parsing YAML file <file>: } as Prometheus's do.
   *
   * @throws ConfigException the file is unreadable, larger than {@link #MAX_FILE_BYTES}, not UTF-8,
   *     or not a valid configuration
   */
  public static PromConfig load(Path file) throws ConfigException {
    String text;
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
      if (bytes.length > MAX_FILE_BYTES) {
        throw new ConfigException("config file " + file + " is larger than " + MAX_FILE_BYTES + " bytes");
      }
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new ConfigException("parsing YAML file " + file + ": the file is not valid UTF-8", e);
    } catch (IOException e) {
      throw new ConfigException("reading config file " + file + ": " + e, e);
    }
    Path dir = file.toAbsolutePath().getParent();
    try {
      return parse(text, dir);
    } catch (ConfigException e) {
      throw new ConfigException("parsing YAML file " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Parses configuration text.
   *
   * @param baseDir the directory relative file names are resolved against; null keeps them as written
   * @throws ConfigException the text is not a valid configuration; the message has no file prefix
   */
  public static PromConfig parse(String yaml, Path baseDir) throws ConfigException {
    if (yaml.length() > MAX_FILE_BYTES) {
      throw new ConfigException("config is larger than " + MAX_FILE_BYTES + " characters");
    }
    return ConfigDecoder.decode(YamlTree.parse(yaml), new Decoder(baseDir));
  }

  /** The scrape config of a job, or null. */
  public ScrapeConfig scrapeConfig(String jobName) {
    return scrapeConfigs.stream().filter(s -> s.jobName().equals(jobName)).findFirst().orElse(null);
  }
}
