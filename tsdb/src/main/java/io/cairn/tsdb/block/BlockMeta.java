package io.cairn.tsdb.block;

import java.util.List;
import java.util.Objects;

/**
 * A block's {@code meta.json}, as Prometheus 2.42's {@code BlockMeta}: its ULID, time range {@code
 * [minTime, maxTime)} (maxTime exclusive), counts, and compaction lineage. Immutable.
 */
public record BlockMeta(Ulid ulid, long minTime, long maxTime, Stats stats, Compaction compaction) {
  /** The only {@code version} there is. */
  public static final int VERSION = 1;

  public BlockMeta {
    Objects.requireNonNull(ulid, "ulid");
    Objects.requireNonNull(stats, "stats");
    Objects.requireNonNull(compaction, "compaction");
  }

  /** Sample, series and chunk counts ({@code numTombstones} as Prometheus writes it, usually 0). */
  public record Stats(long numSamples, long numSeries, long numChunks, long numTombstones) {}

  /** A parent block: its ULID and time range. */
  public record Parent(Ulid ulid, long minTime, long maxTime) {}

  /**
   * Compaction lineage: level 1 for a block cut from the head, parents' max + 1 after compaction;
   * sources are the level-1 blocks it was built from (sorted); parents the blocks compacted into it.
   */
  public record Compaction(int level, List<Ulid> sources, List<Parent> parents) {
    public Compaction {
      sources = List.copyOf(sources);
      parents = List.copyOf(parents);
    }

    /** A level-1 block that is its own source. */
    public static Compaction fresh(Ulid self) {
      return new Compaction(1, List.of(self), List.of());
    }
  }

  /** Whether {@code [mint, maxt]} (inclusive) overlaps the block's range. */
  public boolean overlaps(long mint, long maxt) {
    return minTime <= maxt && mint < maxTime;
  }
}
