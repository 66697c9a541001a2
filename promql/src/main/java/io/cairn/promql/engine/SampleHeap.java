package io.cairn.promql.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The bounded heaps of {@code topk} (smallest on top) and {@code bottomk} (largest on top), kept in
 * a list exactly as Go's {@code container/heap} keeps them so that ties resolve as in Prometheus. NaN
 * counts as the least wanted element in both.
 */
final class SampleHeap {
  private SampleHeap() {}

  /** Go's {@code Less}: for topk the smaller value (NaN first), for bottomk the larger one. */
  private static boolean less(List<Sample> h, int i, int j, boolean reverse) {
    double vi = h.get(i).v();
    double vj = h.get(j).v();
    if (Double.isNaN(vi)) {
      return true;
    }
    return reverse ? vi > vj : vi < vj;
  }

  /** Offers {@code s} to a heap holding at most {@code k}; the heap already holds at least one element. */
  static void offer(List<Sample> h, Sample s, long k, boolean reverse) {
    double top = h.get(0).v();
    boolean better = reverse ? top > s.v() : top < s.v();
    if (h.size() < k || better || Double.isNaN(top)) {
      if (h.size() == k) {
        if (k == 1) {
          h.set(0, s);
          return;
        }
        pop(h, reverse);
      }
      h.add(s);
      up(h, h.size() - 1, reverse);
    }
  }

  private static void pop(List<Sample> h, boolean reverse) {
    int n = h.size() - 1;
    Collections.swap(h, 0, n);
    down(h, 0, n, reverse);
    h.remove(n);
  }

  private static void up(List<Sample> h, int j, boolean reverse) {
    while (true) {
      int i = (j - 1) / 2;
      if (i == j || !less(h, j, i, reverse)) {
        break;
      }
      Collections.swap(h, i, j);
      j = i;
    }
  }

  private static void down(List<Sample> h, int i, int n, boolean reverse) {
    while (true) {
      int j1 = 2 * i + 1;
      if (j1 >= n || j1 < 0) {
        break;
      }
      int j = j1;
      int j2 = j1 + 1;
      if (j2 < n && less(h, j2, j1, reverse)) {
        j = j2;
      }
      if (!less(h, j, i, reverse)) {
        break;
      }
      Collections.swap(h, i, j);
      i = j;
    }
  }

  /** The heap's elements best first (topk: descending, bottomk: ascending), NaN last. */
  static List<Sample> drain(List<Sample> h, boolean reverse) {
    List<Sample> out = new ArrayList<>(h);
    out.sort((a, b) -> {
      // sort.Reverse(heap): a before b when Less(b, a)
      boolean bFirst = lessValues(b.v(), a.v(), reverse);
      boolean aFirst = lessValues(a.v(), b.v(), reverse);
      return aFirst == bFirst ? 0 : bFirst ? -1 : 1;
    });
    return out;
  }

  private static boolean lessValues(double vi, double vj, boolean reverse) {
    if (Double.isNaN(vi)) {
      return true;
    }
    return reverse ? vi > vj : vi < vj;
  }
}
