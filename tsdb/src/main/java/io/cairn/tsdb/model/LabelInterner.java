package io.cairn.tsdb.model;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Shares the memory of equal labels between label sets that live long (the head's series, the
 * scrape caches): one {@link Label} object per distinct name/value pair, and one {@code String} per
 * distinct label name.
 *
 * <p>Why: a scrape or a remote-write request parses every label into new strings, and a head of
 * 200,000 series held about five strings and six {@code Label} objects of its own per series (a
 * heap histogram under the monitor benchmark), while the distinct pairs were a few thousand: job,
 * instance, metric names, bucket bounds repeat across series. Interning the pairs when a series is
 * created stores each of them once.
 *
 * <p>Cost: a distinct pair costs one map entry (about 40 bytes) on top of the {@code Label} it
 * shares, so a label whose value is unique to one series (a request id) costs that much more than
 * without interning. Lookups are {@link ConcurrentHashMap} reads; the interner is consulted only
 * when a series is created, never per sample.
 *
 * <p>Lifetime: the interner only grows, so its owner calls {@link #retainOnly} when series go
 * away (the head does after dropping dead series), which rebuilds it from the label sets still
 * alive. Label sets interned concurrently with a rebuild may keep pairs the rebuilt table does not
 * list; the next series with the same pair then gets its own copy. That only costs memory, never
 * correctness: interned label sets are equal to what was passed in.
 *
 * <p>Thread-safe.
 */
public final class LabelInterner {
  private volatile Tables tables = new Tables();

  private record Tables(ConcurrentHashMap<Label, Label> pairs, ConcurrentHashMap<String, String> names) {
    Tables() {
      this(new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
    }

    Label intern(Label l) {
      Label known = pairs.get(l);
      if (known != null) {
        return known;
      }
      String name = names.computeIfAbsent(l.name(), n -> n);
      Label fresh = name == l.name() ? l : new Label(name, l.value());
      known = pairs.putIfAbsent(fresh, fresh);
      return known != null ? known : fresh;
    }
  }

  /**
   * A label set equal to {@code labels} whose {@link Label}s are the interned ones; {@code labels}
   * itself when they already are (so interning twice allocates nothing).
   */
  public Labels intern(Labels labels) {
    Tables t = tables;
    Label[] out = null;
    for (int i = 0; i < labels.size(); i++) {
      Label l = labels.get(i);
      Label shared = t.intern(l);
      if (shared != l && out == null) {
        out = labels.labelArrayCopy();
      }
      if (out != null) {
        out[i] = shared;
      }
    }
    return out == null ? labels : Labels.ofSorted(out);
  }

  /** Rebuilds the tables from {@code alive}, forgetting every pair none of them holds. */
  public void retainOnly(Iterable<Labels> alive) {
    Tables fresh = new Tables();
    for (Labels ls : alive) {
      for (Label l : ls) {
        fresh.names.putIfAbsent(l.name(), l.name());
        fresh.pairs.putIfAbsent(l, l);
      }
    }
    tables = fresh;
  }

  /** The number of distinct pairs held; for tests and statistics. */
  public int size() {
    return tables.pairs.size();
  }
}
