package io.cairn.tsdb.wal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/** Helpers shared by the WAL tests. */
final class WalTesting {
  private WalTesting() {}

  /** Every record of {@code dir}, read with a {@link WalReader}. */
  static List<byte[]> readAll(Path dir) throws IOException {
    try (WalReader r = WalReader.open(dir)) {
      return drain(r);
    }
  }

  static List<byte[]> drain(WalReader r) throws IOException {
    List<byte[]> out = new ArrayList<>();
    for (byte[] rec = r.next(); rec != null; rec = r.next()) {
      out.add(rec);
    }
    return out;
  }

  /** A record of {@code size} random bytes. */
  static byte[] record(Random random, int size) {
    byte[] b = new byte[size];
    random.nextBytes(b);
    return b;
  }

  static Path tempDir() {
    try {
      return Files.createTempDirectory("cairn-wal-test");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs {@code body} in a fresh temporary directory, deleted afterwards (jqwik has no @TempDir). */
  static void inTempDir(IoConsumer<Path> body) throws Exception {
    Path dir = tempDir();
    try {
      body.accept(dir);
    } finally {
      deleteTree(dir);
    }
  }

  interface IoConsumer<T> {
    void accept(T t) throws Exception;
  }

  /** Writes {@code bytes} as segment {@code index} of {@code dir}. */
  static Path writeSegment(Path dir, int index, byte[] bytes) throws IOException {
    Files.createDirectories(dir);
    return Files.write(dir.resolve(Segments.name(index)), bytes);
  }

  static Path segment(Path dir, int index) {
    return dir.resolve(Segments.name(index));
  }

  /** A WAL option set for tests: small segments, Prometheus's sync policy to keep tests fast. */
  static WalOptions small(int pages) {
    return WalOptions.defaults().withSegmentSize(pages * Wal.PAGE_SIZE).withSyncPolicy(SyncPolicy.ON_SEGMENT_CLOSE);
  }
}
