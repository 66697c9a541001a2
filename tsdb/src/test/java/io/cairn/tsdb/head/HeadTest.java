package io.cairn.tsdb.head;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.tsdb.model.Labels;
import io.cairn.tsdb.model.Matcher;
import io.cairn.tsdb.model.Sample;
import io.cairn.tsdb.storage.AppendException;
import io.cairn.tsdb.storage.AppendException.Reason;
import io.cairn.tsdb.storage.Appender;
import io.cairn.tsdb.storage.ChunkSeries;
import io.cairn.tsdb.storage.SeriesSamples;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeadTest {
  static final Labels UP_A = Labels.of("__name__", "up", "job", "a");
  static final Labels UP_B = Labels.of("__name__", "up", "job", "b");
  static final Labels RSS = Labels.of("__name__", "rss", "job", "a", "instance", "x");

  @TempDir Path dir;

  Head open(HeadOptions o) throws Exception {
    return Head.open(dir.resolve("wal"), o, Long.MIN_VALUE);
  }

  static void write(Head h, Labels l, long t, double v) throws Exception {
    Appender a = h.appender();
    a.append(0, l, t, v);
    a.commit();
  }

  static List<Sample> samples(Head h, Labels l) throws Exception {
    List<ChunkSeries> s = h.select(Long.MIN_VALUE, Long.MAX_VALUE, matchersOf(l));
    assertThat(s).hasSize(1);
    return SeriesSamples.samples(s.getFirst(), Long.MIN_VALUE, Long.MAX_VALUE);
  }

  static List<Matcher> matchersOf(Labels l) {
    List<Matcher> ms = new ArrayList<>();
    l.forEach(x -> ms.add(Matcher.equal(x.name(), x.value())));
    return ms;
  }

  @Test
  void committedSamplesAreVisibleAndUncommittedAreNot() throws Exception {
    try (Head h = open(HeadOptions.defaults())) {
      Appender a = h.appender();
      long ref = a.append(0, UP_A, 1000, 1);
      assertThat(a.append(ref, UP_A, 2000, 0)).isEqualTo(ref);
      assertThat(h.select(0, 5000, List.of()).stream().flatMap(s -> s.chunks().stream()).toList()).isEmpty();
      a.commit();
      assertThat(samples(h, UP_A)).containsExactly(new Sample(1000, 1), new Sample(2000, 0));
      Appender b = h.appender();
      b.append(0, UP_B, 1000, 1);
      b.rollback();
      assertThat(h.select(0, 5000, List.of(Matcher.equal("job", "b")))).isEmpty();
      assertThat(h.stats().samplesAppended()).isEqualTo(2);
      assertThat(h.minTime()).isEqualTo(1000);
      assertThat(h.maxTime()).isEqualTo(2000);
    }
  }

  @Test
  void matchersSelectAsPrometheus() throws Exception {
    try (Head h = open(HeadOptions.defaults())) {
      write(h, UP_A, 1, 1);
      write(h, UP_B, 1, 1);
      write(h, RSS, 1, 1);
      assertThat(names(h, List.of(Matcher.equal("__name__", "up")))).containsExactly(UP_A, UP_B);
      assertThat(names(h, List.of(Matcher.of(Matcher.Type.NOT_EQUAL, "job", "a")))).containsExactly(UP_B);
      assertThat(names(h, List.of(Matcher.of(Matcher.Type.REGEX, "job", "a|b"), Matcher.equal("instance", ""))))
          .containsExactly(UP_A, UP_B);
      assertThat(names(h, List.of(Matcher.of(Matcher.Type.REGEX, "instance", ".+")))).containsExactly(RSS);
      assertThat(names(h, List.of(Matcher.of(Matcher.Type.NOT_REGEX, "__name__", "u.*")))).containsExactly(RSS);
      assertThat(names(h, List.of(Matcher.of(Matcher.Type.REGEX, "job", "")))).isEmpty();
      assertThat(names(h, List.of())).containsExactly(RSS, UP_A, UP_B);
      assertThat(h.labelNames(0, 1)).containsExactly("__name__", "instance", "job");
      assertThat(h.labelValues("job", 0, 1)).containsExactly("a", "b");
      assertThat(h.select(2, 10, List.of())).isEmpty();
    }
  }

  static List<Labels> names(Head h, List<Matcher> ms) {
    return h.select(Long.MIN_VALUE, Long.MAX_VALUE, ms).stream().map(ChunkSeries::labels).toList();
  }

  @Test
  void chunksAreCutAt120SamplesAndAtRangeBoundaries() throws Exception {
    try (Head h = open(HeadOptions.defaults().withChunkRange(10_000))) {
      for (int i = 0; i < 130; i++) {
        write(h, UP_A, i, i);
      }
      write(h, UP_A, 10_000, 1);
      ChunkSeries s = h.select(0, Long.MAX_VALUE, matchersOf(UP_A)).getFirst();
      assertThat(s.chunks()).extracting(c -> c.chunk().numSamples()).containsExactly(120, 10, 1);
      assertThat(s.chunks()).extracting(c -> c.minTime()).containsExactly(0L, 120L, 10_000L);
      assertThat(h.numChunks()).isEqualTo(3);
    }
  }

  @Test
  void outOfOrderSamplesWithinTheWindowAreKeptAndMerged() throws Exception {
    try (Head h = open(HeadOptions.defaults().withOutOfOrderWindow(1000))) {
      write(h, UP_A, 5000, 5);
      write(h, UP_A, 4500, 4.5);
      write(h, UP_A, 6000, 6);
      assertThatThrownBy(() -> write(h, UP_A, 4000, 4)).isInstanceOf(AppendException.class); // 6000 - 1000 > 4000
      assertThat(samples(h, UP_A)).containsExactly(new Sample(4500, 4.5), new Sample(5000, 5), new Sample(6000, 6));
      assertThat(h.stats().outOfOrderAppended()).isEqualTo(1);
      assertThat(h.select(4400, 4600, matchersOf(UP_A))).hasSize(1); // only the out-of-order chunk overlaps
      assertThatThrownBy(() -> write(h, UP_A, 4999, 1)).isInstanceOf(AppendException.class)
          .extracting(e -> ((AppendException) e).reason()).isEqualTo(Reason.OUT_OF_ORDER);
      write(h, UP_A, 5500, 5.5);
      assertThatThrownBy(() -> write(h, UP_A, 5500, 7)).isInstanceOf(AppendException.class)
          .extracting(e -> ((AppendException) e).reason()).isEqualTo(Reason.DUPLICATE_SAMPLE);
      assertThat(h.minTime()).isEqualTo(4500);
    }
  }

  @Test
  void windowZeroRefusesEveryOutOfOrderSample() throws Exception {
    try (Head h = open(HeadOptions.defaults().withOutOfOrderWindow(0))) {
      write(h, UP_A, 5000, 5);
      assertThatThrownBy(() -> write(h, UP_A, 4999, 1))
          .isInstanceOfSatisfying(AppendException.class, e -> assertThat(e.reason()).isEqualTo(Reason.OUT_OF_ORDER))
          .hasMessageStartingWith("out of order sample");
      write(h, UP_B, 10, 1); // another series has its own order
      assertThat(samples(h, UP_B)).containsExactly(new Sample(10, 1));
    }
  }

  @Test
  void duplicateTimestampsAsPrometheus() throws Exception {
    try (Head h = open(HeadOptions.defaults())) {
      write(h, UP_A, 1000, 1);
      write(h, UP_A, 1000, 1); // same value: silently fine
      assertThatThrownBy(() -> write(h, UP_A, 1000, 2))
          .isInstanceOfSatisfying(AppendException.class, e -> assertThat(e.reason()).isEqualTo(Reason.DUPLICATE_SAMPLE));
      assertThat(samples(h, UP_A)).containsExactly(new Sample(1000, 1));
    }
  }

  @Test
  void theSeriesLimitRefusesNewSeriesOnly() throws Exception {
    try (Head h = open(HeadOptions.defaults().withMaxSeries(2))) {
      write(h, UP_A, 1, 1);
      write(h, UP_B, 1, 1);
      assertThatThrownBy(() -> write(h, RSS, 1, 1))
          .isInstanceOfSatisfying(AppendException.class, e -> assertThat(e.reason()).isEqualTo(Reason.SERIES_LIMIT))
          .hasMessageContaining("2 series");
      write(h, UP_A, 2, 2);
      assertThat(h.numSeries()).isEqualTo(2);
      assertThat(h.stats().seriesLimitHits()).isEqualTo(1);
    }
  }

  @Test
  void aWrongRefIsIgnored() throws Exception {
    try (Head h = open(HeadOptions.defaults())) {
      Appender a = h.appender();
      long refA = a.append(0, UP_A, 1, 1);
      long refB = a.append(refA, UP_B, 1, 2); // ref of another series
      a.append(999, RSS, 1, 3); // unknown ref
      a.commit();
      assertThat(refB).isNotEqualTo(refA);
      assertThat(samples(h, UP_B)).containsExactly(new Sample(1, 2));
      assertThat(samples(h, RSS)).containsExactly(new Sample(1, 3));
    }
  }

  @Test
  void staleMarkersKeepTheirBits() throws Exception {
    try (Head h = open(HeadOptions.defaults())) {
      write(h, UP_A, 1, 1);
      write(h, UP_A, 2, Double.longBitsToDouble(Sample.STALE_NAN_BITS));
      assertThat(samples(h, UP_A).get(1).isStale()).isTrue();
    }
  }

  @Test
  void reopeningReplaysTheWal() throws Exception {
    HeadOptions o = HeadOptions.defaults().withChunkRange(10_000).withOutOfOrderWindow(5000);
    List<ChunkSeries> before;
    try (Head h = open(o)) {
      for (int i = 0; i < 300; i++) {
        write(h, i % 2 == 0 ? UP_A : RSS, 100L * i, i);
      }
      write(h, RSS, 29_850, -1); // out of order
      write(h, UP_B, 5, Double.NaN);
      before = h.select(Long.MIN_VALUE, Long.MAX_VALUE, List.of());
    }
    try (Head h = open(o)) {
      List<ChunkSeries> after = h.select(Long.MIN_VALUE, Long.MAX_VALUE, List.of());
      assertSameSamples(after, before);
      assertThat(h.maxTime()).isEqualTo(29_900);
      write(h, Labels.of("__name__", "new"), 1, 1); // refs continue after the replayed ones
      assertThat(h.numSeries()).isEqualTo(4);
    }
  }

  static void assertSameSamples(List<ChunkSeries> actual, List<ChunkSeries> expected) throws Exception {
    assertThat(actual).extracting(ChunkSeries::labels).isEqualTo(expected.stream().map(ChunkSeries::labels).toList());
    for (int i = 0; i < expected.size(); i++) {
      assertThat(SeriesSamples.samples(actual.get(i), Long.MIN_VALUE, Long.MAX_VALUE))
          .isEqualTo(SeriesSamples.samples(expected.get(i), Long.MIN_VALUE, Long.MAX_VALUE));
    }
  }

  @Test
  void truncationDropsOldDataAndSurvivesReopen() throws Exception {
    HeadOptions o = HeadOptions.defaults().withChunkRange(10_000).withOutOfOrderWindow(0);
    try (Head h = open(o)) {
      write(h, UP_A, 1000, 1);
      write(h, UP_A, 12_000, 2);
      write(h, UP_B, 2000, 1); // only old data: the series goes
      h.truncate(10_000);
      assertThat(samples(h, UP_A)).containsExactly(new Sample(12_000, 2));
      assertThat(names(h, List.of())).containsExactly(UP_A);
      assertThat(h.minTime()).isEqualTo(12_000);
      assertThatThrownBy(() -> write(h, UP_B, 9_999, 1))
          .isInstanceOfSatisfying(AppendException.class, e -> assertThat(e.reason()).isEqualTo(Reason.OUT_OF_BOUNDS));
      write(h, UP_B, 13_000, 3); // the series comes back with a new ref
      assertThat(h.stats().seriesRemoved()).isEqualTo(1);
    }
    try (Head h = Head.open(dir.resolve("wal"), o, 10_000)) {
      assertThat(samples(h, UP_A)).containsExactly(new Sample(12_000, 2));
      assertThat(samples(h, UP_B)).containsExactly(new Sample(13_000, 3));
    }
  }

  @Test
  void seriesShareEqualLabelsAlsoAfterReplay() throws Exception {
    try (Head h = open(HeadOptions.defaults())) {
      Appender a = h.appender();
      Labels kept = a.intern(Labels.of("__name__", new String("up".toCharArray()), "job", "a"));
      a.append(0, kept, 1000, 1);
      a.append(0, Labels.of("__name__", "up", "job", new String("b".toCharArray())), 1000, 1);
      a.commit();
      Labels again = a.intern(Labels.of("__name__", "up", "job", "a"));
      assertThat(again.get(0)).isSameAs(kept.get(0));
      assertThat(again.get(1)).isSameAs(kept.get(1));
      assertThat((Object) a.intern(kept)).isSameAs(kept);
      List<ChunkSeries> s = h.select(Long.MIN_VALUE, Long.MAX_VALUE, List.of());
      assertThat(s).hasSize(2);
      assertThat(s.get(0).labels().get(0)).isSameAs(s.get(1).labels().get(0));
    }
    try (Head h = open(HeadOptions.defaults())) {
      List<ChunkSeries> s = h.select(Long.MIN_VALUE, Long.MAX_VALUE, List.of());
      assertThat(s).extracting(ChunkSeries::labels).containsExactly(UP_A, UP_B);
      assertThat(s.get(0).labels().get(0)).isSameAs(s.get(1).labels().get(0));
      assertThat(s.get(0).labels().get(1).name()).isSameAs(s.get(1).labels().get(1).name());
    }
  }
}
