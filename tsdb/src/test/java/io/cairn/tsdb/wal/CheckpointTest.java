package io.cairn.tsdb.wal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.tsdb.model.Labels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {
  private static final LongPredicate EVEN = ref -> ref % 2 == 0;

  /** Series 0..9, then samples at t = 0..(rounds-1)*10 for every series, a segment per round. */
  private static void writeRounds(Wal wal, int fromRound, int rounds) throws IOException {
    if (fromRound == 0) {
      List<RefSeries> series = new ArrayList<>();
      for (int ref = 0; ref < 10; ref++) {
        series.add(new RefSeries(ref, Labels.of("__name__", "m", "i", Integer.toString(ref))));
      }
      wal.log(Records.encodeSeries(series));
    }
    for (int round = fromRound; round < fromRound + rounds; round++) {
      List<RefSample> samples = new ArrayList<>();
      for (int ref = 0; ref < 10; ref++) {
        samples.add(new RefSample(ref, round * 10L, round + ref / 10.0));
      }
      wal.log(Records.encodeSamples(samples));
      wal.nextSegment();
    }
  }

  /** Everything replay returns, decoded, as strings. */
  private static List<String> replay(Path dir) throws IOException {
    List<String> out = new ArrayList<>();
    try (WalReader r = WalReader.replay(dir)) {
      for (byte[] rec = r.next(); rec != null; rec = r.next()) {
        switch (Records.type(rec)) {
          case SERIES -> Records.decodeSeries(rec).forEach(s -> out.add("series " + s.ref()));
          case SAMPLES -> Records.decodeSamples(rec).forEach(s -> out.add("sample " + s.ref() + "@" + s.t()));
        }
      }
    }
    return out;
  }

  @Test
  void checkpointKeepsWhatIsAskedAndReplayReadsItFirst(@TempDir Path dir) throws IOException {
    try (Wal wal = Wal.open(dir, WalTesting.small(1))) {
      writeRounds(wal, 0, 5); // segments 0..4 complete, 5 being written
      assertThat(wal.currentSegment()).isEqualTo(5);
      Checkpoint.Stats stats = Checkpoint.create(dir, 0, 3, EVEN, 20);
      assertThat(stats).isEqualTo(new Checkpoint.Stats(3, 5, 5, 10, 30));
      assertThat(Files.isDirectory(dir.resolve("checkpoint.00000003"))).isTrue();
      assertThat(Checkpoint.latest(dir)).get().extracting(Checkpoint.Ref::index).isEqualTo(3);
      wal.truncate(4);
      Checkpoint.deleteOlder(dir, 3);
      assertThat(wal.firstSegment()).isEqualTo(4);

      List<String> expected = new ArrayList<>();
      for (int ref = 0; ref < 10; ref += 2) {
        expected.add("series " + ref);
      }
      for (int round = 2; round < 4; round++) {
        for (int ref = 0; ref < 10; ref += 2) {
          expected.add("sample " + ref + "@" + round * 10);
        }
      }
      for (int ref = 0; ref < 10; ref++) {
        expected.add("sample " + ref + "@40");
      }
      assertThat(replay(dir)).containsExactlyElementsOf(expected);

      // a second checkpoint starts from the first one and drops more
      writeRounds(wal, 5, 2); // segments 5, 6
      Checkpoint.Stats second = Checkpoint.create(dir, 4, 5, ref -> ref == 2, 30);
      assertThat(second.index()).isEqualTo(5);
      wal.truncate(6);
      Checkpoint.deleteOlder(dir, 5);
      assertThat(Checkpoint.list(dir)).extracting(Checkpoint.Ref::index).containsExactly(5);
      assertThat(replay(dir)).containsExactly("series 2", "sample 2@30", "sample 2@40", "sample 2@50",
          "sample 0@60", "sample 1@60", "sample 2@60", "sample 3@60", "sample 4@60", "sample 5@60", "sample 6@60",
          "sample 7@60", "sample 8@60", "sample 9@60");
    }
  }

  @Test
  void leftoverTemporaryCheckpointsAreIgnoredAndRemoved(@TempDir Path dir) throws IOException {
    try (Wal wal = Wal.open(dir, WalTesting.small(1))) {
      writeRounds(wal, 0, 3);
      Path stale = Files.createDirectories(dir.resolve("checkpoint.00000001.tmp"));
      Files.write(stale.resolve("00000000"), new byte[] {1, 2, 3});
      assertThat(Checkpoint.latest(dir)).isEmpty();
      assertThat(replay(dir)).hasSize(10 + 30);
      Checkpoint.create(dir, 0, 1, ref -> true, Long.MIN_VALUE);
      assertThat(Files.exists(stale)).isFalse();
      Files.createDirectories(dir.resolve("checkpoint.00000007.tmp"));
      Checkpoint.deleteOlder(dir, 1);
      assertThat(Files.exists(dir.resolve("checkpoint.00000007.tmp"))).isFalse();
      assertThat(replay(dir)).hasSize(10 + 30); // checkpoint 1 plus segment 2 (segments 0, 1 still there: skipped)
    }
  }

  @Test
  void unreadableInputLeavesNoCheckpoint(@TempDir Path dir) throws IOException {
    try (Wal wal = Wal.open(dir, WalTesting.small(1))) {
      wal.log(new byte[] {7, 1, 2}); // a record type cairn does not know
      wal.nextSegment();
      assertThatThrownBy(() -> Checkpoint.create(dir, 0, 0, ref -> true, 0))
          .isInstanceOf(RecordFormatException.class).hasMessageContaining("unknown WAL record type 7");
      assertThat(Checkpoint.list(dir)).isEmpty();
      assertThat(Files.exists(dir.resolve("checkpoint.00000000.tmp"))).isFalse();
      assertThatThrownBy(() -> Checkpoint.create(dir, 0, 3, ref -> true, 0))
          .isInstanceOf(CorruptionException.class).hasMessageContaining("segment is missing");
    }
  }

  @Test
  void aCheckpointCannotGoBackwards(@TempDir Path dir) throws IOException {
    try (Wal wal = Wal.open(dir, WalTesting.small(1))) {
      writeRounds(wal, 0, 3);
      Checkpoint.create(dir, 0, 1, ref -> true, 0);
      assertThatThrownBy(() -> Checkpoint.create(dir, 0, 1, ref -> true, 0))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already covers");
    }
  }

  @Test
  void aWalWithoutSegmentsContinuesAfterTheCheckpoint(@TempDir Path dir) throws IOException {
    try (Wal wal = Wal.open(dir, WalTesting.small(1))) {
      writeRounds(wal, 0, 2);
      Checkpoint.create(dir, 0, 1, ref -> ref == 1, 0);
      wal.truncate(2);
    }
    Files.delete(WalTesting.segment(dir, 2));
    try (Wal wal = Wal.open(dir, WalTesting.small(1))) {
      assertThat(wal.currentSegment()).isEqualTo(2);
      wal.log(Records.encodeSamples(List.of(new RefSample(1, 99, 1))));
    }
    assertThat(replay(dir)).containsExactly("series 1", "sample 1@0", "sample 1@10", "sample 1@99");
  }
}
