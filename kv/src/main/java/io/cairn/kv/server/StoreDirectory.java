package io.cairn.kv.server;

import io.cairn.kv.store.KvStore;
import io.cairn.kv.store.KvStores;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where the member's store lives: {@code <kv>/store.<n>} directories, the one in use named by the file
 * {@code <kv>/store.current} (replaced atomically). Installing a Raft snapshot moves the received
 * checkpoint to a new {@code store.<n+1>}, points {@code store.current} at it, and deletes the
 * previous directory once the previous store is closed ({@link #deleteUnlessInUse}), so a crash at
 * any point leaves one complete store in use. Whatever a crash left behind is deleted at {@link
 * #open}.
 */
final class StoreDirectory {
  private final Path root;
  private final long quotaBytes;

  StoreDirectory(Path root, long quotaBytes) {
    this.root = root;
    this.quotaBytes = quotaBytes;
  }

  /** Opens the store in use, after deleting every other store directory (nothing else has them open). */
  KvStore open() throws IOException {
    Files.createDirectories(root);
    cleanUp();
    return KvStores.open(root.resolve(currentName()), quotaBytes);
  }

  /** The name of the store directory in use ({@code store.<n>}). */
  String inUse() throws IOException {
    return currentName();
  }

  private String currentName() throws IOException {
    Path pointer = root.resolve("store.current");
    return Files.exists(pointer) ? Files.readString(pointer, StandardCharsets.UTF_8).strip() : "store.0";
  }

  /**
   * Makes a copy of the checkpoint in {@code received} (table files hard-linked where possible; the
   * Raft layer keeps its own files) the store in use, and opens it.
   */
  KvStore install(Path received) throws IOException {
    String old = currentName();
    int n = Integer.parseInt(old.substring(old.indexOf('.') + 1)) + 1;
    String next = "store." + n;
    Path target = root.resolve(next);
    deleteRecursively(target);
    Path staging = root.resolve(next + ".tmp");
    deleteRecursively(staging);
    Files.createDirectories(staging);
    try (Stream<Path> files = Files.list(received)) {
      for (Path f : files.toList()) {
        Path to = staging.resolve(f.getFileName().toString());
        if (f.getFileName().toString().endsWith(".sst")) {
          try {
            Files.createLink(to, f); // immutable table files: share them, as RocksDB checkpoints do
            continue;
          } catch (IOException | UnsupportedOperationException e) {
            // another file system: copy
          }
        }
        Files.copy(f, to);
      }
    }
    Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    Path tmp = root.resolve("store.current.tmp");
    Files.writeString(tmp, next, StandardCharsets.UTF_8);
    try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
      ch.force(true);
    }
    Files.move(tmp, root.resolve("store.current"), StandardCopyOption.ATOMIC_MOVE);
    KvStore store = KvStores.open(target, quotaBytes);
    return store;
  }

  /**
   * Deletes the store directory {@code name} (replaced by an install, its store closed) unless it is
   * the one in use. Safe while another install runs: that one only creates higher numbers.
   */
  void deleteUnlessInUse(String name) throws IOException {
    if (!name.equals(currentName())) {
      deleteRecursively(root.resolve(name));
    }
  }

  /** Deletes store directories not in use, and staging left by an interrupted install. */
  private void cleanUp() throws IOException {
    String inUse = currentName();
    try (Stream<Path> s = Files.list(root)) {
      for (Path p : s.toList()) {
        String name = p.getFileName().toString();
        if (name.startsWith("store.") && !name.equals(inUse) && !name.startsWith("store.current")) {
          deleteRecursively(p);
        }
      }
    }
  }

  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
