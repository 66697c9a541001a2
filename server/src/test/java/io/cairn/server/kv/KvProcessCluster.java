package io.cairn.server.kv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Three (or n) {@code cairn kv} processes forming one cluster on free loopback ports, each with
 * its own data directory under a temporary directory that closing deletes. Members can be killed,
 * stopped and restarted on the same ports and data. Each member's output goes to {@code
 * target/kv-chaos-logs/<cluster>/<member>.log}.
 */
final class KvProcessCluster implements AutoCloseable {
  /** Starting JVMs on a loaded 2-core machine is slow: generous, but bounded. */
  static final Duration START_LIMIT = Duration.ofSeconds(90);

  /** Member logs stay here after the test (relative to the module directory failsafe runs in). */
  static final Path LOG_ROOT = Path.of("target", "kv-chaos-logs");

  private final Path dir;
  private final List<String> flags;
  private final List<ChaosMember> members = new ArrayList<>();

  private KvProcessCluster(Path dir, int size, List<String> flags) throws IOException {
    this.dir = dir;
    this.flags = flags;
    Path logs = LOG_ROOT.resolve(dir.getFileName());
    for (int i = 0; i < size; i++) {
      members.add(new ChaosMember("n" + i, dir.resolve("n" + i), logs.resolve("n" + i + ".log")));
    }
  }

  /** Starts every member with {@code flags} added to the cluster flags, and waits for a leader. */
  static KvProcessCluster start(int size, List<String> flags) throws IOException {
    KvProcessCluster cluster = new KvProcessCluster(Files.createTempDirectory("kv-chaos-"), size, flags);
    try {
      cluster.startAll();
      cluster.awaitLeader(START_LIMIT);
      return cluster;
    } catch (RuntimeException | Error | IOException e) {
      cluster.close();
      throw e;
    }
  }

  List<ChaosMember> members() {
    return members;
  }

  ChaosMember member(int i) {
    return members.get(i);
  }

  void start(int i) throws IOException {
    members.get(i).start(initialCluster(), flags);
  }

  void startAll() throws IOException {
    for (int i = 0; i < members.size(); i++) {
      start(i);
    }
  }

  private String initialCluster() {
    return members.stream().map(m -> m.name + "=" + m.peerUrl()).collect(Collectors.joining(","));
  }

  /** Polls until a running member says it leads; returns its index. */
  int awaitLeader(Duration limit) {
    return Poll.until("a member says it is the leader", limit, this::leaderIndex, i -> i >= 0, this::describe);
  }

  /** The index of a running member that says it leads, or -1. */
  int leaderIndex() {
    return IntStream.range(0, members.size())
        .filter(i -> members.get(i).isRunning() && members.get(i).isLeader())
        .findFirst().orElse(-1);
  }

  /** Revision and HashKV of every member, -1 where a member does not answer. */
  record View(List<Long> revisions, List<Long> hashes) {
    boolean converged() {
      return revisions.getFirst() > 0 && revisions.stream().distinct().count() == 1
          && hashes.getFirst() != -1 && hashes.stream().distinct().count() == 1;
    }
  }

  /**
   * Polls until every member (running or not: all must run) reports the same revision and the same
   * HashKV at that revision; returns that revision.
   */
  long awaitConverged(Duration limit) {
    return Poll.until("every member at the same revision with the same HashKV", limit, this::view,
        View::converged, this::describe).revisions().getFirst();
  }

  View view() {
    List<Long> revisions = members.stream()
        .map(m -> m.status().map(s -> s.getHeader().getRevision()).orElse(-1L)).toList();
    List<Long> hashes = new ArrayList<>();
    for (ChaosMember m : members) {
      try {
        hashes.add(revisions.stream().distinct().count() == 1 ? m.hashKv(revisions.getFirst()).getHash() & 0xffffffffL : -1);
      } catch (io.grpc.StatusRuntimeException e) {
        hashes.add(-1L);
      }
    }
    return new View(revisions, hashes);
  }

  /** Each member's state and the end of its log, for failure messages. */
  String describe() {
    StringBuilder b = new StringBuilder();
    for (ChaosMember m : members) {
      b.append("\n--- ").append(m).append(", status: ")
          .append(m.status().map(s -> "revision " + s.getHeader().getRevision() + " leader "
              + Long.toHexString(s.getLeader()) + " raft index " + s.getRaftIndex()
              + " applied " + s.getRaftAppliedIndex()).orElse("no answer"))
          .append("\n").append(m.logTail());
    }
    return b.toString();
  }

  @Override
  public void close() {
    members.forEach(ChaosMember::signalStop);
    members.forEach(ChaosMember::close);
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }
}
