package io.cairn.tsdb.block;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which blocks retention deletes, as Prometheus 2.42's {@code BeyondTimeRetention} and {@code
 * BeyondSizeRetention}. Blocks are taken newest first (by minTime). Stateless.
 */
public final class Retention {
  private Retention() {}

  /** {@link #select(List, long, long, long)} without a head size. */
  public static <B extends BlockInfo> List<B> select(List<B> blocks, long retentionTimeMs, long retentionSizeBytes) {
    return select(blocks, retentionTimeMs, retentionSizeBytes, 0);
  }

  /**
   * The blocks to delete, oldest first.
   *
   * <ul>
   *   <li>time ({@code retentionTimeMs > 0}): every block, from the first (newest to oldest) whose
   *       maxTime is more than {@code retentionTimeMs} before the newest block's maxTime; the newest
   *       block itself is never deleted for time.
   *   <li>size ({@code retentionSizeBytes > 0}): adding block sizes newest first onto {@code
   *       headSizeBytes} (WAL and head chunks, as Prometheus counts them), every block from the
   *       first that takes the total over the limit.
   * </ul>
   */
  public static <B extends BlockInfo> List<B> select(List<B> blocks, long retentionTimeMs, long retentionSizeBytes,
      long headSizeBytes) {
    List<B> newest = new ArrayList<>(blocks);
    newest.sort(Comparator.comparingLong((B b) -> b.meta().minTime()).reversed());
    Set<B> out = new LinkedHashSet<>();
    if (retentionTimeMs > 0 && !newest.isEmpty()) {
      long top = newest.getFirst().meta().maxTime();
      for (int i = 1; i < newest.size(); i++) {
        if (top - newest.get(i).meta().maxTime() > retentionTimeMs) {
          out.addAll(newest.subList(i, newest.size()));
          break;
        }
      }
    }
    if (retentionSizeBytes > 0) {
      long total = headSizeBytes;
      for (int i = 0; i < newest.size(); i++) {
        total += newest.get(i).sizeBytes();
        if (total > retentionSizeBytes) {
          out.addAll(newest.subList(i, newest.size()));
          break;
        }
      }
    }
    List<B> result = new ArrayList<>(out);
    result.sort(Comparator.comparingLong(b -> b.meta().minTime()));
    return result;
  }
}
