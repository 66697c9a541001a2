package io.cairn.server.kv;

import java.util.List;

/** What one curl run printed and how it ended. */
record CurlResult(HttpCall call, Ending ending, int exitCode, HttpResponse response, List<String> stderr) {
  /** How the curl process ended. */
  enum Ending {
    /** It exited by itself with {@link #exitCode} (28: its {@code --max-time} passed). */
    EXITED,
    /** It ran past the harness' own limit and was killed. */
    TIMED_OUT,
    /** A streaming call still running when the harness had read enough and stopped it. */
    STOPPED
  }

  /** curl's exit status when its {@code --max-time} passed. */
  static final int OPERATION_TIMED_OUT = 28;

  CurlResult {
    stderr = List.copyOf(stderr);
  }

  int status() {
    return response.status();
  }

  String body() {
    return response.bodyText();
  }

  @Override
  public String toString() {
    return "curl " + call.display() + " -> " + ending + " " + exitCode + ", HTTP " + status()
        + "\nheaders: " + response.headers() + "\nbody: " + body() + "\nstderr: " + stderr;
  }
}
