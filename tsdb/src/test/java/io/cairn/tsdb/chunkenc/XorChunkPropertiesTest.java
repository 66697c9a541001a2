package io.cairn.tsdb.chunkenc;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.tsdb.model.Sample;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Round trips of random sample sequences through {@link XorChunk}. */
class XorChunkPropertiesTest {
  @Property(tries = 500)
  void increasingSamplesRoundTrip(@ForAll("increasing") List<Sample> samples) {
    assertRoundTrip(samples);
  }

  @Property(tries = 300)
  void bucketEdgesRoundTrip(@ForAll("bucketEdges") List<Sample> samples) {
    assertRoundTrip(samples);
  }

  @Property(tries = 300)
  void countersRoundTrip(@ForAll("counters") List<Sample> samples) {
    assertRoundTrip(samples);
  }

  /** The appender does not check order; deltas wrap around as in Go, so any timestamps survive. */
  @Property(tries = 300)
  void anyTimestampsRoundTrip(@ForAll("anyOrder") List<Sample> samples) {
    assertRoundTrip(samples);
  }

  @Property(tries = 300)
  void reopenedChunksContinueWhereTheyStopped(
      @ForAll("increasing") List<Sample> samples, @ForAll @IntRange(max = 200) int cut)
      throws CorruptChunkException {
    int k = Math.min(cut, samples.size());
    byte[] oneShot = Samples.encode(samples).bytes();

    XorChunk reopened = XorChunk.fromBytes(Samples.encode(samples.subList(0, k)).bytes());
    Samples.appendAll(reopened, samples.subList(k, samples.size()));
    assertThat(Samples.decode(reopened)).isEqualTo(Samples.raw(samples));

    XorChunk sameObject = Samples.encode(samples.subList(0, k)); // appender() again, same chunk
    Samples.appendAll(sameObject, samples.subList(k, samples.size()));
    assertThat(sameObject.bytes()).isEqualTo(reopened.bytes());

    // As in Prometheus, the reopened appender differs from a fresh one only until a window exists.
    if (k == 0 || Samples.windowChosen(samples, k)) {
      assertThat(Samples.hex(reopened.bytes())).isEqualTo(Samples.hex(oneShot));
    }
  }

  @Property(tries = 300)
  void seekFindsTheFirstSampleAtOrAfterTheTarget(
      @ForAll("increasing") List<Sample> samples, @ForAll("offsets") long offset,
      @ForAll @IntRange(max = 5) int stepsFirst) {
    XorChunk c = Samples.encode(samples);
    long target = samples.get(samples.size() / 2).t() + offset;
    ChunkIterator it = c.iterator();
    int stepped = 0;
    while (stepped < stepsFirst && it.next()) {
      stepped++;
    }
    int from = Math.max(stepped - 1, 0); // seek never moves backwards
    Sample expected =
        samples.subList(from, samples.size()).stream()
            .filter(s -> s.t() >= target)
            .findFirst()
            .orElse(null);
    boolean atEnd = stepped < stepsFirst;
    boolean found = it.seek(target);
    if (expected == null || atEnd) {
      assertThat(found).isFalse();
    } else {
      assertThat(found).isTrue();
      assertThat(Samples.Raw.of(it.at())).isEqualTo(Samples.Raw.of(expected));
    }
    assertThat(it.err()).isEmpty();
  }

  private static void assertRoundTrip(List<Sample> samples) {
    XorChunk c = Samples.encode(samples);
    assertThat(c.numSamples()).isEqualTo(samples.size());
    assertThat(c.encoding()).isEqualTo(Encoding.XOR);
    assertThat(Samples.decode(c)).isEqualTo(Samples.raw(samples));
    XorChunk copy = XorChunk.fromBytes(c.bytes());
    assertThat(Samples.decode(copy)).isEqualTo(Samples.raw(samples));
    assertThat(Samples.decode(Chunk.fromBytes(Encoding.XOR, c.bytes()))).isEqualTo(Samples.raw(samples));
    // Decoded samples re-encode to the same bytes: the values' bits really survived.
    List<Sample> again = Samples.decode(copy).stream().map(Samples.Raw::sample).toList();
    assertThat(Samples.encode(again).bytes()).isEqualTo(c.bytes());
  }

  @Provide
  Arbitrary<List<Sample>> increasing() {
    return Generators.increasing(250);
  }

  @Provide
  Arbitrary<List<Sample>> bucketEdges() {
    return Generators.bucketEdges(100);
  }

  @Provide
  Arbitrary<List<Sample>> counters() {
    return Generators.counters(250);
  }

  @Provide
  Arbitrary<List<Sample>> anyOrder() {
    return Combinators.combine(
            Arbitraries.longs().list().ofMinSize(1).ofMaxSize(100),
            Generators.values().list().ofSize(100))
        .as(
            (ts, vs) ->
                java.util.stream.IntStream.range(0, ts.size())
                    .mapToObj(i -> new Sample(ts.get(i), vs.get(i)))
                    .toList());
  }

  @Provide
  Arbitrary<Long> offsets() {
    return Arbitraries.oneOf(
        Arbitraries.longs().between(-100_000, 100_000),
        Arbitraries.of(0L, 1L, -1L, Long.MIN_VALUE / 2, Long.MAX_VALUE / 2));
  }
}
