package io.cairn.tsdb.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.tsdb.head.HeadOptions;
import io.cairn.tsdb.model.Labels;
import io.cairn.tsdb.model.Matcher;
import io.cairn.tsdb.model.Sample;
import io.cairn.tsdb.storage.AppendException;
import io.cairn.tsdb.storage.Appender;
import io.cairn.tsdb.storage.ChunkSeries;
import io.cairn.tsdb.storage.SeriesSamples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DbTest {
  static final long RANGE = 10_000;
  static final Labels A = Labels.of("__name__", "m", "s", "a");
  static final Labels B = Labels.of("__name__", "m", "s", "b");

  @TempDir Path dir;

  DbOptions options() {
    return DbOptions.defaults().withHead(HeadOptions.defaults().withChunkRange(RANGE).withOutOfOrderWindow(0))
        .withRetention(0, 0);
  }

  static void write(Db db, long from, long to, long step) throws Exception {
    Appender a = db.appender();
    for (long t = from; t < to; t += step) {
      a.append(0, A, t, t);
      a.append(0, B, t, -t);
    }
    a.commit();
  }

  static List<Sample> samples(Db db, Labels l) throws Exception {
    List<ChunkSeries> s = db.select(Long.MIN_VALUE, Long.MAX_VALUE, List.of(Matcher.equal("s", l.get("s"))));
    assertThat(s).hasSize(1);
    return SeriesSamples.samples(s.getFirst(), Long.MIN_VALUE, Long.MAX_VALUE);
  }

  static List<Sample> expected(long from, long to, long step, int sign) {
    List<Sample> out = new ArrayList<>();
    for (long t = from; t < to; t += step) {
      out.add(new Sample(t, (double) (sign * t)));
    }
    return out;
  }

  @Test
  void theHeadIsCutIntoBlocksAndReadsSpanBoth() throws Exception {
    try (Db db = Db.open(dir, options())) {
      write(db, 0, 15_500, 500);
      db.maintain();
      assertThat(db.blocks()).isEmpty(); // 15 s is not more than 1.5 ranges
      write(db, 15_500, 30_000, 500);
      db.maintain();
      assertThat(db.blocks()).extracting(b -> b.meta().minTime()).containsExactly(0L, RANGE); // head spans <= 1.5 ranges after
      assertThat(db.blocks().getFirst().meta().maxTime()).isEqualTo(RANGE);
      assertThat(db.head().minTime()).isEqualTo(2 * RANGE);
      assertThat(samples(db, A)).isEqualTo(expected(0, 30_000, 500, 1));
      assertThat(samples(db, B)).isEqualTo(expected(0, 30_000, 500, -1));
      assertThatThrownBy(() -> write(db, 9_999, 10_000, 1)).isInstanceOf(AppendException.class);
    }
    try (Db db = Db.open(dir, options())) { // blocks plus the WAL's checkpoint and segments
      assertThat(db.blocks()).hasSize(2);
      assertThat(samples(db, A)).isEqualTo(expected(0, 30_000, 500, 1));
      assertThat(db.labelValues("s", 0, 1)).containsExactly("a", "b");
    }
  }

  @Test
  void aSnapshotHoldsTheBlocksAndTheHeadAndOpensAsADatabase() throws Exception {
    Path snap = dir.resolve("snapshots").resolve("one");
    try (Db db = Db.open(dir.resolve("data"), options())) {
      write(db, 0, 30_000, 500);
      db.maintain();
      assertThat(db.blocks()).hasSize(2);
      db.snapshot(snap, true);
      assertThatThrownBy(() -> db.snapshot(snap, true)).isInstanceOf(IOException.class);
      db.snapshot(dir.resolve("snapshots").resolve("blocks-only"), false);
    }
    try (Db copy = Db.open(snap, options())) {
      assertThat(copy.blocks()).hasSize(3); // two linked, one written from the head
      assertThat(samples(copy, A)).isEqualTo(expected(0, 30_000, 500, 1));
      assertThat(samples(copy, B)).isEqualTo(expected(0, 30_000, 500, -1));
    }
    try (Db blocksOnly = Db.open(dir.resolve("snapshots").resolve("blocks-only"), options())) {
      assertThat(samples(blocksOnly, A)).isEqualTo(expected(0, 2 * RANGE, 500, 1));
    }
    try (Db data = Db.open(dir.resolve("data"), options())) { // the original is untouched
      assertThat(samples(data, A)).isEqualTo(expected(0, 30_000, 500, 1));
    }
  }

  @Test
  void blocksAreCompactedAsPlanned() throws Exception {
    try (Db db = Db.open(dir, options())) {
      write(db, 0, 100_000, 1000);
      db.maintain();
      assertThat(db.compactions()).isPositive();
      assertThat(db.blocks()).anySatisfy(b -> assertThat(b.meta().maxTime() - b.meta().minTime()).isEqualTo(3 * RANGE));
      assertThat(samples(db, A)).isEqualTo(expected(0, 100_000, 1000, 1));
    }
    try (Db db = Db.open(dir, options())) {
      assertThat(samples(db, A)).isEqualTo(expected(0, 100_000, 1000, 1));
    }
  }

  @Test
  void retentionDeletesOldBlocks() throws Exception {
    DbOptions o = options().withRetention(5 * RANGE, 0);
    try (Db db = Db.open(dir, o)) {
      write(db, 0, 200_000, 1000);
      db.maintain();
      assertThat(db.retentionDeletions()).isPositive();
      long oldest = db.blocks().getFirst().meta().minTime();
      assertThat(oldest).isPositive();
      assertThat(samples(db, A).getFirst().t()).isEqualTo(oldest);
    }
  }

  @Test
  void aSecondOpenFailsAndLeftoversAreCleaned() throws Exception {
    Files.createDirectories(dir.resolve("01ARZ3NDEKTSV4RRFFQ69G5FAV.tmp-for-creation"));
    try (Db db = Db.open(dir, options())) {
      assertThat(dir.resolve("01ARZ3NDEKTSV4RRFFQ69G5FAV.tmp-for-creation")).doesNotExist();
      assertThatThrownBy(() -> Db.open(dir, options())).isInstanceOf(IOException.class).hasMessageContaining("in use");
    }
  }

  @Test
  void blockRangesFollowPrometheus() {
    DbOptions o = DbOptions.defaults();
    assertThat(Db.blockRanges(o)).containsExactly(7_200_000L, 21_600_000L, 64_800_000L);
  }
}
