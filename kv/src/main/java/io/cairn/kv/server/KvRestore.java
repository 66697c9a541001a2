package io.cairn.kv.server;

import io.cairn.common.config.Config;
import io.cairn.kv.api.Members;
import io.cairn.kv.snapshot.SnapshotArchive;
import io.cairn.kv.snapshot.bbolt.EtcdSnapshot;
import io.cairn.kv.store.KvStore;
import io.cairn.kv.store.KvStores;
import io.cairn.kv.store.StoreImport;
import io.cairn.kv.store.backend.RocksBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * {@code cairn kv snapshot restore}: makes a new member's data directory from a snapshot file, as
 * {@code etcdctl snapshot restore} does. The file is either cairn's own snapshot ({@link
 * SnapshotArchive}) or a real etcd 3.4 snapshot, a bbolt database ({@link EtcdSnapshot}); the
 * format is recognised from the content. The keyspace, revisions, leases and alarms come from the
 * snapshot; the membership is new (from {@code --initial-cluster}), so member and cluster IDs change,
 * and the Raft log starts empty. Every member of the new cluster restores the same file with its own
 * {@code --name} and {@code --initial-advertise-peer-urls}, then starts with {@code
 * --initial-cluster-state new}. A restore that fails removes the directories it created.
 */
public final class KvRestore {
  private KvRestore() {}

  /** {@link #restore(Path, Path, Config, boolean)} with the hash check. */
  public static String restore(Path snapshot, Path kvDir, Config config) throws IOException {
    return restore(snapshot, kvDir, config, false);
  }

  /**
   * @param kvDir the new member's kv directory ({@code <data-dir>/kv}); must not exist or be empty
   * @param skipHashCheck for an etcd snapshot: do not require or check the SHA-256 trailer that
   *     {@code etcdctl snapshot save} appends (etcdctl's {@code --skip-hash-check}, for a database
   *     copied from an etcd data directory); cairn's own snapshots are always checked
   * @return a one-line description of what was restored
   * @throws IOException with a one-line message if the file is damaged or foreign or the directory
   *     is in use
   */
  public static String restore(Path snapshot, Path kvDir, Config config, boolean skipHashCheck) throws IOException {
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
    Path created = storeRoot.toAbsolutePath();
    while (created.getParent() != null && !Files.exists(created.getParent())) {
      created = created.getParent();
    }
    Files.createDirectories(storeRoot);
    try {
      Path store0 = storeRoot.resolve("store.0");
      String what;
      long revision;
      KvStore store;
      if (EtcdSnapshot.isBbolt(snapshot)) {
        EtcdSnapshot.Summary summary;
        try (StoreImport target = StoreImport.into(RocksBackend.open(store0))) {
          summary = EtcdSnapshot.importInto(snapshot, skipHashCheck, target);
          store = target.finish(settings.quotaBytes());
        }
        what = "etcd snapshot " + snapshot + " (" + describe(summary) + ")";
      } else {
        SnapshotArchive.extract(snapshot, store0);
        store = KvStores.open(store0, settings.quotaBytes());
        what = "snapshot " + snapshot;
      }
      try (store) {
        store.resetForNewCluster();
        revision = store.revision();
      }
      long clusterId = ClusterIdFile.loadOrCreate(kvDir, settings);
      return "restored " + what + " at revision " + revision + " into " + kvDir + " as member "
          + Members.hex(settings.self().id()) + " of new cluster " + Members.hex(clusterId);
    } catch (IOException | RuntimeException e) {
      deleteQuietly(created);
      throw e;
    }
  }

  private static String describe(EtcdSnapshot.Summary s) {
    return s.revisions() + " revisions, " + s.leases() + " leases, " + s.alarms() + " alarms"
        + (s.compactRevision() > 0 ? ", compacted at " + s.compactRevision() : "")
        + ", " + s.users() + " users, " + s.roles() + " roles"
        + (s.authEnabled() ? " (auth enabled: clients authenticate again)" : "")
        + "; membership replaced";
  }

  /** Removes a directory tree this restore created; a failure to remove is not the error to report. */
  private static void deleteQuietly(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException ignored) {
      // the original error matters more; what is left can be removed by hand
    }
  }
}
