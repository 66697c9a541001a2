package io.cairn.tsdb.wal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WalTest {
  @Test
  void optionsAndRecordsAreValidated(@TempDir Path dir) throws Exception {
    assertThatThrownBy(() -> WalOptions.defaults().withSegmentSize(1000))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multiple of 32768");
    assertThatThrownBy(() -> WalOptions.defaults().withSegmentSize(0)).isInstanceOf(IllegalArgumentException.class);
    assertThat(WalOptions.defaults().segmentSize()).isEqualTo(128 * 1024 * 1024);
    assertThat(WalOptions.defaults().syncPolicy()).isEqualTo(SyncPolicy.PER_BATCH);
    try (Wal wal = Wal.open(dir)) {
      assertThatThrownBy(() -> wal.log(new byte[0])).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> wal.log(new byte[Wal.MAX_RECORD_SIZE + 1])).isInstanceOf(IllegalArgumentException.class);
      wal.log(); // nothing
    }
    assertThat(WalTesting.readAll(dir)).isEmpty();
  }

  @Test
  void eachOpenStartsANewSegmentAndTruncateDeletesOlderOnes(@TempDir Path dir) throws Exception {
    for (int i = 0; i < 3; i++) {
      try (Wal wal = Wal.open(dir, WalTesting.small(1))) {
        assertThat(wal.currentSegment()).isEqualTo(i);
        wal.log(new byte[] {(byte) i});
      }
    }
    Wal wal = Wal.open(dir, WalTesting.small(1));
    assertThat(wal.firstSegment()).isZero();
    assertThat(wal.nextSegment()).isEqualTo(4);
    assertThatThrownBy(() -> wal.truncate(5)).isInstanceOf(IllegalArgumentException.class);
    wal.truncate(2);
    assertThat(wal.firstSegment()).isEqualTo(2);
    assertThat(WalTesting.readAll(dir)).containsExactly(new byte[] {2});
    try (WalReader r = WalReader.open(dir, 2, 3)) {
      assertThat(r.next()).containsExactly(2);
      assertThat(r.segment()).isEqualTo(2);
      assertThat(r.offset()).isZero();
      assertThat(r.next()).isNull();
    }
    assertThatThrownBy(() -> WalReader.open(dir, 1, 3)).isInstanceOf(CorruptionException.class);
    wal.close();
    wal.close(); // idempotent
    assertThatThrownBy(() -> wal.log(new byte[] {1})).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void recordsOfOneCallAreFsyncedBeforeItReturns(@TempDir Path dir) throws Exception {
    AtomicInteger fsyncs = new AtomicInteger();
    List<Integer> created = new CopyOnWriteArrayList<>();
    WalListener listener = new WalListener() {
      @Override
      public void fsynced(long nanos) {
        assertThat(nanos).isNotNegative();
        fsyncs.incrementAndGet();
      }

      @Override
      public void segmentCreated(int index) {
        created.add(index);
      }
    };
    try (Wal wal = Wal.open(dir, WalOptions.defaults().withListener(listener))) {
      wal.log(new byte[] {1}, new byte[] {2});
      assertThat(fsyncs).hasValue(1);
      wal.log(new byte[] {3});
      assertThat(fsyncs).hasValue(2);
    }
    assertThat(created).containsExactly(0);
    fsyncs.set(0);
    try (Wal wal = Wal.open(dir, WalTesting.small(1).withListener(listener))) {
      wal.log(new byte[] {1});
      assertThat(fsyncs).as("Prometheus's policy: no fsync per call").hasValue(0);
    }
    assertThat(fsyncs).as("close fsyncs").hasValue(1);
  }

  @Test
  void aCallThatAsksForNoFsyncReturnsAfterTheWriteAndTheNextFsyncCoversIt(@TempDir Path dir) throws Exception {
    AtomicInteger fsyncs = new AtomicInteger();
    WalListener listener = new WalListener() {
      @Override
      public void fsynced(long nanos) {
        fsyncs.incrementAndGet();
      }
    };
    try (Wal wal = Wal.open(dir, WalOptions.defaults().withListener(listener))) {
      wal.log(false, new byte[] {1}, new byte[] {2});
      assertThat(fsyncs).as("written, not fsynced").hasValue(0);
      try (WalReader r = WalReader.open(dir, 0, Integer.MAX_VALUE)) {
        assertThat(r.next()).as("readable from the file at once (it survives kill -9)").containsExactly(1);
        assertThat(r.next()).containsExactly(2);
      }
      wal.log(new byte[] {3});
      assertThat(fsyncs).as("a durable call fsyncs everything written so far").hasValue(1);
    }
  }

  @Test
  void concurrentCallersShareFsyncsAndLoseNothing(@TempDir Path dir) throws Exception {
    AtomicLong fsyncs = new AtomicLong();
    WalOptions options = WalOptions.defaults().withSegmentSize(2 * Wal.PAGE_SIZE).withListener(new WalListener() {
      @Override
      public void fsynced(long nanos) {
        fsyncs.incrementAndGet();
      }
    });
    int threads = 8;
    int perThread = 200;
    try (Wal wal = Wal.open(dir, options)) {
      List<Thread> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        workers.add(Thread.ofPlatform().start(() -> {
          for (int i = 0; i < perThread; i++) {
            try {
              wal.log(new byte[] {(byte) thread, (byte) (i >> 8), (byte) i}, new byte[100 + i]);
            } catch (Exception e) {
              throw new RuntimeException(e);
            }
          }
        }));
      }
      for (Thread w : workers) {
        w.join();
      }
    }
    List<byte[]> records = WalTesting.readAll(dir);
    assertThat(records).hasSize(2 * threads * perThread);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < records.size(); i += 2) {
      byte[] r = records.get(i);
      seen.add(r[0] + "/" + (((r[1] & 0xff) << 8) | (r[2] & 0xff)));
      assertThat(records.get(i + 1)).hasSize(100 + (((r[1] & 0xff) << 8) | (r[2] & 0xff))); // batches stay together
    }
    assertThat(seen).hasSize(threads * perThread);
    assertThat(fsyncs.get()).isLessThanOrEqualTo(threads * perThread + 100L);
    System.out.println("group commit: " + threads * perThread + " log calls, " + fsyncs.get() + " fsyncs");
  }

  @Test
  void aRecordLargerThanASegmentGetsASegmentOfItsOwn(@TempDir Path dir) throws Exception {
    byte[] big = new byte[3 * Wal.PAGE_SIZE];
    try (Wal wal = Wal.open(dir, WalTesting.small(1))) {
      wal.log(new byte[] {1});
      wal.log(big);
      wal.log(new byte[] {2});
      assertThat(wal.currentSegment()).isEqualTo(2);
    }
    assertThat(Files.size(WalTesting.segment(dir, 1))).isEqualTo(4L * Wal.PAGE_SIZE);
    assertThat(WalTesting.readAll(dir)).containsExactly(new byte[] {1}, big, new byte[] {2});
  }

  @Test
  void anInterruptedCallerDoesNotBreakTheWal(@TempDir Path dir) throws Exception {
    try (Wal wal = Wal.open(dir)) {
      Thread.currentThread().interrupt();
      try {
        wal.log(new byte[] {1});
        wal.nextSegment();
      } finally {
        assertThat(Thread.interrupted()).as("interrupt status kept").isTrue();
      }
      wal.log(new byte[] {2});
    }
    assertThat(WalTesting.readAll(dir)).containsExactly(new byte[] {1}, new byte[] {2});
  }
}
