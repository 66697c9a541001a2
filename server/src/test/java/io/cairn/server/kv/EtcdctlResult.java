package io.cairn.server.kv;

import java.util.List;

/** What one etcdctl run printed and how it ended. */
record EtcdctlResult(List<String> args, Ending ending, int exitCode, List<String> stdout, List<String> stderr) {
  /** How the process ended. */
  enum Ending {
    /** It exited by itself with {@link #exitCode}. */
    EXITED,
    /** It ran past {@link Etcdctl#RUN_LIMIT} and was killed. */
    TIMED_OUT,
    /** A streaming command still running when the harness had read enough and killed it. */
    STOPPED
  }

  EtcdctlResult {
    args = List.copyOf(args);
    stdout = List.copyOf(stdout);
    stderr = List.copyOf(stderr);
  }

  /** Exited with 0, or was a stream still running when the harness stopped it. */
  boolean ok() {
    return ending == Ending.STOPPED || (ending == Ending.EXITED && exitCode == 0);
  }

  /** Standard error without etcdctl's own structured client logs ({@code {"level":...}} lines). */
  List<String> messages() {
    return stderr.stream().filter(line -> !isClientLog(line)).toList();
  }

  static boolean isClientLog(String line) {
    return line.startsWith("{\"level\":");
  }

  /** One line saying how it ended, for transcripts: empty for a plain success. */
  String endingNote() {
    return switch (ending) {
      case EXITED -> exitCode == 0 ? "" : "[exit status " + exitCode + "]";
      case TIMED_OUT -> "[killed: still running after " + Etcdctl.RUN_LIMIT.toSeconds() + "s]";
      case STOPPED -> "[stream stopped by the harness]";
    };
  }

  @Override
  public String toString() {
    return "etcdctl " + String.join(" ", args) + " -> " + ending + " " + exitCode
        + "\nstdout: " + stdout + "\nstderr: " + stderr;
  }
}
