package io.cairn.server.kv;

import com.google.protobuf.ByteString;
import io.etcd.jetcd.api.HashKVRequest;
import io.etcd.jetcd.api.HashKVResponse;
import io.etcd.jetcd.api.KVGrpc;
import io.etcd.jetcd.api.KeyValue;
import io.etcd.jetcd.api.MaintenanceGrpc;
import io.etcd.jetcd.api.MoveLeaderRequest;
import io.etcd.jetcd.api.RangeRequest;
import io.etcd.jetcd.api.StatusRequest;
import io.etcd.jetcd.api.StatusResponse;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One {@code cairn kv} member of a multi-member cluster, started through the repository's launcher
 * (which {@code exec}s java, so the process handle is the member's JVM). Its ports and data
 * directory stay the same across restarts; the gRPC channel to it reconnects by itself.
 */
final class ChaosMember implements AutoCloseable {
  /**
   * The members' JVMs compile with C1 only and use the serial collector: that halves start-up
   * (about 6 s instead of 10–14 s on a loaded 2-core machine) and changes nothing kv does.
   */
  static final String JAVA_OPTS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

  /** Large enough for a range over every key a test writes. */
  private static final int MAX_INBOUND_BYTES = 64 << 20;

  final String name;
  final int clientPort;
  final int peerPort;
  final Path dataDir;
  /** Everything the member printed, across restarts; kept after the test for diagnosis. */
  final Path logFile;
  private final ManagedChannel channel;
  private Process process;
  /** SIGTERM was sent to the current process: a second one would make cairn halt with status 1. */
  private boolean stopSignalled;

  ChaosMember(String name, Path dataDir, Path logFile) throws IOException {
    this.name = name;
    this.dataDir = dataDir;
    this.logFile = logFile;
    this.clientPort = freePort();
    this.peerPort = freePort();
    this.channel =
        NettyChannelBuilder.forAddress("127.0.0.1", clientPort).usePlaintext()
            .maxInboundMessageSize(MAX_INBOUND_BYTES).build();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }

  String clientUrl() {
    return "http://127.0.0.1:" + clientPort;
  }

  String peerUrl() {
    return "http://127.0.0.1:" + peerPort;
  }

  /** Starts the process (on the same data directory as any earlier run). */
  void start(String initialCluster, List<String> extraFlags) throws IOException {
    if (isRunning()) {
      throw new IllegalStateException(name + " is already running");
    }
    List<String> command = new ArrayList<>(List.of(
        Peers.repoRoot().resolve("cairn").toString(), "kv",
        "--name", name,
        "--data-dir", dataDir.toString(),
        "--listen-client-urls", clientUrl(),
        "--advertise-client-urls", clientUrl(),
        "--listen-peer-urls", peerUrl(),
        "--initial-advertise-peer-urls", peerUrl(),
        "--initial-cluster", initialCluster,
        "--initial-cluster-state", "new",
        "--admin-address", "127.0.0.1:0"));
    command.addAll(extraFlags);
    Files.createDirectories(logFile.getParent());
    Files.writeString(logFile, "=== " + Instant.now() + " " + String.join(" ", command) + "\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
    builder.environment().put("CAIRN_SKIP_BUILD", "1");
    builder.environment().put("CAIRN_JAVA_HOME", System.getProperty("java.home"));
    builder.environment().put("CAIRN_JAVA_OPTS", JAVA_OPTS);
    process = ChildProcesses.start(builder);
    stopSignalled = false;
  }

  /** {@code kill -9}: the JVM gets no chance to flush or close anything. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      throw new AssertionError(name + " did not die within 10 s of SIGKILL");
    }
  }

  /** SIGTERM (unless already sent), then SIGKILL if still running after 10 s; returns the exit code. */
  int stop() throws InterruptedException {
    signalStop();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
    return process.exitValue();
  }

  boolean isRunning() {
    return process != null && process.isAlive();
  }

  ManagedChannel channel() {
    return channel;
  }

  /** The member's Maintenance.Status, or empty if it does not answer within a second. */
  Optional<StatusResponse> status() {
    try {
      return Optional.of(
          MaintenanceGrpc.newBlockingStub(channel).withDeadlineAfter(1, TimeUnit.SECONDS)
              .status(StatusRequest.getDefaultInstance()));
    } catch (StatusRuntimeException e) {
      return Optional.empty();
    }
  }

  /** This member's ID, from its Status header. */
  long memberId() {
    return status().orElseThrow(() -> new AssertionError(name + " does not answer Status")).getHeader().getMemberId();
  }

  /** Asks this member, the leader, to hand leadership to {@code target} (etcd's MoveLeader). */
  void moveLeaderTo(ChaosMember target) {
    MaintenanceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
        .moveLeader(MoveLeaderRequest.newBuilder().setTargetID(target.memberId()).build());
  }

  /** Whether the member answers Status and says that it is the leader. */
  boolean isLeader() {
    return status().filter(s -> s.getLeader() != 0 && s.getLeader() == s.getHeader().getMemberId()).isPresent();
  }

  /**
   * Every key under {@code prefix} with its value; {@code serializable} reads this member's own
   * state, otherwise the read is linearizable (Raft read barrier). Throws StatusRuntimeException.
   */
  Map<String, String> range(String prefix, boolean serializable) {
    ByteString start = ByteString.copyFromUtf8(prefix);
    byte[] end = prefix.getBytes(StandardCharsets.UTF_8);
    end[end.length - 1]++;
    RangeRequest request =
        RangeRequest.newBuilder().setKey(start).setRangeEnd(ByteString.copyFrom(end)).setSerializable(serializable)
            .build();
    Map<String, String> out = new TreeMap<>();
    for (KeyValue kv : KVGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS).range(request)
        .getKvsList()) {
      out.put(kv.getKey().toStringUtf8(), kv.getValue().toStringUtf8());
    }
    return out;
  }

  /** As {@link #range}, or empty while the member does not answer. */
  Optional<Map<String, String>> tryRange(String prefix, boolean serializable) {
    try {
      return Optional.of(range(prefix, serializable));
    } catch (StatusRuntimeException e) {
      return Optional.empty();
    }
  }

  /** HashKV at {@code revision} (0 = the member's current revision). Throws StatusRuntimeException. */
  HashKVResponse hashKv(long revision) {
    return MaintenanceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
        .hashKV(HashKVRequest.newBuilder().setRevision(revision).build());
  }

  /**
   * The store directory in use ({@code store.<n>}, see kv's StoreDirectory): a snapshot installed
   * from the leader moves the store to the next number.
   */
  String storeInUse() throws IOException {
    Path pointer = dataDir.resolve("kv").resolve("store").resolve("store.current");
    return Files.exists(pointer) ? Files.readString(pointer, StandardCharsets.UTF_8).strip() : "store.0";
  }

  /** The names in the member's store directory ({@code store.<n>} directories and {@code store.current}). */
  List<String> storeDirectoryEntries() {
    try (Stream<Path> entries = Files.list(dataDir.resolve("kv").resolve("store"))) {
      return entries.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      return List.of("(unreadable: " + e + ")");
    }
  }

  /**
   * The first index still in this member's Raft log, from the names of its segment files ({@code
   * log_<first>-<last>}, {@code log_inprogress_<first>}), or -1 if it cannot tell (no segment, or
   * one vanished while listing).
   */
  long firstLogIndex() {
    Path raft = dataDir.resolve("kv").resolve("raft");
    try (Stream<Path> files = Files.find(raft, 3, (p, a) -> p.getFileName().toString().startsWith("log_"))) {
      return files.map(p -> p.getFileName().toString())
          .mapToLong(n -> Long.parseLong(n.startsWith("log_inprogress_") ? n.substring(15) : n.substring(4, n.indexOf('-'))))
          .min().orElse(-1);
    } catch (IOException | UncheckedIOException e) {
      return -1;
    }
  }

  /** The last lines the member wrote, for failure messages. */
  String logTail() {
    try {
      List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /** Sends SIGTERM (once) without waiting, so that several members stop at once. */
  void signalStop() {
    if (isRunning() && !stopSignalled) {
      process.destroy();
      stopSignalled = true;
    }
  }

  @Override
  public void close() {
    try {
      if (process != null) {
        signalStop();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          process.waitFor(10, TimeUnit.SECONDS);
        }
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    } finally {
      channel.shutdownNow();
    }
  }

  @Override
  public String toString() {
    return name + " (" + clientUrl() + ", " + (isRunning() ? "running" : "stopped") + ")";
  }
}
