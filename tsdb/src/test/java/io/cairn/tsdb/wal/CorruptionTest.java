package io.cairn.tsdb.wal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damage to data that was already durable — a flipped byte anywhere in an older segment, or in the
 * middle of the last one with intact pages after it — is reported as a CorruptionException naming
 * the segment and the offset, and never repaired away silently.
 */
class CorruptionTest {
  private static final int PAGE = Wal.PAGE_SIZE;
  @TempDir Path tmp;
  private Path source;
  private List<byte[]> records;

  @BeforeEach
  void writeFourSegments() throws IOException {
    source = tmp.resolve("source");
    records = new ArrayList<>();
    Random random = new Random(4);
    try (Wal wal = Wal.open(source, WalTesting.small(2))) {
      while (wal.currentSegment() < 3) {
        byte[] rec = WalTesting.record(random, 1 + random.nextInt(random.nextBoolean() ? 400 : 40_000));
        wal.log(rec);
        records.add(rec);
      }
    }
  }

  @Test
  void aFlippedByteInAnOlderSegmentIsReportedWithSegmentAndOffset() throws IOException {
    long size = Files.size(WalTesting.segment(source, 1));
    for (long pos = 3; pos < size; pos += 1009) {
      Path dir = copy("flip-" + pos);
      flip(WalTesting.segment(dir, 1), pos);
      List<byte[]> before = new ArrayList<>();
      try (WalReader r = WalReader.open(dir)) {
        for (byte[] rec = r.next(); rec != null; rec = r.next()) {
          before.add(rec);
        }
        fail("no corruption found after flipping byte " + pos + " of segment 1");
      } catch (CorruptionException e) {
        assertThat(e.segment()).isEqualTo(1);
        assertThat(e.torn()).isFalse();
        assertThat(e.file().getFileName().toString()).isEqualTo("00000001");
        assertThat(e.offset()).as("flip at %d: %s", pos, e.getMessage()).isBetween(pos - PAGE + 1, pos);
        assertThat(e.getMessage()).contains("00000001").contains("offset " + e.offset());
      }
      assertThat(before).as("records before the damage are intact")
          .containsExactlyElementsOf(records.subList(0, before.size()));
      // the damage is in an older segment: open does not read it, and does not touch it
      try (Wal wal = Wal.open(dir, WalTesting.small(2))) {
        assertThat(wal.repair()).isEmpty();
      }
      assertThatThrownBy(() -> WalTesting.readAll(dir)).isInstanceOf(CorruptionException.class);
      WalTesting.deleteTree(dir);
    }
  }

  /** Ten 10,000-byte records in segment 0 of a 4-page-segment WAL: pages 1 to 3 start with fragments. */
  private List<byte[]> tenRecords(Path dir) throws IOException {
    Random random = new Random(10);
    List<byte[]> out = new ArrayList<>();
    try (Wal wal = Wal.open(dir, WalTesting.small(4))) {
      for (int i = 0; i < 10; i++) {
        out.add(WalTesting.record(random, 10_000));
        wal.log(out.getLast());
      }
    }
    assertThat(Files.size(WalTesting.segment(dir, 0))).isEqualTo(4L * PAGE);
    return out;
  }

  @Test
  void damageInTheMiddleOfTheLastSegmentIsNotMistakenForATornWrite() throws IOException {
    Path dir = tmp.resolve("middle");
    tenRecords(dir);
    flip(WalTesting.segment(dir, 0), 100);
    assertThatThrownBy(() -> Wal.open(dir, WalTesting.small(4)))
        .isInstanceOfSatisfying(CorruptionException.class, e -> {
          assertThat(e.segment()).isZero();
          assertThat(e.offset()).isZero(); // the fragment whose checksum fails
          assertThat(e.getMessage()).contains("checksum mismatch").contains("not a torn write");
        });
    assertThat(Files.size(WalTesting.segment(dir, 0))).as("nothing cut").isEqualTo(4L * PAGE);
  }

  @Test
  void damageInTheLastPageOfTheLastSegmentIsRepairedAsATornWrite() throws IOException {
    Path dir = tmp.resolve("tail");
    List<byte[]> written = tenRecords(dir);
    flip(WalTesting.segment(dir, 0), 3L * PAGE + 10);
    try (Wal wal = Wal.open(dir, WalTesting.small(4))) {
      Repair r = wal.repair().orElseThrow();
      assertThat(r.segment()).isZero();
      assertThat(r.offset()).isLessThan(3L * PAGE);
      assertThat(r.reason()).contains("checksum mismatch");
    }
    List<byte[]> replayed = WalTesting.readAll(dir);
    assertThat(replayed).hasSizeGreaterThanOrEqualTo(8).containsExactlyElementsOf(written.subList(0, replayed.size()));
  }

  @Test
  void aMissingSegmentIsReported() throws IOException {
    Path dir = copy("missing");
    Files.delete(WalTesting.segment(dir, 1));
    assertThatThrownBy(() -> WalReader.open(dir))
        .isInstanceOfSatisfying(CorruptionException.class, e -> {
          assertThat(e.segment()).isEqualTo(1);
          assertThat(e.getMessage()).contains("segment is missing");
        });
    assertThatThrownBy(() -> Wal.open(dir)).isInstanceOf(CorruptionException.class);
  }

  private Path copy(String name) throws IOException {
    Path dir = tmp.resolve(name);
    Files.createDirectories(dir);
    try (var files = Files.list(source)) {
      for (Path f : files.toList()) {
        Files.copy(f, dir.resolve(f.getFileName()));
      }
    }
    return dir;
  }

  static void flip(Path file, long pos) throws IOException {
    byte[] b = Files.readAllBytes(file);
    b[(int) pos] ^= (byte) 0xff;
    Files.write(file, b);
  }
}
