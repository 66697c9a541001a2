package io.cairn.server.kv;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/** A running streaming etcdctl command whose output is read as it arrives; closing kills it. */
final class EtcdctlStream implements AutoCloseable {
  private final List<String> args;
  private final Process process;
  private final LineCollector out;
  private final LineCollector err;
  private final boolean typedInput;

  /** @param typedInput whether the command reads what was typed on its standard input */
  EtcdctlStream(List<String> args, Process process, boolean typedInput) {
    this.args = List.copyOf(args);
    this.process = process;
    this.typedInput = typedInput;
    this.out = LineCollector.all(process.getInputStream());
    this.err = LineCollector.all(process.getErrorStream());
  }

  /** Waits until standard output satisfies {@code done} or {@code timeout} passes; returns whether it does. */
  boolean awaitStdout(Predicate<List<String>> done, Duration timeout) {
    try {
      return out.awaitLines(done, timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  boolean awaitStdoutLines(int count, Duration timeout) {
    return awaitStdout(lines -> lines.size() >= count, timeout);
  }

  List<String> stdout() {
    return out.lines();
  }

  List<String> stderr() {
    return err.lines();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Kills the command (if still running) and returns everything it printed. */
  EtcdctlResult stop() {
    boolean wasRunning = process.isAlive();
    if (typedInput && wasRunning) {
      // End the input first and let the command answer it ("watch --interactive" prints "Error
      // reading watch request line: EOF"): killing it at once raced that line against the signal,
      // so a differential run saw it from one server and not the other.
      try {
        process.getOutputStream().close();
        process.waitFor(2, java.util.concurrent.TimeUnit.SECONDS);
      } catch (java.io.IOException e) {
        // already gone; stopped below
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    ChildProcesses.stop(process, 2_000);
    try {
      out.awaitEnd(Duration.ofSeconds(5));
      err.awaitEnd(Duration.ofSeconds(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return wasRunning
        ? new EtcdctlResult(args, EtcdctlResult.Ending.STOPPED, 0, out.lines(), withoutOwnEof(err.lines(), typedInput))
        : new EtcdctlResult(args, EtcdctlResult.Ending.EXITED, process.exitValue(), out.lines(), err.lines());
  }

  /**
   * Standard error without etcdctl's answer to the end of input this stream caused: whether "watch
   * --interactive" prints it before it is stopped still varies from run to run (CI saw it once from
   * etcd only and once from cairn only), and it says nothing about the server.
   */
  static List<String> withoutOwnEof(List<String> stderr, boolean inputClosedHere) {
    if (!inputClosedHere) {
      return stderr;
    }
    return stderr.stream().filter(l -> !l.equals(OWN_EOF)).toList();
  }

  static final String OWN_EOF = "Error: Error reading watch request line: EOF";

  @Override
  public void close() {
    stop();
  }

  @Override
  public String toString() {
    return "etcdctl " + String.join(" ", args) + "\nstdout: " + stdout() + "\nstderr: " + stderr();
  }
}
