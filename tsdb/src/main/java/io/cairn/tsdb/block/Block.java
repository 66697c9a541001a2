package io.cairn.tsdb.block;

import io.cairn.tsdb.chunkenc.Chunk;
import io.cairn.tsdb.chunks.ChunkFileReader;
import io.cairn.tsdb.index.IndexReader;
import io.cairn.tsdb.index.IndexSeries;
import io.cairn.tsdb.index.SeriesChunk;
import io.cairn.tsdb.model.Matcher;
import io.cairn.tsdb.storage.ChunkMeta;
import io.cairn.tsdb.storage.ChunkQuerier;
import io.cairn.tsdb.storage.ChunkSeries;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

/**
 * An opened block: its meta, index and chunk files (memory-mapped). Queries follow {@link
 * ChunkQuerier}: a block answers for {@code [minTime, maxTime)}; label names and values are those of
 * the whole block when the range overlaps it (as Prometheus's block querier). Thread-safe for
 * queries; {@link #close} must not run concurrently with one (the caller reference-counts).
 */
public final class Block implements ChunkQuerier, BlockInfo, Closeable {
  private final Path dir;
  private final BlockMeta meta;
  private final IndexReader index;
  private final ChunkFileReader chunks;
  private final long size;

  private Block(Path dir, BlockMeta meta, IndexReader index, ChunkFileReader chunks, long size) {
    this.dir = dir;
    this.meta = meta;
    this.index = index;
    this.chunks = chunks;
    this.size = size;
  }

  /**
   * Opens the block in {@code dir}, checking meta.json, the tombstones, the index's structure and the
   * chunk files' headers.
   */
  public static Block open(Path dir) throws IOException {
    BlockMeta meta = MetaJson.read(dir);
    Tombstones.check(dir);
    IndexReader index = IndexReader.open(dir.resolve("index"));
    try {
      Path chunkDir = dir.resolve("chunks");
      ChunkFileReader chunks = Files.isDirectory(chunkDir) ? ChunkFileReader.open(chunkDir) : ChunkFileReader.of(List.of());
      long size = index.sizeBytes() + chunks.sizeBytes() + Files.size(dir.resolve(MetaJson.FILE))
          + (Files.exists(dir.resolve(Tombstones.FILE)) ? Files.size(dir.resolve(Tombstones.FILE)) : 0);
      return new Block(dir, meta, index, chunks, size);
    } catch (IOException | RuntimeException e) {
      index.close();
      throw e;
    }
  }

  /** Removes {@code *.tmp-for-creation} directories a crashed writer left in {@code parentDir}. */
  public static void cleanTemporary(Path parentDir) throws IOException {
    try (Stream<Path> s = Files.list(parentDir)) {
      for (Path p : s.filter(p -> p.getFileName().toString().endsWith(BlockWriter.TMP_SUFFIX)).toList()) {
        BlockFiles.deleteTree(p);
      }
    }
  }

  public Path dir() {
    return dir;
  }

  @Override
  public BlockMeta meta() {
    return meta;
  }

  @Override
  public long sizeBytes() {
    return size;
  }

  @Override
  public List<ChunkSeries> select(long mint, long maxt, List<Matcher> matchers) throws IOException {
    if (!meta.overlaps(mint, maxt)) {
      return List.of();
    }
    List<ChunkSeries> out = new ArrayList<>();
    boolean sorted = true;
    for (int ref : MatcherPostings.select(index, matchers)) {
      ChunkSeries s = load(index.series(ref), mint, maxt);
      if (s != null) {
        if (!out.isEmpty() && out.getLast().labels().compareTo(s.labels()) >= 0) {
          sorted = false; // a Prometheus block whose byte order differs from Labels order
        }
        out.add(s);
      }
    }
    if (!sorted) {
      out.sort(Comparator.comparing(ChunkSeries::labels));
    }
    return out;
  }

  private ChunkSeries load(IndexSeries s, long mint, long maxt) throws IOException {
    List<ChunkMeta> metas = new ArrayList<>();
    for (SeriesChunk c : s.chunks()) {
      if (c.minTime() <= maxt && c.maxTime() >= mint) {
        Chunk chunk = chunks.chunk(c.ref());
        metas.add(new ChunkMeta(c.minTime(), c.maxTime(), chunk));
      }
    }
    return metas.isEmpty() ? null : new ChunkSeries(s.labels(), metas);
  }

  /**
   * Every series with all its chunks, in index order, loaded one at a time (for compaction).
   * The iterator throws {@link UncheckedIOException} on a damaged block.
   */
  Iterator<ChunkSeries> allSeries() throws IOException {
    int[] refs = index.allPostings();
    return new Iterator<>() {
      int i;

      @Override
      public boolean hasNext() {
        return i < refs.length;
      }

      @Override
      public ChunkSeries next() {
        if (i >= refs.length) {
          throw new NoSuchElementException();
        }
        try {
          IndexSeries s = index.series(refs[i++]);
          ChunkSeries c = load(s, Long.MIN_VALUE, Long.MAX_VALUE);
          return c != null ? c : new ChunkSeries(s.labels(), List.of());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
  }

  @Override
  public List<String> labelNames(long mint, long maxt) {
    if (!meta.overlaps(mint, maxt)) {
      return List.of();
    }
    return index.labelNames().stream().sorted().toList();
  }

  @Override
  public List<String> labelValues(String name, long mint, long maxt) {
    if (!meta.overlaps(mint, maxt)) {
      return List.of();
    }
    return index.labelValues(name).stream().sorted().toList();
  }

  @Override
  public void close() {
    try {
      chunks.close();
    } finally {
      index.close();
    }
  }

  @Override
  public String toString() {
    return "Block[" + meta.ulid() + " " + meta.minTime() + ".." + meta.maxTime() + " " + dir + "]";
  }
}
