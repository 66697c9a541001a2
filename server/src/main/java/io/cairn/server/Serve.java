package io.cairn.server;

import io.cairn.common.config.CommonKeys;
import io.cairn.common.config.Config;
import io.cairn.common.config.ConfigKey;
import io.cairn.common.config.ConfigLoader;
import io.cairn.common.lifecycle.ServiceGroup;
import io.cairn.common.logging.Logging;
import io.cairn.common.metrics.Metrics;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import picocli.CommandLine.Model.CommandSpec;

/** What every serving command does: load config, set up logging and metrics, run a service group. */
final class Serve {
  private Serve() {}

  static int run(
      CommandSpec spec,
      Path configFile,
      List<ConfigKey<?>> keys,
      String what,
      BiFunction<Config, Metrics, ServiceGroup> stack)
      throws Exception {
    Config config =
        new ConfigLoader(keys)
            .load(Optional.ofNullable(configFile), ConfigOptions.given(spec.commandLine().getParseResult(), keys));
    Logging.configure(config.get(CommonKeys.LOG_FORMAT), config.get(CommonKeys.LOG_LEVEL));
    return ProcessRunner.run(stack.apply(config, Metrics.create()), what, spec.commandLine().getOut());
  }
}
