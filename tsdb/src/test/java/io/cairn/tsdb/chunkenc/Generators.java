package io.cairn.tsdb.chunkenc;

import io.cairn.tsdb.model.Sample;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** jqwik generators of sample sequences for the chunk properties and the fuzz test. */
final class Generators {
  private Generators() {}

  /** Gaps between timestamps: mostly a scrape interval with jitter, sometimes tiny or huge. */
  static Arbitrary<Long> gaps() {
    return Arbitraries.frequencyOf(
        Tuple.of(8, Arbitraries.just(15_000L)),
        Tuple.of(8, Arbitraries.longs().between(14_000, 16_000)),
        Tuple.of(4, Arbitraries.longs().between(1, 100)),
        Tuple.of(3, Arbitraries.longs().between(1, 1L << 21)), // crosses the 14/17/20-bit buckets
        Tuple.of(2, Arbitraries.longs().between(1, 1L << 50))); // 64-bit buckets, both signs
  }

  /** Values with plenty of repeats, special floats, exact NaN payloads and arbitrary bit patterns. */
  static Arbitrary<Double> values() {
    return Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.of(0.0, 1.0, 2.0, 100.0, 0.5)),
        Tuple.of(
            3,
            Arbitraries.of(
                Double.NaN,
                Double.longBitsToDouble(Samples.STALE_NAN),
                Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY,
                -0.0,
                Double.MIN_VALUE,
                Double.MAX_VALUE,
                -Double.MAX_VALUE,
                Double.MIN_NORMAL)),
        Tuple.of(3, Arbitraries.integers().between(-1000, 1000).map(i -> (double) i)),
        Tuple.of(3, Arbitraries.doubles()),
        Tuple.of(3, Arbitraries.longs().map(Double::longBitsToDouble)), // any bits, NaN payloads too
        Tuple.of(1, Arbitraries.longs().map(b -> Double.longBitsToDouble(0x7ff0000000000000L | b))));
  }

  /** Strictly increasing timestamps (no overflow) with values from {@link #values}. */
  static Arbitrary<List<Sample>> increasing(int maxSize) {
    Arbitrary<Long> start =
        Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.longs().between(1_600_000_000_000L, 1_800_000_000_000L)),
            Tuple.of(1, Arbitraries.longs().between(-(1L << 60), 1L << 60)),
            Tuple.of(1, Arbitraries.of(0L, -1L, 1L)));
    Arbitrary<List<Long>> gaps = gaps().list().ofMaxSize(maxSize);
    return Combinators.combine(start, gaps, values().list().ofSize(maxSize + 1))
        .as(
            (t0, gs, vs) -> {
              List<Sample> out = new ArrayList<>();
              long t = t0;
              out.add(new Sample(t, vs.get(0)));
              for (int i = 0; i < gs.size(); i++) {
                t += gs.get(i);
                out.add(new Sample(t, vs.get(i + 1)));
              }
              return out;
            });
  }

  /**
   * Increasing timestamps whose deltas of deltas sit on and around the edges of the 14, 17 and
   * 20-bit buckets ({@code 2^(n-1)} and {@code -(2^(n-1) - 1)} are the last values in a bucket).
   */
  static Arbitrary<List<Sample>> bucketEdges(int maxSize) {
    List<Long> edges = new ArrayList<>(List.of(0L));
    for (int n : new int[] {14, 17, 20}) {
      long half = 1L << (n - 1);
      for (long e : new long[] {half - 1, half, half + 1}) {
        edges.add(e);
        edges.add(-e);
      }
    }
    Arbitrary<Long> dods =
        Arbitraries.oneOf(Arbitraries.of(edges), Arbitraries.longs().between(-(1L << 21), 1L << 21));
    return Combinators.combine(dods.list().ofMaxSize(maxSize), values().list().ofSize(maxSize + 2))
        .as(
            (ds, vs) -> {
              List<Sample> out = new ArrayList<>();
              long delta = 1L << 22; // room for negative deltas of deltas
              long t = 1_700_000_000_000L;
              out.add(new Sample(t, vs.get(0)));
              t += delta;
              out.add(new Sample(t, vs.get(1)));
              for (int i = 0; i < ds.size(); i++) {
                long dod = delta + ds.get(i) > 0 ? ds.get(i) : -ds.get(i);
                delta += dod;
                t += delta;
                out.add(new Sample(t, vs.get(i + 2)));
              }
              return out;
            });
  }

  /** A counter: non-decreasing values, resets now and then, scraped every ~15 s. */
  static Arbitrary<List<Sample>> counters(int maxSize) {
    Arbitrary<Double> increments =
        Arbitraries.frequencyOf(
            Tuple.of(4, Arbitraries.just(0.0)),
            Tuple.of(6, Arbitraries.integers().between(1, 500).map(i -> (double) i)),
            Tuple.of(3, Arbitraries.doubles().between(0, 1e9)),
            Tuple.of(1, Arbitraries.just(-1.0))); // -1 means reset to 0
    Arbitrary<List<Long>> jitter = Arbitraries.longs().between(-50, 50).list().ofMaxSize(maxSize);
    return Combinators.combine(jitter, increments.list().ofSize(maxSize))
        .as(
            (js, incs) -> {
              List<Sample> out = new ArrayList<>();
              double c = 0;
              for (int i = 0; i < js.size(); i++) {
                c = incs.get(i) < 0 ? 0 : c + incs.get(i);
                out.add(new Sample(1_700_000_000_000L + 15_000L * i + js.get(i), c));
              }
              return out;
            });
  }
}
