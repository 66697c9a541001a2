package io.cairn.kv.server;

import io.cairn.kv.api.Members;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The cluster ID, fixed when the member first starts and kept in {@code <kv>/cluster-id} (16 hex
 * digits) so it never changes with membership. A new cluster's ID is etcd's: derived from the
 * initial members' IDs. A member joining an existing cluster derives it from the other members in its
 * {@code --initial-cluster}, which matches the cluster's ID when its membership has not changed since
 * bootstrap (etcd instead asks the peers; noted in the README).
 */
final class ClusterIdFile {
  private ClusterIdFile() {}

  static long loadOrCreate(Path dir, KvSettings s) throws IOException {
    Path file = dir.resolve("cluster-id");
    if (Files.exists(file)) {
      String text = Files.readString(file, StandardCharsets.UTF_8).strip();
      try {
        return Long.parseUnsignedLong(text, 16);
      } catch (NumberFormatException e) {
        throw new IOException(file + " is damaged: expected 16 hex digits, got '" + text + "'");
      }
    }
    var ids =
        s.initialMembers().stream()
            .filter(m -> s.state() == KvKeys.ClusterState.NEW || m.id() != s.self().id())
            .map(Members.Info::id)
            .toList();
    long id = Members.clusterId(ids);
    Files.createDirectories(dir);
    Path tmp = dir.resolve("cluster-id.tmp");
    Files.writeString(tmp, Members.hex(id) + "\n", StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    return id;
  }
}
