package io.cairn.server.kv;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A running {@code curl --no-buffer} whose streamed response ({@code {"result":...}} lines of
 * {@code /v3/watch}) is read as it arrives. Closing kills it if it still runs.
 */
final class CurlStream implements AutoCloseable {
  private final HttpCall call;
  private final Process process;
  private final Path headers;
  private final Duration exitLimit;
  private final LineCollector out;
  private final LineCollector err;

  CurlStream(HttpCall call, Process process, Path headers, Duration exitLimit) {
    this.call = call;
    this.process = process;
    this.headers = headers;
    this.exitLimit = exitLimit;
    this.out = LineCollector.all(process.getInputStream());
    this.err = LineCollector.all(process.getErrorStream());
  }

  /** The response body lines so far. */
  List<String> bodyLines() {
    return out.lines();
  }

  /** Waits until the body lines satisfy {@code done} or {@code timeout} passes; returns whether they do. */
  boolean awaitBody(Predicate<List<String>> done, Duration timeout) {
    try {
      return out.awaitLines(done, timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  boolean awaitBodyLines(int count, Duration timeout) {
    return awaitBody(lines -> lines.size() >= count, timeout);
  }

  /** Waits for curl to end by itself (at the latest when its {@code --max-time} passes) and returns what it printed. */
  CurlResult awaitExit() {
    try {
      if (!process.waitFor(exitLimit.toMillis(), TimeUnit.MILLISECONDS)) {
        ChildProcesses.stop(process, 0);
        return result(CurlResult.Ending.TIMED_OUT, -1);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return stop();
  }

  /** Kills curl if it still runs and returns everything it printed. */
  CurlResult stop() {
    if (out.ended()) {
      // the response is complete: curl exits right after closing its output
      awaitExitQuietly(Duration.ofSeconds(2));
    }
    boolean wasRunning = process.isAlive();
    ChildProcesses.stop(process, 2_000);
    return wasRunning ? result(CurlResult.Ending.STOPPED, 0) : result(CurlResult.Ending.EXITED, process.exitValue());
  }

  private void awaitExitQuietly(Duration limit) {
    try {
      process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private CurlResult result(CurlResult.Ending ending, int exitCode) {
    try {
      out.awaitEnd(Duration.ofSeconds(5));
      err.awaitEnd(Duration.ofSeconds(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return new CurlResult(call, ending, exitCode, HttpResponse.parse(Curl.readAndDelete(headers), out.lines()), err.lines());
  }

  @Override
  public void close() {
    stop();
  }

  @Override
  public String toString() {
    return "curl " + call.display() + "\nstdout: " + out.lines() + "\nstderr: " + err.lines();
  }
}
