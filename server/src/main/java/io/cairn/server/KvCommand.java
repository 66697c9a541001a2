package io.cairn.server;

import io.cairn.common.config.CommonKeys;
import io.cairn.common.config.ConfigKey;
import io.cairn.kv.server.KvKeys;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cairn kv}: an etcd v3 member, taking etcd's flags. */
@Command(
    name = "kv",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Run an etcd v3 compatible member (etcdctl, jetcd and other etcd clients work unchanged).",
      "Takes etcd's flags in etcd's spelling; data goes under <data-dir>/kv."
    })
final class KvCommand implements Callable<Integer> {
  static final List<ConfigKey<?>> KEYS = Stream.of(CommonKeys.ALL, KvKeys.ALL).flatMap(List::stream).toList();

  @Spec CommandSpec spec;

  @Option(names = "--config", paramLabel = "<file>", description = "YAML configuration file. Flags win over its fields.")
  Path configFile;

  static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new KvCommand());
    ConfigOptions.addTo(cl.getCommandSpec(), KEYS);
    cl.addSubcommand("snapshot", KvSnapshotCommand.commandLine());
    return cl;
  }

  @Override
  public Integer call() throws Exception {
    return Serve.run(spec, configFile, KEYS, "cairn kv", Stack::kv);
  }
}
