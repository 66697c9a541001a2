package io.cairn.tsdb.wal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Garbage segments: a reader returns records or throws CorruptionException, nothing else, and always
 * terminates; open either repairs (after which the WAL reads cleanly) or throws CorruptionException.
 */
class SegmentFuzzTest {
  @Property(tries = 300)
  void randomBytes(@ForAll("garbage") byte[] segment) throws Exception {
    check(segment);
  }

  /** A valid segment with a few bytes changed: the interesting garbage (valid headers, bad CRCs). */
  @Property(tries = 300)
  void mutatedSegments(@ForAll long seed, @ForAll @IntRange(min = 1, max = 8) int mutations,
      @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 1, max = 70_000) Integer> sizes) throws Exception {
    Random random = new Random(seed);
    byte[] valid = validSegment(random, sizes);
    for (int i = 0; i < mutations; i++) {
      int pos = random.nextInt(valid.length);
      valid[pos] = switch (random.nextInt(4)) {
        case 0 -> (byte) random.nextInt(256);
        case 1 -> (byte) (random.nextInt(6)); // a plausible type byte
        case 2 -> 0;
        default -> (byte) (valid[pos] ^ (1 << random.nextInt(8)));
      };
    }
    int cut = random.nextInt(4) == 0 ? random.nextInt(valid.length + 1) : valid.length;
    check(java.util.Arrays.copyOf(valid, cut));
  }

  private static byte[] validSegment(Random random, List<Integer> sizes) throws Exception {
    Path dir = WalTesting.tempDir();
    try {
      try (Wal wal = Wal.open(dir, WalTesting.small(8))) {
        for (int size : sizes) {
          wal.log(WalTesting.record(random, size));
        }
      }
      return Files.readAllBytes(WalTesting.segment(dir, 0));
    } finally {
      WalTesting.deleteTree(dir);
    }
  }

  private static void check(byte[] segment) throws Exception {
    WalTesting.inTempDir(dir -> {
      WalTesting.writeSegment(dir, 0, segment);
      int records = 0;
      try (WalReader r = WalReader.open(dir)) {
        for (byte[] rec = r.next(); rec != null; rec = r.next()) {
          assertThat(rec.length).isPositive();
          records++;
          assertThat(records).isLessThanOrEqualTo(segment.length / 8);
        }
      } catch (CorruptionException expected) {
        assertThat(expected.segment()).isZero();
        assertThat(expected.offset()).isBetween(0L, (long) segment.length);
        assertThat(expected.validUntil()).isBetween(0L, expected.offset());
      }
      Wal wal;
      try {
        wal = Wal.open(dir, WalTesting.small(8));
      } catch (CorruptionException expected) {
        assertThat(expected.torn()).isFalse();
        assertThat(Files.size(WalTesting.segment(dir, 0))).isEqualTo(segment.length);
        return;
      }
      wal.close();
      WalTesting.readAll(dir); // repaired: reads without an exception
    });
  }

  @Provide
  Arbitrary<byte[]> garbage() {
    Arbitrary<byte[]> anyBytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(3 * Wal.PAGE_SIZE);
    Arbitrary<byte[]> fewValues = Arbitraries.bytes().between((byte) 0, (byte) 5)
        .array(byte[].class).ofMaxSize(3 * Wal.PAGE_SIZE);
    return Arbitraries.oneOf(anyBytes, fewValues);
  }
}
