package io.cairn.tsdb.block;

import java.util.Arrays;
import java.util.List;

/** Set operations on postings lists: ascending, distinct series references. */
final class Postings {
  static final int[] EMPTY = new int[0];

  private Postings() {}

  static int[] intersect(int[] a, int[] b) {
    int[] out = new int[Math.min(a.length, b.length)];
    int n = 0;
    for (int i = 0, j = 0; i < a.length && j < b.length; ) {
      if (a[i] < b[j]) {
        i++;
      } else if (a[i] > b[j]) {
        j++;
      } else {
        out[n++] = a[i];
        i++;
        j++;
      }
    }
    return Arrays.copyOf(out, n);
  }

  /** {@code a} without the references in {@code b}. */
  static int[] without(int[] a, int[] b) {
    int[] out = new int[a.length];
    int n = 0;
    int j = 0;
    for (int x : a) {
      while (j < b.length && b[j] < x) {
        j++;
      }
      if (j >= b.length || b[j] != x) {
        out[n++] = x;
      }
    }
    return Arrays.copyOf(out, n);
  }

  static int[] union(List<int[]> lists) {
    if (lists.isEmpty()) {
      return EMPTY;
    }
    if (lists.size() == 1) {
      return lists.getFirst();
    }
    return lists.stream().flatMapToInt(Arrays::stream).sorted().distinct().toArray();
  }
}
