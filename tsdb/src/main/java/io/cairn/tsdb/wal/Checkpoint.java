package io.cairn.tsdb.wal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.LongPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checkpoints, as Prometheus's {@code wlog.Checkpoint}: a directory {@code checkpoint.NNNNNNNN} in the
 * WAL directory, itself a WAL (segments in the same format), holding what is still needed from WAL
 * segments up to {@code NNNNNNNN} (and from the previous checkpoint): the series records of series
 * that are kept and the samples of kept series at or after {@code mint}. After a checkpoint the head
 * deletes the segments it covers ({@link Wal#truncate}) and older checkpoints ({@link #deleteOlder});
 * {@link WalReader#replay} reads the latest checkpoint, then the segments after it.
 *
 * <p>A checkpoint is built in {@code checkpoint.NNNNNNNN.tmp}, fsynced, and renamed: it exists whole
 * or not at all. {@code .tmp} directories left by a crash are ignored by replay and removed by the
 * next {@link #create} and by {@link #deleteOlder}. Not thread-safe against itself: one checkpoint at
 * a time per WAL directory.
 */
public final class Checkpoint {
  private static final Pattern NAME = Pattern.compile("checkpoint\\.([0-9]{1,10})");
  private static final int FLUSH_BYTES = 1024 * 1024;

  /** A checkpoint directory and the last WAL segment it covers. */
  public record Ref(int index, Path dir) {}

  /** What a checkpoint kept and dropped. */
  public record Stats(int index, long seriesKept, long seriesDropped, long samplesKept, long samplesDropped) {}

  private Checkpoint() {}

  /**
   * Writes {@code checkpoint.<to>} from the latest checkpoint and WAL segments {@code from} to
   * {@code to}, keeping the series for which {@code keepSeries} is true and their samples with
   * timestamps at or after {@code mint}. Segments the latest checkpoint already covers are skipped.
   * The range must not include the segment being written (call {@link Wal#nextSegment} first).
   *
   * @throws IllegalArgumentException if a checkpoint already covers {@code to}
   * @throws CorruptionException if a segment in the range is damaged or missing; nothing is written
   * @throws RecordFormatException if a record cannot be decoded; nothing is written
   */
  public static Stats create(Path walDir, int from, int to, LongPredicate keepSeries, long mint) throws IOException {
    Optional<Ref> last = latest(walDir);
    List<Segments.Ref> sources = new ArrayList<>();
    if (last.isPresent()) {
      int covered = last.get().index();
      if (to <= covered) {
        throw new IllegalArgumentException("checkpoint." + Segments.name(covered) + " already covers segment " + to);
      }
      if (from > covered + 1) {
        throw new IllegalArgumentException("gap between checkpoint." + Segments.name(covered)
            + " and segment " + from);
      }
      from = covered + 1;
      sources.addAll(Segments.list(last.get().dir()));
    }
    sources.addAll(Segments.range(walDir, from, to));
    Path target = walDir.resolve("checkpoint." + Segments.name(to));
    Path tmp = walDir.resolve(target.getFileName() + ".tmp");
    deleteTree(tmp);
    long[] counts = new long[4];
    try (WalReader reader = new WalReader(sources);
        Wal out = Wal.open(tmp, WalOptions.defaults().withSyncPolicy(SyncPolicy.ON_SEGMENT_CLOSE))) {
      List<byte[]> batch = new ArrayList<>();
      long bytes = 0;
      for (byte[] rec = reader.next(); rec != null; rec = reader.next()) {
        byte[] kept = filter(rec, keepSeries, mint, counts);
        if (kept != null) {
          batch.add(kept);
          bytes += kept.length;
        }
        if (bytes > FLUSH_BYTES) {
          out.log(batch.toArray(byte[][]::new));
          batch.clear();
          bytes = 0;
        }
      }
      out.log(batch.toArray(byte[][]::new));
    } catch (IOException | RuntimeException e) {
      try {
        deleteTree(tmp);
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
    Segments.syncDir(tmp);
    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    Segments.syncDir(walDir);
    return new Stats(to, counts[0], counts[1], counts[2], counts[3]);
  }

  /** The filtered record, or null if nothing of it is kept. counts: series kept/dropped, samples kept/dropped. */
  private static byte[] filter(byte[] rec, LongPredicate keep, long mint, long[] counts) {
    return switch (Records.type(rec)) {
      case SERIES -> {
        List<RefSeries> all = Records.decodeSeries(rec);
        List<RefSeries> kept = all.stream().filter(s -> keep.test(s.ref())).toList();
        counts[0] += kept.size();
        counts[1] += all.size() - kept.size();
        yield kept.isEmpty() ? null : Records.encodeSeries(kept);
      }
      case SAMPLES -> {
        List<RefSample> all = Records.decodeSamples(rec);
        List<RefSample> kept = all.stream().filter(s -> keep.test(s.ref()) && s.t() >= mint).toList();
        counts[2] += kept.size();
        counts[3] += all.size() - kept.size();
        yield kept.isEmpty() ? null : Records.encodeSamples(kept);
      }
    };
  }

  /** The checkpoint with the highest index in {@code walDir}, if any ({@code .tmp} ones are ignored). */
  public static Optional<Ref> latest(Path walDir) throws IOException {
    List<Ref> all = list(walDir);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.getLast());
  }

  /** Deletes the checkpoints below {@code index} and every leftover {@code .tmp} checkpoint. */
  public static void deleteOlder(Path walDir, int index) throws IOException {
    boolean deleted = false;
    for (Ref r : list(walDir)) {
      if (r.index() < index) {
        deleteTree(r.dir());
        deleted = true;
      }
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(walDir, "checkpoint.*.tmp")) {
      for (Path p : entries) {
        deleteTree(p);
        deleted = true;
      }
    }
    if (deleted) {
      Segments.syncDir(walDir);
    }
  }

  static List<Ref> list(Path walDir) throws IOException {
    List<Ref> out = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(walDir, "checkpoint.*")) {
      for (Path p : entries) {
        Matcher m = NAME.matcher(p.getFileName().toString());
        if (m.matches() && Files.isDirectory(p) && Long.parseLong(m.group(1)) <= Integer.MAX_VALUE) {
          out.add(new Ref(Integer.parseInt(m.group(1)), p));
        }
      }
    } catch (NoSuchFileException e) {
      return List.of();
    }
    out.sort(Comparator.comparingInt(Ref::index));
    return out;
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
