package io.cairn.server.kv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One freshly started single-member kv server, real etcd or {@code cairn kv}, on free loopback
 * ports with its own temporary data directory. Ready once {@code etcdctl endpoint health} succeeds.
 * Closing stops the process (SIGTERM, then SIGKILL) and deletes the directory.
 */
final class KvTarget implements AutoCloseable {
  static final String MEMBER_NAME = "kv1";
  /** A start that failed is not retried in this JVM: every later test fails at once with its message. */
  private static final Map<String, AssertionError> FAILED_STARTS = new ConcurrentHashMap<>();

  private final TargetKind kind;
  private final ServerCommand server;
  private final ServerOptions options;
  private final String clientUrl;
  private final String peerUrl;
  private final Path workDir;
  private final Process process;
  private final LineCollector log;
  private Identity identity = Identity.UNKNOWN;

  private KvTarget(
      TargetKind kind, ServerOptions options, int clientPort, int peerPort, Path workDir) throws IOException {
    this.kind = kind;
    this.server = ServerCommand.of(kind);
    this.options = options;
    this.clientUrl = (options.https() ? "https" : "http") + "://127.0.0.1:" + clientPort;
    this.peerUrl = "http://127.0.0.1:" + peerPort;
    this.workDir = workDir;
    ProcessBuilder builder = command().redirectErrorStream(true);
    this.process = ChildProcesses.start(builder);
    this.log = LineCollector.tail(process.getInputStream(), 60);
  }

  static KvTarget start(TargetKind kind, ServerOptions options) {
    String key = kind + " " + options;
    AssertionError earlier = FAILED_STARTS.get(key);
    if (earlier != null) {
      throw new AssertionError(earlier.getMessage() + "\n(not retried: this start already failed earlier in this run)");
    }
    try {
      return startWithRetries(kind, options);
    } catch (AssertionError e) {
      FAILED_STARTS.putIfAbsent(key, e);
      throw e;
    }
  }

  private static KvTarget startWithRetries(TargetKind kind, ServerOptions options) {
    for (int attempt = 1; ; attempt++) {
      KvTarget target;
      try {
        target = new KvTarget(kind, options, freePort(), freePort(), Files.createTempDirectory("kv-it-" + kind + "-"));
      } catch (IOException e) {
        throw new AssertionError("cannot start " + kind, e);
      }
      try {
        target.awaitHealthy();
        target.identity = Identity.of(target.etcdctl());
        return target;
      } catch (AssertionError e) {
        boolean portRace = lostPortRace(target.logText());
        target.close();
        if (!portRace || attempt == 3) {
          throw e;
        }
      }
    }
  }

  /**
   * Whether a server failed because a port chosen free was taken before it bound it: Go's "bind:
   * address already in use", Java's "Address already in use", or Ratis' "Failed to bind to address"
   * (whose cause may be cut off the log's tail).
   */
  static boolean lostPortRace(String log) {
    return log.toLowerCase(java.util.Locale.ROOT).contains("address already in use")
        || log.contains("Failed to bind to address");
  }

  private ProcessBuilder command() {
    var layout = new ServerCommand.Layout(MEMBER_NAME, workDir.resolve("data"), clientUrl, peerUrl);
    return server.build(layout, options, workDir);
  }

  private void awaitHealthy() {
    Duration limit = server.startLimit();
    Etcdctl probe = etcdctl().withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2));
    long deadline = System.nanoTime() + limit.toNanos();
    EtcdctlResult last = null;
    try {
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          throw new AssertionError(
              this + " did not become healthy: it exited with status " + process.exitValue()
                  + " first.\n" + describe(last));
        }
        last = probe.run("endpoint", "health");
        if (last.ok()) {
          return;
        }
        process.waitFor(250, TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new AssertionError(this + " did not become healthy within " + limit.toSeconds() + "s.\n" + describe(last));
  }

  private String describe(EtcdctlResult lastProbe) {
    return "command: " + String.join(" ", command().command())
        + "\nlast `etcdctl endpoint health`: " + (lastProbe == null ? "not run" : lastProbe.messages())
        + "\nlast server output:\n" + logText();
  }

  private String logText() {
    try {
      log.awaitEnd(process.isAlive() ? Duration.ZERO : Duration.ofSeconds(2));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return String.join("\n", log.lines());
  }

  /** A loopback port free right now (another process may still take it before the server binds it). */
  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }

  TargetKind kind() {
    return kind;
  }

  String clientUrl() {
    return clientUrl;
  }

  String peerUrl() {
    return peerUrl;
  }

  Path workDir() {
    return workDir;
  }

  Identity identity() {
    return identity;
  }

  /**
   * etcdctl for this target; on a TLS target it trusts the test CA and shows the CN root certificate,
   * on an auto-TLS target it uses TLS without verifying the server's generated certificate.
   */
  Etcdctl etcdctl() {
    List<String> flags =
        options.tls()
            ? TlsFiles.etcdctlFlags()
            : options.autoTls() ? List.of("--insecure-transport=false", "--insecure-skip-tls-verify") : List.of();
    return new Etcdctl(clientUrl, workDir, flags);
  }

  boolean isRunning() {
    return process.isAlive();
  }

  @Override
  public void close() {
    ChildProcesses.stop(process, 10_000);
    deleteRecursively(workDir);
  }

  static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }

  @Override
  public String toString() {
    return server.displayName() + " at " + clientUrl + " (" + options + ")";
  }
}
