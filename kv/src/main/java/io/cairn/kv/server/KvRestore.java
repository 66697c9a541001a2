package io.cairn.kv.server;

import io.cairn.common.config.Config;
import io.cairn.kv.api.Members;
import io.cairn.kv.snapshot.SnapshotArchive;
import io.cairn.kv.store.KvStore;
import io.cairn.kv.store.KvStores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * {@code cairn kv snapshot restore}: makes a new member's data directory from a snapshot file, as
 * {@code etcdctl snapshot restore} does. The keyspace, revisions, leases and alarms come from the
 * snapshot; the membership is new (from {@code --initial-cluster}), so member and cluster IDs change,
 * and the Raft log starts empty. Every member of the new cluster restores the same file with its own
 * {@code --name} and {@code --initial-advertise-peer-urls}, then starts with {@code
 * --initial-cluster-state new}.
 */
public final class KvRestore {
  private KvRestore() {}

  /**
   * @param kvDir the new member's kv directory ({@code <data-dir>/kv}); must not exist or be empty
   * @return a one-line description of what was restored
   */
  public static String restore(Path snapshot, Path kvDir, Config config) throws IOException {
    KvSettings settings = KvSettings.from(config);
    if (!Files.isRegularFile(snapshot)) {
      throw new IOException("snapshot file " + snapshot + " does not exist");
    }
    if (Files.exists(kvDir)) {
      try (Stream<Path> s = Files.list(kvDir)) {
        if (s.findAny().isPresent()) {
          throw new IOException("data-dir \"" + kvDir + "\" exists");
        }
      }
    }
    Path storeRoot = kvDir.resolve("store");
    Files.createDirectories(storeRoot);
    Path store0 = storeRoot.resolve("store.0");
    SnapshotArchive.extract(snapshot, store0);
    long revision;
    try (KvStore store = KvStores.open(store0, settings.quotaBytes())) {
      store.resetForNewCluster();
      revision = store.revision();
    }
    long clusterId = ClusterIdFile.loadOrCreate(kvDir, settings);
    return "restored snapshot " + snapshot + " at revision " + revision + " into " + kvDir + " as member "
        + Members.hex(settings.self().id()) + " of new cluster " + Members.hex(clusterId);
  }
}
