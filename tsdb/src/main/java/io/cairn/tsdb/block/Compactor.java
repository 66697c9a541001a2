package io.cairn.tsdb.block;

import io.cairn.tsdb.storage.ChunkMeta;
import io.cairn.tsdb.storage.ChunkSeries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Prometheus 2.42's {@code LeveledCompactor}: {@link #plan} picks blocks to compact together, {@link
 * #compact} merges them into one new block. The caller then deletes the parents (and opens the new
 * block). Immutable and thread-safe; the database runs one compaction at a time.
 */
public final class Compactor {
  private final List<Long> ranges;

  /** A compactor for these block ranges (milliseconds, ascending), e.g. {@link #exponentialBlockRanges}. */
  public Compactor(List<Long> ranges) {
    if (ranges.isEmpty()) {
      throw new IllegalArgumentException("at least one block range is needed");
    }
    for (int i = 1; i < ranges.size(); i++) {
      if (ranges.get(i) <= ranges.get(i - 1)) {
        throw new IllegalArgumentException("block ranges must increase: " + ranges);
      }
    }
    this.ranges = List.copyOf(ranges);
  }

  /** Prometheus's {@code ExponentialBlockRanges}: {@code minSize * stepSize^i} for i below steps. */
  public static List<Long> exponentialBlockRanges(long minSize, int steps, int stepSize) {
    List<Long> out = new ArrayList<>(steps);
    long r = minSize;
    for (int i = 0; i < steps; i++) {
      out.add(r);
      r = Math.multiplyExact(r, stepSize);
    }
    return out;
  }

  public List<Long> ranges() {
    return ranges;
  }

  /**
   * The blocks to compact next, sorted by minTime, or empty for none. Overlapping blocks first (all
   * of the first overlapping run); otherwise, leaving out the newest block (highest minTime), the
   * first group of at least two blocks that fills a range of {@code ranges[1..]} or lies entirely
   * before the newest block.
   */
  public <B extends BlockInfo> List<B> plan(List<B> blocks) {
    List<B> sorted = new ArrayList<>(blocks);
    sorted.sort(Comparator.comparingLong(b -> b.meta().minTime()));
    List<B> overlapping = overlapping(sorted);
    if (!overlapping.isEmpty()) {
      return overlapping;
    }
    if (sorted.size() < 2 || ranges.size() < 2) {
      return List.of();
    }
    List<B> candidates = sorted.subList(0, sorted.size() - 1);
    long highTime = candidates.getLast().meta().minTime();
    for (long range : ranges.subList(1, ranges.size())) {
      for (List<B> part : splitByRange(candidates, range)) {
        long mint = part.getFirst().meta().minTime();
        long maxt = part.getLast().meta().maxTime();
        if ((maxt - mint == range || maxt <= highTime) && part.size() > 1) {
          return List.copyOf(part);
        }
      }
    }
    return List.of();
  }

  private static <B extends BlockInfo> List<B> overlapping(List<B> sorted) {
    List<B> out = new ArrayList<>();
    if (sorted.size() < 2) {
      return out;
    }
    long globalMaxt = sorted.getFirst().meta().maxTime();
    for (int i = 1; i < sorted.size(); i++) {
      BlockMeta m = sorted.get(i).meta();
      if (m.minTime() < globalMaxt) {
        if (out.isEmpty()) {
          out.add(sorted.get(i - 1));
        }
        out.add(sorted.get(i));
      } else if (!out.isEmpty()) {
        break;
      }
      globalMaxt = Math.max(globalMaxt, m.maxTime());
    }
    return out;
  }

  /** Prometheus's {@code splitByRange}: groups of blocks inside aligned windows of {@code range}. */
  static <B extends BlockInfo> List<List<B>> splitByRange(List<B> sorted, long range) {
    List<List<B>> out = new ArrayList<>();
    int i = 0;
    while (i < sorted.size()) {
      BlockMeta m = sorted.get(i).meta();
      long t0 = m.minTime() >= 0 ? range * (m.minTime() / range) : range * ((m.minTime() - range + 1) / range);
      if (m.maxTime() > t0 + range) {
        i++;
        continue;
      }
      List<B> group = new ArrayList<>();
      for (; i < sorted.size(); i++) {
        if (sorted.get(i).meta().maxTime() > t0 + range) {
          break;
        }
        group.add(sorted.get(i));
      }
      if (!group.isEmpty()) {
        out.add(group);
      }
    }
    return out;
  }

  /**
   * Merges {@code blocks} into one new block in {@code parentDir}: range from the smallest minTime to
   * the largest maxTime, level one more than the highest parent's, sources the union of the
   * parents' (sorted), parents the blocks in the order given. Series with the same labels are
   * merged; on equal timestamps the block later in the list wins. Empty if the blocks hold no
   * samples (then no block is written, as Prometheus; the parents may still be deleted).
   */
  public Optional<BlockMeta> compact(Path parentDir, List<Block> blocks) throws IOException {
    if (blocks.isEmpty()) {
      throw new IllegalArgumentException("nothing to compact");
    }
    long mint = Long.MAX_VALUE;
    long maxt = Long.MIN_VALUE;
    int level = 0;
    TreeSet<Ulid> sources = new TreeSet<>();
    List<BlockMeta.Parent> parents = new ArrayList<>();
    List<PeekingIterator> its = new ArrayList<>();
    for (Block b : blocks) {
      BlockMeta m = b.meta();
      mint = Math.min(mint, m.minTime());
      maxt = Math.max(maxt, m.maxTime());
      level = Math.max(level, m.compaction().level());
      sources.addAll(m.compaction().sources());
      parents.add(new BlockMeta.Parent(m.ulid(), m.minTime(), m.maxTime()));
      its.add(new PeekingIterator(b.allSeries()));
    }
    Ulid ulid = Ulid.next();
    BlockMeta.Compaction c = new BlockMeta.Compaction(level + 1, new ArrayList<>(sources), parents);
    try {
      return BlockWriter.write(parentDir, ulid, mint, maxt, new MergingIterator(its), c);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static final class PeekingIterator {
    final Iterator<ChunkSeries> it;
    ChunkSeries head;

    PeekingIterator(Iterator<ChunkSeries> it) {
      this.it = it;
      advance();
    }

    void advance() {
      head = it.hasNext() ? it.next() : null;
    }
  }

  /** Merges sorted series iterators; same labels become one series, chunks in block order. */
  private record MergingIterator(List<PeekingIterator> its) implements Iterator<ChunkSeries> {
    @Override
    public boolean hasNext() {
      return its.stream().anyMatch(p -> p.head != null);
    }

    @Override
    public ChunkSeries next() {
      ChunkSeries min = null;
      for (PeekingIterator p : its) {
        if (p.head != null && (min == null || p.head.labels().compareTo(min.labels()) < 0)) {
          min = p.head;
        }
      }
      if (min == null) {
        throw new NoSuchElementException();
      }
      List<ChunkMeta> chunks = new ArrayList<>();
      var labels = min.labels();
      for (PeekingIterator p : its) {
        if (p.head != null && p.head.labels().equals(labels)) {
          chunks.addAll(p.head.chunks());
          p.advance();
        }
      }
      return new ChunkSeries(labels, chunks);
    }
  }
}
