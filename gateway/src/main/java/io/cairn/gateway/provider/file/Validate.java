package io.cairn.gateway.provider.file;

import io.cairn.gateway.config.ConfigException;
import io.cairn.gateway.config.ConfigProblem;
import io.cairn.gateway.config.RuleChecker;
import io.cairn.gateway.config.StaticConfig;
import io.cairn.gateway.config.Validator;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Offline validation for {@code cairn gateway validate FILE...}: the given files and directories
 * are read as one file provider would read them (merged), decoded and validated; nothing is served.
 */
public final class Validate {
  private Validate() {}

  /** Every problem in {@code paths}, with rule syntax not checked; empty when all is well. */
  public static List<ConfigProblem> files(List<Path> paths) {
    return files(paths, RuleChecker.acceptAll(), Optional.empty());
  }

  /**
   * Every problem in {@code paths}.
   *
   * @param rules checks router rules
   * @param staticConfig when present, entry points and certificate resolvers are checked against it
   */
  public static List<ConfigProblem> files(List<Path> paths, RuleChecker rules, Optional<StaticConfig> staticConfig) {
    try {
      new FileProvider(paths, new Validator(rules, staticConfig, FileProvider.NAME)).load();
      return List.of();
    } catch (ConfigException e) {
      return e.problems();
    }
  }
}
