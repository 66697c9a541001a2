package io.cairn.gateway.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects problems while one source (a file, the flags) is decoded or checked. Not thread-safe:
 * one instance per decoding pass.
 */
final class Problems {
  private final String file;
  private final List<ConfigProblem> list = new ArrayList<>();

  /**
   * @param file the source's name for every problem collected; {@code null} for flags
   */
  Problems(String file) {
    this.file = file;
  }

  void add(String key, String message) {
    list.add(new ConfigProblem(file, key, message));
  }

  void addAll(List<ConfigProblem> problems) {
    list.addAll(problems);
  }

  String file() {
    return file;
  }

  boolean isEmpty() {
    return list.isEmpty();
  }

  List<ConfigProblem> list() {
    return List.copyOf(list);
  }

  /** Throws a {@link ConfigException} with everything collected, if anything was. */
  void throwIfAny() throws ConfigException {
    if (!list.isEmpty()) {
      throw new ConfigException(list);
    }
  }
}
