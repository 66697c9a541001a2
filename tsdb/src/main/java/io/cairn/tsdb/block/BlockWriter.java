package io.cairn.tsdb.block;

import io.cairn.tsdb.chunkenc.Chunk;
import io.cairn.tsdb.chunkenc.CorruptChunkException;
import io.cairn.tsdb.chunks.ChunkFileWriter;
import io.cairn.tsdb.index.IndexWriter;
import io.cairn.tsdb.index.SeriesChunk;
import io.cairn.tsdb.model.Label;
import io.cairn.tsdb.model.Labels;
import io.cairn.tsdb.storage.ChunkMeta;
import io.cairn.tsdb.storage.ChunkSeries;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Writes a block directory {@code <parent>/<ULID>/} from series sorted by labels, as Prometheus
 * 2.42's {@code LeveledCompactor.Write}: chunks first, then the index, the empty tombstones and
 * {@code meta.json}, all in {@code <ULID>.tmp-for-creation/}, each file fsynced, then renamed into
 * place atomically and the parent directory fsynced. A crash leaves either no block or a complete
 * one (plus maybe a {@code .tmp-for-creation} directory, which {@link Block#cleanTemporary} removes).
 *
 * <p>A series' chunks may come in any order and overlap (out-of-order data, or the same series from
 * several blocks): they are merged as {@link ChunkMerger} says, the later chunk in the list winning
 * on equal timestamps. Samples outside {@code [mint, maxtExclusive)} are dropped. Series left
 * without samples are skipped; if none has samples, no block is written (as Prometheus).
 * Stateless; concurrent writes go to different directories.
 */
public final class BlockWriter {
  static final String TMP_SUFFIX = ".tmp-for-creation";

  private BlockWriter() {}

  /** Writes a level-1 block; empty if there were no samples in the range. */
  public static Optional<BlockMeta> write(Path parentDir, long mint, long maxtExclusive, Iterator<ChunkSeries> sortedSeries)
      throws IOException {
    Ulid ulid = Ulid.next();
    return write(parentDir, ulid, mint, maxtExclusive, sortedSeries, BlockMeta.Compaction.fresh(ulid));
  }

  record Written(Labels labels, List<SeriesChunk> chunks) {}

  static Optional<BlockMeta> write(Path parentDir, Ulid ulid, long mint, long maxtExclusive,
      Iterator<ChunkSeries> sortedSeries, BlockMeta.Compaction compaction) throws IOException {
    if (maxtExclusive <= mint) {
      throw new IllegalArgumentException("block range [" + mint + ", " + maxtExclusive + ") is empty");
    }
    Path tmp = parentDir.resolve(ulid + TMP_SUFFIX);
    Path dir = parentDir.resolve(ulid.toString());
    BlockFiles.deleteTree(tmp);
    Files.createDirectories(tmp);
    boolean done = false;
    try {
      List<Written> series = new ArrayList<>();
      Set<String> symbols = new HashSet<>();
      long samples = 0;
      long chunkCount = 0;
      try (ChunkFileWriter chunks = ChunkFileWriter.create(tmp.resolve("chunks"))) {
        Labels last = null;
        while (sortedSeries.hasNext()) {
          ChunkSeries s = sortedSeries.next();
          if (last != null && s.labels().compareTo(last) <= 0) {
            throw new IllegalArgumentException("series " + s.labels() + " is not after the previous series " + last);
          }
          last = s.labels();
          List<ChunkMeta> metas;
          try {
            metas = ChunkMerger.normalize(s.labels(), s.chunks(), mint, maxtExclusive - 1);
          } catch (CorruptChunkException e) {
            throw new IOException("series " + s.labels() + " has a chunk that does not decode: " + e.getMessage(), e);
          }
          if (metas.isEmpty()) {
            continue;
          }
          List<Chunk> data = new ArrayList<>(metas.size());
          for (ChunkMeta m : metas) {
            data.add(m.chunk());
            samples += m.chunk().numSamples();
          }
          long[] refs = chunks.writeChunks(data);
          List<SeriesChunk> idx = new ArrayList<>(metas.size());
          for (int i = 0; i < refs.length; i++) {
            idx.add(new SeriesChunk(metas.get(i).minTime(), metas.get(i).maxTime(), refs[i]));
          }
          chunkCount += refs.length;
          for (Label l : s.labels()) {
            symbols.add(l.name());
            symbols.add(l.value());
          }
          series.add(new Written(s.labels(), idx));
        }
      }
      if (samples == 0) {
        return Optional.empty();
      }
      try (IndexWriter index = IndexWriter.create(tmp.resolve("index"))) {
        index.addSymbols(symbols);
        for (Written w : series) {
          index.addSeries(w.labels(), w.chunks());
        }
      }
      BlockMeta meta = new BlockMeta(ulid, mint, maxtExclusive,
          new BlockMeta.Stats(samples, series.size(), chunkCount, 0), compaction);
      BlockFiles.writeSynced(tmp.resolve(MetaJson.FILE), MetaJson.encode(meta).getBytes(StandardCharsets.UTF_8));
      Tombstones.writeEmpty(tmp);
      BlockFiles.syncDir(tmp);
      Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
      BlockFiles.syncDir(parentDir);
      done = true;
      return Optional.of(meta);
    } finally {
      if (!done) {
        BlockFiles.deleteTree(tmp);
      }
    }
  }
}
