package io.cairn.tsdb.head;

import io.cairn.tsdb.model.Label;
import io.cairn.tsdb.model.Labels;
import io.cairn.tsdb.model.Matcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The head's inverted index: for every label pair, the references of the series that carry it.
 * Thread-safe: adds may race with lookups; a lookup sees every add that finished before it began.
 * Removal happens only through {@link #rebuild}, under the head's truncation.
 */
final class Postings {
  private final Map<String, Map<String, RefList>> byName = new ConcurrentHashMap<>();

  void add(long ref, Labels labels) {
    for (Label l : labels) {
      byName.computeIfAbsent(l.name(), n -> new ConcurrentHashMap<>())
          .computeIfAbsent(l.value(), v -> new RefList())
          .add(ref);
    }
  }

  /** Replaces the content by the given series (after series were removed). */
  synchronized void rebuild(Iterable<MemSeries> series) {
    Map<String, Map<String, RefList>> fresh = new ConcurrentHashMap<>();
    for (MemSeries s : series) {
      for (Label l : s.labels) {
        fresh.computeIfAbsent(l.name(), n -> new ConcurrentHashMap<>())
            .computeIfAbsent(l.value(), v -> new RefList())
            .add(s.ref);
      }
    }
    byName.clear();
    byName.putAll(fresh);
  }

  /**
   * Candidate references for the matchers, sorted; null means "no narrowing possible, check every
   * series". Every candidate must still be checked against all matchers.
   */
  long[] candidates(List<Matcher> matchers) {
    long[] result = null;
    for (Matcher m : matchers) {
      if (m.matchesEmpty()) {
        continue; // selects series without the label too: postings cannot narrow it
      }
      long[] these = forMatcher(m);
      result = result == null ? these : intersect(result, these);
      if (result.length == 0) {
        return result;
      }
    }
    return result;
  }

  private long[] forMatcher(Matcher m) {
    Map<String, RefList> values = byName.get(m.name());
    if (values == null) {
      return new long[0];
    }
    if (m.type() == Matcher.Type.EQUAL) {
      RefList l = values.get(m.value());
      return l == null ? new long[0] : l.sorted();
    }
    List<long[]> parts = new ArrayList<>();
    values.forEach((v, l) -> {
      if (m.matches(v)) {
        parts.add(l.sorted());
      }
    });
    return union(parts);
  }

  List<String> labelNames() {
    return new ArrayList<>(new TreeSet<>(byName.keySet()));
  }

  List<String> labelValues(String name) {
    Map<String, RefList> values = byName.get(name);
    return values == null ? List.of() : new ArrayList<>(new TreeSet<>(values.keySet()));
  }

  /** Prometheus's {@code MemPostings.Stats(label)}; {@code label} is usually the metric name. */
  PostingsStats stats(String label) {
    PostingsStats.Top metrics = new PostingsStats.Top();
    PostingsStats.Top names = new PostingsStats.Top();
    PostingsStats.Top sizes = new PostingsStats.Top();
    PostingsStats.Top pairs = new PostingsStats.Top();
    long numPairs = 0;
    for (var byValue : byName.entrySet()) {
      String n = byValue.getKey();
      long size = 0;
      int values = 0;
      for (var e : byValue.getValue().entrySet()) {
        int count = e.getValue().size();
        if (count == 0) {
          continue;
        }
        values++;
        if (n.equals(label)) {
          metrics.add(e.getKey(), count);
        }
        pairs.add(n + "=" + e.getKey(), count);
        size += e.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
      }
      names.add(n, values);
      sizes.add(n, size);
      numPairs += values;
    }
    return new PostingsStats(numPairs, metrics.get(), names.get(), sizes.get(), pairs.get());
  }

  static long[] intersect(long[] a, long[] b) {
    long[] out = new long[Math.min(a.length, b.length)];
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < a.length && j < b.length) {
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

  static long[] union(List<long[]> parts) {
    int total = 0;
    for (long[] p : parts) {
      total += p.length;
    }
    long[] all = new long[total];
    int n = 0;
    for (long[] p : parts) {
      System.arraycopy(p, 0, all, n, p.length);
      n += p.length;
    }
    Arrays.sort(all);
    int w = 0;
    for (int r = 0; r < all.length; r++) {
      if (w == 0 || all[w - 1] != all[r]) {
        all[w++] = all[r];
      }
    }
    return Arrays.copyOf(all, w);
  }

  /** A growable list of references, sorted lazily. */
  private static final class RefList {
    private long[] refs = new long[2];
    private int n;
    private boolean sorted = true;

    synchronized void add(long ref) {
      if (n == refs.length) {
        refs = Arrays.copyOf(refs, n * 2);
      }
      if (n > 0 && refs[n - 1] >= ref) {
        sorted = false;
      }
      refs[n++] = ref;
    }

    synchronized int size() {
      return n;
    }

    synchronized long[] sorted() {
      if (!sorted) {
        Arrays.sort(refs, 0, n);
        sorted = true;
      }
      return Arrays.copyOf(refs, n);
    }
  }
}
