package io.cairn.tsdb.wal;

import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Segment files of one directory: names ({@code %08d}), listing, creation, fsync. */
final class Segments {
  /** One segment file. */
  record Ref(int index, Path file) {}

  private Segments() {}

  static String name(int index) {
    return String.format("%08d", index);
  }

  static Path file(Path dir, int index) {
    return dir.resolve(name(index));
  }

  /**
   * The segments of {@code dir} in index order: regular files named by digits only (other entries,
   * such as {@code checkpoint.N} directories, are ignored). Missing directory: empty list.
   *
   * @throws CorruptionException if the indexes are not consecutive (a segment is missing)
   */
  static List<Ref> list(Path dir) throws IOException {
    List<Ref> refs = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path p : entries) {
        String n = p.getFileName().toString();
        if (n.length() <= 10 && n.chars().allMatch(c -> c >= '0' && c <= '9') && Files.isRegularFile(p)) {
          long index = Long.parseLong(n);
          if (index <= Integer.MAX_VALUE) {
            refs.add(new Ref((int) index, p));
          }
        }
      }
    } catch (NoSuchFileException e) {
      return List.of();
    }
    refs.sort(Comparator.comparingInt(Ref::index));
    for (int i = 1; i < refs.size(); i++) {
      int expected = refs.get(i - 1).index() + 1;
      if (refs.get(i).index() != expected) {
        throw new CorruptionException(file(dir, expected), expected, 0, 0, false,
            "segment is missing (segments must be consecutive; " + name(expected - 1) + " is followed by "
                + name(refs.get(i).index()) + ")");
      }
    }
    return refs;
  }

  /**
   * The segments of {@code dir} with {@code from <= index <= to}. Each of them must exist, except
   * that when {@code to} is {@link Integer#MAX_VALUE} the range is open: it ends at the last segment
   * and may be empty.
   *
   * @throws CorruptionException naming the first missing segment
   */
  static List<Ref> range(Path dir, int from, int to) throws IOException {
    List<Ref> out = new ArrayList<>();
    for (Ref r : list(dir)) {
      if (r.index() >= from && r.index() <= to) {
        out.add(r);
      }
    }
    boolean open = to == Integer.MAX_VALUE;
    int missing = -1;
    if (!out.isEmpty() && out.getFirst().index() != from) {
      missing = from;
    } else if (!open && to >= from && (out.isEmpty() || out.getLast().index() != to)) {
      missing = out.isEmpty() ? from : out.getLast().index() + 1;
    }
    if (missing >= 0) {
      throw new CorruptionException(file(dir, missing), missing, 0, 0, false,
          "segment is missing (wanted segments " + name(from) + " to " + (open ? "the last" : name(to)) + ")");
    }
    return out;
  }

  /**
   * fsync of a directory, so that created, renamed or deleted entries survive a power loss. An
   * interrupt does not make it fail (a {@code FileChannel} would throw): it retries, and the
   * thread's interrupt status is kept.
   */
  static void syncDir(Path dir) throws IOException {
    boolean interrupted = Thread.interrupted();
    try {
      while (true) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
          ch.force(true);
          return;
        } catch (ClosedByInterruptException e) {
          interrupted |= Thread.interrupted();
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
