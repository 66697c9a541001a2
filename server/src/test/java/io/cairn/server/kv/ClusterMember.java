package io.cairn.server.kv;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One member process of a multi-member cluster (real etcd or {@code cairn kv}), started with etcd's
 * flags from a {@link ServerCommand.Layout}, run from its own working directory. Closing stops it
 * (SIGTERM, then SIGKILL); the cluster deletes the directories.
 */
final class ClusterMember implements AutoCloseable {
  private final ServerCommand.Layout layout;
  private final Path workDir;
  private final Process process;
  private final LineCollector log;

  private ClusterMember(ServerCommand.Layout layout, Path workDir, Process process) {
    this.layout = layout;
    this.workDir = workDir;
    this.process = process;
    this.log = LineCollector.tail(process.getInputStream(), 40);
  }

  static ClusterMember start(TargetKind kind, ServerCommand.Layout layout, Path workDir) {
    ProcessBuilder builder = ServerCommand.of(kind).build(layout, ServerOptions.DEFAULTS, workDir).redirectErrorStream(true);
    try {
      return new ClusterMember(layout, workDir, ChildProcesses.start(builder));
    } catch (IOException e) {
      throw new AssertionError("cannot start " + builder.command(), e);
    }
  }

  String name() {
    return layout.memberName();
  }

  String clientUrl() {
    return layout.clientUrl();
  }

  String peerUrl() {
    return layout.peerUrl();
  }

  Etcdctl etcdctl() {
    return new Etcdctl(clientUrl(), workDir);
  }

  boolean isRunning() {
    return process.isAlive();
  }

  /** Waits until the process has exited by itself; returns whether it did within {@code limit}. */
  boolean awaitExit(Duration limit) {
    try {
      return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The last lines the member printed, for failure messages. */
  String logTail() {
    return name() + " (" + (isRunning() ? "running" : "exited") + "), last output:\n  " + String.join("\n  ", log.lines());
  }

  @Override
  public void close() {
    ChildProcesses.stop(process, 10_000);
  }

  @Override
  public String toString() {
    return name() + " at " + clientUrl();
  }
}
