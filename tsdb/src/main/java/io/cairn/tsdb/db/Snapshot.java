package io.cairn.tsdb.db;

import io.cairn.tsdb.block.Block;
import io.cairn.tsdb.block.BlockWriter;
import io.cairn.tsdb.head.Head;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A consistent copy of the database as blocks, after Prometheus's {@code DB.Snapshot}: every block
 * hard-linked (no data copied; both directories stay valid when either is deleted), and the head's
 * samples written as one more block covering {@code [head min time, head max time]}. The result is a
 * directory any Prometheus 2.42 or cairn can open as its storage path (it has no WAL).
 */
final class Snapshot {
  private Snapshot() {}

  static void write(Path target, List<Block> blocks, Head head, boolean withHead) throws IOException {
    if (Files.exists(target)) {
      throw new FileAlreadyExistsException(target.toString(), null, "snapshot directory already exists");
    }
    Files.createDirectories(target);
    for (Block b : blocks) {
      link(b.dir(), target.resolve(b.dir().getFileName()));
    }
    if (withHead && head.minTime() != Long.MAX_VALUE && head.maxTime() != Long.MIN_VALUE) {
      long mint = head.minTime();
      long maxt = head.maxTime();
      BlockWriter.write(target, mint, maxt + 1, head.select(mint, maxt, List.of()).iterator());
    }
  }

  /** Recreates {@code from}'s tree under {@code to}, files as hard links (copies where linking fails). */
  private static void link(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Path dest = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(dest);
        } else {
          try {
            Files.createLink(dest, p);
          } catch (UnsupportedOperationException | IOException e) {
            Files.copy(p, dest);
          }
        }
      }
    }
  }
}
