package io.cairn.tsdb.block;

import io.cairn.tsdb.chunkenc.CorruptChunkException;
import io.cairn.tsdb.model.Labels;
import io.cairn.tsdb.model.Sample;
import io.cairn.tsdb.storage.ChunkMeta;
import io.cairn.tsdb.storage.ChunkSeries;
import io.cairn.tsdb.storage.SeriesSamples;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns a series' chunks (any order, possibly overlapping, possibly reaching outside the block)
 * into chunks a block may hold: inside {@code [mint, maxt]}, sorted, not overlapping. As
 * Prometheus's compacting chunk merger: a chunk that overlaps no other and lies inside the range is
 * kept as it is; each group of overlapping chunks (and each chunk reaching outside the range) is
 * decoded, merged (the chunk later in the input winning on equal timestamps) and re-encoded into
 * chunks of at most 120 samples.
 */
final class ChunkMerger {
  private ChunkMerger() {}

  static List<ChunkMeta> normalize(Labels labels, List<ChunkMeta> chunks, long mint, long maxt) throws CorruptChunkException {
    List<Integer> order = new ArrayList<>(chunks.size());
    for (int i = 0; i < chunks.size(); i++) {
      if (chunks.get(i).overlaps(mint, maxt)) {
        order.add(i);
      }
    }
    order.sort(Comparator.comparingLong((Integer i) -> chunks.get(i).minTime()).thenComparingInt(i -> i));
    List<ChunkMeta> out = new ArrayList<>(order.size());
    int g = 0;
    while (g < order.size()) {
      int end = g + 1;
      long groupMax = chunks.get(order.get(g)).maxTime();
      while (end < order.size() && chunks.get(order.get(end)).minTime() <= groupMax) {
        groupMax = Math.max(groupMax, chunks.get(order.get(end)).maxTime());
        end++;
      }
      ChunkMeta first = chunks.get(order.get(g));
      if (end == g + 1 && first.minTime() >= mint && first.maxTime() <= maxt) {
        out.add(first);
      } else {
        List<Integer> members = new ArrayList<>(order.subList(g, end));
        members.sort(Comparator.naturalOrder()); // input order decides who wins
        List<ChunkMeta> group = new ArrayList<>(members.size());
        for (int i : members) {
          group.add(chunks.get(i));
        }
        List<Sample> samples = SeriesSamples.samples(new ChunkSeries(labels, group), mint, maxt);
        out.addAll(ChunkSeriesBuilder.chunks(samples));
      }
      g = end;
    }
    return out;
  }
}
