package io.cairn.tsdb.wal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of a JVM that is writing: every record whose {@code log} returned (the child printed its
 * acknowledgement) is there after reopening, and each writer's records form an unbroken sequence.
 * Two rounds: the second child opens (and repairs) the WAL the first one left.
 */
class KillNineTest {
  private static final int THREADS = 4;
  private static final int ACKS_BEFORE_KILL = 400;

  @Test
  void acknowledgedRecordsSurviveKillMinus9(@TempDir Path tmp) throws Exception {
    Path dir = tmp.resolve("wal");
    Map<String, Integer> previous = Map.of();
    for (int run = 0; run < 2; run++) {
      Map<Integer, Integer> acked = runAndKill(dir, run, tmp.resolve("stderr-" + run + ".txt"));
      System.out.println("kill -9 test, run " + run + ": last acknowledged record per thread " + acked);
      try (Wal wal = Wal.open(dir)) {
        wal.repair().ifPresent(r -> System.out.println("kill -9 test: " + r));
      }
      Map<String, Integer> present = lastSeqPerRunAndThread(dir);
      for (int t = 0; t < THREADS; t++) {
        int ack = acked.getOrDefault(t, -1);
        assertThat(present.getOrDefault(run + " " + t, -1)).as("run %d thread %d acknowledged %d", run, t, ack)
            .isBetween(ack, ack + 1); // the record in flight at the kill may or may not be there
      }
      for (var e : previous.entrySet()) {
        assertThat(present.get(e.getKey())).as("records of run/thread %s after a later run", e.getKey())
            .isEqualTo(e.getValue());
      }
      previous = present;
    }
  }

  /** Runs the child until it has acknowledged enough records, kills it with SIGKILL, returns the last ack per thread. */
  private static Map<Integer, Integer> runAndKill(Path dir, int run, Path stderr) throws Exception {
    String java = ProcessHandle.current().info().command().orElseThrow();
    Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        KillNineChild.class.getName(), dir.toString(), Integer.toString(THREADS), Integer.toString(run))
        .redirectError(stderr.toFile())
        .start();
    Map<Integer, Integer> acked = new HashMap<>();
    CountDownLatch enough = new CountDownLatch(ACKS_BEFORE_KILL);
    Thread reader = Thread.ofPlatform().start(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          String[] f = line.split(" ");
          if (f.length == 3 && f[0].equals("ack")) {
            synchronized (acked) {
              acked.merge(Integer.parseInt(f[1]), Integer.parseInt(f[2]), Math::max);
            }
            enough.countDown();
          }
        }
      } catch (Exception e) {
        throw new RuntimeException(e);
      }
    });
    boolean ready = enough.await(60, TimeUnit.SECONDS);
    // SIGKILL through the ProcessHandle: Process.destroyForcibly would also close our end of the
    // child's stdout and lose acknowledgements still in the pipe
    assertThat(child.toHandle().destroyForcibly()).isTrue();
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    reader.join(10_000); // acknowledgements printed before the kill are still in the pipe: read them all
    assertThat(ready).as("child acknowledged %d records within 60 s; its stderr is in %s", ACKS_BEFORE_KILL, stderr)
        .isTrue();
    assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
    synchronized (acked) {
      return new HashMap<>(acked);
    }
  }

  /** Checks every record's contents and each writer's order; returns the last sequence number per "run thread". */
  private static Map<String, Integer> lastSeqPerRunAndThread(Path dir) throws Exception {
    List<byte[]> records;
    try (WalReader r = WalReader.open(dir)) {
      records = WalTesting.drain(r);
    }
    Map<String, Integer> last = new HashMap<>();
    List<String> problems = new ArrayList<>();
    for (byte[] rec : records) {
      String[] head = new String(rec, 0, Math.min(rec.length, 32), StandardCharsets.US_ASCII).split(" ");
      int run = Integer.parseInt(head[0]);
      int thread = Integer.parseInt(head[1]);
      int seq = Integer.parseInt(head[2]);
      String key = run + " " + thread;
      int expected = last.getOrDefault(key, -1) + 1;
      if (seq != expected) {
        problems.add("run " + run + " thread " + thread + ": record " + seq + " follows " + (expected - 1));
      }
      if (!Arrays.equals(rec, KillNineChild.record(run, thread, seq))) {
        problems.add("run " + run + " thread " + thread + " record " + seq + " has the wrong contents");
      }
      last.put(key, seq);
    }
    assertThat(problems).isEmpty();
    return last;
  }
}
