package io.cairn.server;

import io.cairn.common.config.CommonKeys;
import io.cairn.common.config.ConfigKey;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cairn up}: every service that exists, in this one process, on the embedded defaults. */
@Command(
    name = "up",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Run every cairn service in one process: a single-node stack with data under --data-dir.",
      "Prints where each endpoint listens; stops cleanly on SIGTERM or SIGINT."
    })
final class UpCommand implements Callable<Integer> {
  /** Settings {@code cairn up} understands; service modules add theirs as they land. */
  static final List<ConfigKey<?>> KEYS =
      java.util.stream.Stream.of(CommonKeys.ALL, io.cairn.kv.server.KvKeys.ALL, io.cairn.monitor.server.MonitorKeys.ALL,
          io.cairn.gateway.runtime.GatewayKeys.ALL).flatMap(List::stream).toList();

  @Spec CommandSpec spec;

  @Option(
      names = "--config",
      paramLabel = "<file>",
      description = "YAML configuration file. Flags win over its fields.")
  Path configFile;

  static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new UpCommand());
    ConfigOptions.addTo(cl.getCommandSpec(), KEYS);
    return cl;
  }

  @Override
  public Integer call() throws Exception {
    return Serve.run(spec, configFile, KEYS, "cairn up", Stack::up);
  }
}
