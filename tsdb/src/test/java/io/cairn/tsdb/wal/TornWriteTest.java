package io.cairn.tsdb.wal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crash in the middle of writing the last record leaves the last segment cut at any byte of that
 * record. Opening the WAL must cut it back to the previous record, report the repair, and replay
 * every earlier record; a reader that has not gone through open reports the torn end.
 */
class TornWriteTest {
  private static final int PAGE = Wal.PAGE_SIZE;

  /** The bytes of segment 0 after earlier records and a last record, and where the last record starts. */
  record Crashed(byte[] segment, int lastStart, List<byte[]> earlier) {}

  static Crashed write(Path dir, int lastRecordStartsAt, int lastRecordSize) throws IOException {
    Random random = new Random(lastRecordStartsAt * 31L + lastRecordSize);
    List<byte[]> earlier = new ArrayList<>();
    try (Wal wal = Wal.open(dir, WalTesting.small(16))) {
      long written = 0;
      while (written < lastRecordStartsAt) {
        // fill up to exactly lastRecordStartsAt with records of 1 to 500 bytes
        long room = lastRecordStartsAt - written - 7;
        int size = (int) Math.min(room, 1 + random.nextInt(500));
        if (room - size > 0 && room - size < 8) {
          size = (int) room; // never leave a gap smaller than a header
        }
        if (size < 1 || (written / PAGE) != ((written + 7 + size - 1) / PAGE)) {
          throw new IllegalArgumentException("choose a start inside the first page");
        }
        byte[] rec = WalTesting.record(random, size);
        wal.log(rec);
        earlier.add(rec);
        written = Files.size(WalTesting.segment(dir, 0));
      }
      wal.log(WalTesting.record(random, lastRecordSize));
      byte[] bytes = Files.readAllBytes(WalTesting.segment(dir, 0)); // before close pads the page
      return new Crashed(bytes, lastRecordStartsAt, earlier);
    }
  }

  @Test
  void cutAtEveryByteOfARecordSpanningTwoPages(@TempDir Path tmp) throws IOException {
    Crashed c = write(tmp.resolve("src"), PAGE - 120, 300); // first fragment 113 bytes, last 187
    assertThat(c.segment().length).isEqualTo(PAGE - 120 + 7 + 113 + 7 + 187);
    for (int cut = c.lastStart(); cut < c.segment().length; cut++) {
      checkRepair(tmp.resolve("cut-" + cut), c, cut);
    }
  }

  @Test
  void cutAcrossARecordOfSeveralPages(@TempDir Path tmp) throws IOException {
    Crashed c = write(tmp.resolve("src"), 1000, 3 * PAGE);
    int end = c.segment().length;
    IntStream cuts = IntStream.concat(IntStream.iterate(c.lastStart(), i -> i < end, i -> i + 997),
        IntStream.rangeClosed(-9, 9).flatMap(d -> IntStream.of(PAGE + d, 2 * PAGE + d, 3 * PAGE + d, end - 1 + d)));
    for (int cut : cuts.filter(i -> i >= c.lastStart() && i < end).distinct().toArray()) {
      checkRepair(tmp.resolve("cut-" + cut), c, cut);
    }
  }

  private static void checkRepair(Path dir, Crashed c, int cut) throws IOException {
    WalTesting.writeSegment(dir, 0, Arrays.copyOf(c.segment(), cut));
    if (cut > c.lastStart()) {
      assertThatThrownBy(() -> WalTesting.readAll(dir)).as("cut at %d", cut)
          .isInstanceOfSatisfying(CorruptionException.class, e -> {
            assertThat(e.torn()).isTrue();
            assertThat(e.segment()).isZero();
            assertThat(e.validUntil()).isEqualTo(c.lastStart());
          });
    }
    List<Repair> reported = new ArrayList<>();
    WalOptions options = WalTesting.small(16).withListener(new WalListener() {
      @Override
      public void repaired(Repair repair) {
        reported.add(repair);
      }
    });
    try (Wal wal = Wal.open(dir, options)) {
      if (cut == c.lastStart()) {
        assertThat(wal.repair()).isEmpty();
      } else {
        Repair r = wal.repair().orElseThrow(() -> new AssertionError("no repair at cut " + cut));
        assertThat(r.segment()).isZero();
        assertThat(r.offset()).as("cut at %d", cut).isEqualTo(c.lastStart());
        assertThat(r.droppedBytes()).isEqualTo(cut - c.lastStart());
        assertThat(reported).containsExactly(r);
      }
      assertThat(Files.size(WalTesting.segment(dir, 0))).isEqualTo(c.lastStart());
      assertThat(wal.currentSegment()).isEqualTo(1);
      assertThat(WalTesting.readAll(dir)).as("cut at %d", cut).containsExactlyElementsOf(c.earlier());
      wal.log(new byte[] {42});
    }
    List<byte[]> expected = new ArrayList<>(c.earlier());
    expected.add(new byte[] {42});
    assertThat(WalTesting.readAll(dir)).containsExactlyElementsOf(expected);
    WalTesting.deleteTree(dir);
  }

  @Test
  void emptySegmentsAfterATornOneAreDeleted(@TempDir Path tmp) throws IOException {
    Crashed c = write(tmp.resolve("src"), 500, 2000);
    Path dir = tmp.resolve("wal");
    WalTesting.writeSegment(dir, 0, Arrays.copyOf(c.segment(), c.segment().length - 10));
    WalTesting.writeSegment(dir, 1, new byte[0]);
    WalTesting.writeSegment(dir, 2, new byte[0]);
    try (Wal wal = Wal.open(dir, WalTesting.small(16))) {
      assertThat(wal.repair()).get().extracting(Repair::deletedSegments).isEqualTo(List.of(1, 2));
      assertThat(wal.currentSegment()).isEqualTo(1);
    }
    assertThat(WalTesting.readAll(dir)).containsExactlyElementsOf(c.earlier());
  }
}
