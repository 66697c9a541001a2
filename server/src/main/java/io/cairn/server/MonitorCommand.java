package io.cairn.server;

import io.cairn.common.config.CommonKeys;
import io.cairn.common.config.ConfigKey;
import io.cairn.monitor.server.MonitorKeys;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cairn monitor}: Prometheus-compatible scraping, ingest and storage, taking Prometheus's flags. */
@Command(
    name = "monitor",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Run a Prometheus-compatible monitor: scraping, remote write and InfluxDB line protocol ingest, storage.",
      "Takes Prometheus's flags in Prometheus's spelling; data goes under <data-dir>/monitor unless --storage.tsdb.path says otherwise."
    })
final class MonitorCommand implements Callable<Integer> {
  static final List<ConfigKey<?>> KEYS = Stream.of(CommonKeys.ALL, MonitorKeys.ALL).flatMap(List::stream).toList();

  @Spec CommandSpec spec;

  @Option(names = "--config", paramLabel = "<file>", description = "YAML configuration file. Flags win over its fields.")
  Path configFile;

  static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new MonitorCommand());
    ConfigOptions.addTo(cl.getCommandSpec(), KEYS);
    cl.addSubcommand("import", new CommandLine(new MonitorImportCommand()));
    return cl;
  }

  @Override
  public Integer call() throws Exception {
    return Serve.run(spec, configFile, KEYS, "cairn monitor", Stack::monitor);
  }
}
