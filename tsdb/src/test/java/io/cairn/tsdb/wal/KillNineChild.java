package io.cairn.tsdb.wal;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The child process of {@link KillNineTest}: {@code args[1]} threads log records of run {@code
 * args[2]} into the WAL in {@code args[0]} forever (default sync policy, small segments so that it rolls over), and after
 * each {@code log} returns print {@code ack <thread> <seq>} on standard output. The parent kills it
 * with SIGKILL.
 */
public final class KillNineChild {
  private KillNineChild() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int threads = Integer.parseInt(args[1]);
    int run = Integer.parseInt(args[2]);
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
    Wal wal = Wal.open(dir, WalOptions.defaults().withSegmentSize(4 * Wal.PAGE_SIZE));
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      workers.add(Thread.ofPlatform().start(() -> {
        try {
          for (int seq = 0; ; seq++) {
            wal.log(record(run, thread, seq));
            synchronized (out) {
              out.println("ack " + thread + " " + seq);
              out.flush();
            }
          }
        } catch (Exception e) {
          e.printStackTrace();
          System.exit(3);
        }
      }));
    }
    for (Thread w : workers) {
      w.join();
    }
  }

  /** Record {@code seq} of {@code thread}: "run thread seq " then a deterministic filler, up to ~50,000 bytes. */
  static byte[] record(int run, int thread, int seq) {
    byte[] head = (run + " " + thread + " " + seq + " ").getBytes(StandardCharsets.US_ASCII);
    boolean large = Math.floorMod(seq * 7919L + thread * 104729L, 97) < 5; // about one in twenty
    int size = head.length + (large ? Math.floorMod(seq * 31L, 50_000) : Math.floorMod(seq * 13L, 300));
    byte[] rec = new byte[size];
    System.arraycopy(head, 0, rec, 0, head.length);
    for (int i = head.length; i < size; i++) {
      rec[i] = (byte) (i * 7 + seq);
    }
    return rec;
  }
}
