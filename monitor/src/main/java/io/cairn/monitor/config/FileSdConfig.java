package io.cairn.monitor.config;

import io.cairn.common.text.PromDuration;
import java.util.List;

/**
 * File-based discovery: JSON or YAML files of {@link TargetGroup}s. Each name ends in {@code .json},
 * {@code .yml} or {@code .yaml} and may use a {@code *} glob in its last path element only; names
 * are resolved against the config file's directory.
 */
public record FileSdConfig(List<String> files, PromDuration refreshInterval) {
  public static final PromDuration DEFAULT_REFRESH = PromDuration.ofMinutes(5);

  public FileSdConfig {
    files = List.copyOf(files);
  }
}
