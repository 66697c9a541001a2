package io.cairn.gateway.provider.file;

import io.cairn.gateway.config.ConfigException;
import io.cairn.gateway.config.ConfigProblem;
import io.cairn.gateway.config.DynamicConfig;
import io.cairn.gateway.config.Validator;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Loads dynamic configuration from files: one file, a directory, or a list of paths (each a file or
 * a directory), merged as one provider named {@value #NAME}.
 *
 * <p>A directory contributes every {@code *.yml}, {@code *.yaml} and {@code *.toml} file in it and,
 * recursively, in its subdirectories, in name order (a subdirectory's files come where its name
 * sorts, as Traefik's {@code os.ReadDir} walk does); other files are ignored. Merging follows {@link
 * Merger}. A file that does not decode fails the whole load (as in Traefik); every file's problems
 * are reported, then the merged configuration is validated and problems are attributed to the file
 * that defined the element. Thread-safe: each {@link #load()} reads afresh.
 */
public final class FileProvider {
  /** The provider name that qualifies this provider's elements ({@code api@file}). */
  public static final String NAME = "file";

  private final List<Path> paths;
  private final Validator validator;

  /**
   * @param paths files or directories, at least one
   * @param validator checks the merged configuration (its provider name should be {@value #NAME})
   */
  public FileProvider(List<Path> paths, Validator validator) {
    if (paths == null || paths.isEmpty()) {
      throw new IllegalArgumentException("the file provider needs at least one file or directory, got none");
    }
    this.paths = List.copyOf(paths);
    this.validator = Objects.requireNonNull(validator, "validator");
  }

  /** The paths given (what a watcher watches). */
  public List<Path> paths() {
    return paths;
  }

  /** Reads, merges and validates; throws with every problem if anything is wrong. */
  public DynamicSnapshot load() throws ConfigException {
    List<ConfigProblem> problems = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    for (Path p : paths) {
      collect(p, files, problems, true);
    }
    Merger merger = new Merger();
    for (Path file : files) {
      try {
        String content = Files.readString(file, StandardCharsets.UTF_8);
        merger.add(file, DynamicConfig.parse(content, file.toString()));
      } catch (ConfigException e) {
        problems.addAll(e.problems());
      } catch (MalformedInputException e) {
        problems.add(new ConfigProblem(file.toString(), "", "not UTF-8 text"));
      } catch (IOException e) {
        problems.add(new ConfigProblem(file.toString(), "", "cannot read: " + e));
      }
    }
    if (problems.isEmpty()) {
      DynamicConfig merged = merger.config();
      for (ConfigProblem p : validator.check(merged)) {
        Path origin = Merger.originOf(p.key(), merger.origins());
        problems.add(origin == null ? p : p.withFile(origin.toString()));
      }
      if (problems.isEmpty()) {
        return new DynamicSnapshot(merged, files, merger.origins(), merger.warnings());
      }
    }
    throw new ConfigException(problems);
  }

  private static void collect(Path path, List<Path> files, List<ConfigProblem> problems, boolean given) {
    if (Files.isDirectory(path)) {
      try (Stream<Path> children = Files.list(path)) {
        for (Path child : children.sorted(Comparator.comparing(c -> c.getFileName().toString())).toList()) {
          collect(child, files, problems, false);
        }
      } catch (IOException e) {
        problems.add(new ConfigProblem(path.toString(), "", "cannot list the directory: " + e));
      }
    } else if (given) {
      if (!Files.isRegularFile(path)) {
        problems.add(new ConfigProblem(path.toString(), "", "no such file or directory"));
      } else {
        files.add(path);
      }
    } else if (supported(path)) {
      files.add(path);
    }
  }

  static boolean supported(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".yml") || name.endsWith(".yaml") || name.endsWith(".toml");
  }
}
