package io.cairn.server;

import io.cairn.common.config.CommonKeys;
import io.cairn.common.config.Config;
import io.cairn.common.config.ConfigKey;
import io.cairn.common.config.ConfigLoader;
import io.cairn.kv.server.KvKeys;
import io.cairn.kv.server.KvRestore;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cairn kv snapshot}: snapshot files (taken with {@code etcdctl snapshot save}). */
@Command(
    name = "snapshot",
    mixinStandardHelpOptions = true,
    description = "Snapshot files taken with 'etcdctl snapshot save' from cairn kv or from etcd 3.4.",
    subcommands = {KvSnapshotCommand.Restore.class})
final class KvSnapshotCommand implements Runnable {
  @Spec CommandSpec spec;

  static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new KvSnapshotCommand());
    ConfigOptions.addTo(cl.getSubcommands().get("restore").getCommandSpec(), Restore.KEYS);
    return cl;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
  }

  /** {@code cairn kv snapshot restore FILE}, with etcdctl's flags. */
  @Command(
      name = "restore",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description = {
        "Create a new member's data directory from a snapshot file, like 'etcdctl snapshot restore'.",
        "The file may come from cairn kv or from a real etcd 3.4 (its bbolt database); membership comes from"
            + " --initial-cluster, etcd's auth data is not imported.",
        "Use the flags the member will start with (--name, --initial-cluster, --initial-advertise-peer-urls,"
            + " --initial-cluster-token, --data-dir)."
      })
  static final class Restore implements Callable<Integer> {
    static final List<ConfigKey<?>> KEYS =
        List.of(
            CommonKeys.DATA_DIR,
            KvKeys.NAME,
            KvKeys.INITIAL_CLUSTER,
            KvKeys.INITIAL_CLUSTER_TOKEN,
            KvKeys.INITIAL_ADVERTISE_PEER_URLS);

    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The snapshot file.")
    Path file;

    @Option(
        names = "--skip-hash-check",
        description = "Do not require or check the SHA-256 that 'etcdctl snapshot save' appends to an etcd"
            + " snapshot (e.g. for a db file copied from an etcd data directory), as etcdctl's flag.")
    boolean skipHashCheck;

    @Override
    public Integer call() throws Exception {
      List<ConfigKey<?>> all = java.util.stream.Stream.of(CommonKeys.ALL, KvKeys.ALL).flatMap(List::stream).toList();
      Config config =
          new ConfigLoader(all).load(Optional.empty(), ConfigOptions.given(spec.commandLine().getParseResult(), KEYS));
      String done = KvRestore.restore(file, config.get(CommonKeys.DATA_DIR).resolve("kv"), config, skipHashCheck);
      spec.commandLine().getOut().println(done);
      return ExitCodes.OK;
    }
  }
}
