package io.cairn.server.kv;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real etcdctl (API v3) against one endpoint, from a working directory of the target's
 * (so relative paths such as {@code snapshot save snap.db} land there). Every run is bounded.
 */
final class Etcdctl {
  /** Upper bound for a single non-streaming command, well above {@link #commandTimeout}. */
  static final Duration RUN_LIMIT = Duration.ofSeconds(30);

  private final String endpoint;
  private final Path workDir;
  private final List<String> globalFlags;
  private final Duration dialTimeout;
  private final Duration commandTimeout;

  Etcdctl(String endpoint, Path workDir) {
    this(endpoint, workDir, List.of());
  }

  /** @param globalFlags flags put before every command's own, such as {@code --cacert=FILE} */
  Etcdctl(String endpoint, Path workDir, List<String> globalFlags) {
    this(endpoint, workDir, globalFlags, Duration.ofSeconds(3), Duration.ofSeconds(10));
  }

  private Etcdctl(
      String endpoint, Path workDir, List<String> globalFlags, Duration dialTimeout, Duration commandTimeout) {
    this.endpoint = endpoint;
    this.workDir = workDir;
    this.globalFlags = List.copyOf(globalFlags);
    this.dialTimeout = dialTimeout;
    this.commandTimeout = commandTimeout;
  }

  /** The same client with other {@code --dial-timeout} / {@code --command-timeout} values. */
  Etcdctl withTimeouts(Duration dial, Duration command) {
    return new Etcdctl(endpoint, workDir, globalFlags, dial, command);
  }

  String endpoint() {
    return endpoint;
  }

  EtcdctlResult run(String... args) {
    return run(Invocation.of(args));
  }

  EtcdctlResult run(Invocation invocation) {
    try {
      Process process = start(invocation);
      LineCollector out = LineCollector.all(process.getInputStream());
      LineCollector err = LineCollector.all(process.getErrorStream());
      type(process, invocation.stdin(), true);
      boolean exited = process.waitFor(RUN_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
      if (!exited) {
        ChildProcesses.stop(process, 0);
      }
      out.awaitEnd(Duration.ofSeconds(5));
      err.awaitEnd(Duration.ofSeconds(5));
      return exited
          ? new EtcdctlResult(invocation.args(), EtcdctlResult.Ending.EXITED, process.exitValue(), out.lines(), err.lines())
          : new EtcdctlResult(invocation.args(), EtcdctlResult.Ending.TIMED_OUT, -1, out.lines(), err.lines());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running etcdctl " + invocation.args(), e);
    }
  }

  /**
   * Starts a long-running command ({@code watch}, {@code lease keep-alive}); its standard input
   * stays open (for {@code watch --interactive}) until the stream is closed, which kills it.
   */
  EtcdctlStream stream(Invocation invocation) {
    Process process = start(invocation);
    EtcdctlStream stream = new EtcdctlStream(invocation.args(), process, !invocation.stdin().isEmpty());
    type(process, invocation.stdin(), false);
    return stream;
  }

  private Process start(Invocation invocation) {
    List<String> command = new ArrayList<>();
    command.add(Peers.etcdctl().toString());
    command.add("--endpoints=" + endpoint);
    command.add("--dial-timeout=" + dialTimeout.toMillis() + "ms");
    command.add("--command-timeout=" + commandTimeout.toMillis() + "ms");
    command.addAll(globalFlags);
    command.addAll(invocation.args());
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("ETCDCTL_"));
    builder.environment().put("ETCDCTL_API", "3");
    builder.environment().putAll(invocation.env());
    try {
      return ChildProcesses.start(builder);
    } catch (IOException e) {
      throw new AssertionError("cannot start " + command, e);
    }
  }

  private static void type(Process process, String text, boolean thenClose) {
    try {
      OutputStream in = process.getOutputStream();
      if (!text.isEmpty()) {
        in.write(text.getBytes(StandardCharsets.UTF_8));
        in.flush();
      }
      if (thenClose) {
        in.close();
      }
    } catch (IOException e) {
      // etcdctl exited before reading its input; its exit code and output tell why
    }
  }
}
