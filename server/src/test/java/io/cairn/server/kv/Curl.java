package io.cairn.server.kv;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real curl against one kv server's client URL, the way etcd's documentation calls the
 * JSON gateway ({@code curl -X POST -d '{...}'}, no extra headers), with {@code -i} so that the status
 * and headers are read too. Bodies go through standard input, so a large one needs no temporary file.
 * Every run is bounded twice: by curl's own {@code --max-time} and by a harness limit above it.
 */
final class Curl {
  /** curl's {@code --max-time} for a call that answers with one response. */
  static final Duration MAX_TIME = Duration.ofSeconds(15);
  /** How long after its {@code --max-time} a curl process may take to exit before it is killed. */
  private static final Duration EXIT_GRACE = Duration.ofSeconds(5);

  private final String baseUrl;

  Curl(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  String baseUrl() {
    return baseUrl;
  }

  CurlResult call(HttpCall call) {
    Process process = start(call, MAX_TIME, false);
    LineCollector out = LineCollector.all(process.getInputStream());
    LineCollector err = LineCollector.all(process.getErrorStream());
    try {
      boolean exited = process.waitFor(MAX_TIME.plus(EXIT_GRACE).toMillis(), TimeUnit.MILLISECONDS);
      if (!exited) {
        ChildProcesses.stop(process, 0);
      }
      out.awaitEnd(Duration.ofSeconds(5));
      err.awaitEnd(Duration.ofSeconds(5));
      return new CurlResult(
          call,
          exited ? CurlResult.Ending.EXITED : CurlResult.Ending.TIMED_OUT,
          exited ? process.exitValue() : -1,
          HttpResponse.parse(out.lines()),
          err.lines());
    } catch (InterruptedException e) {
      ChildProcesses.stop(process, 0);
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running curl " + call.display(), e);
    }
  }

  /** A POST whose response streams ({@code /v3/watch}), read as it arrives; curl gives up after {@code maxTime}. */
  CurlStream stream(HttpCall call, Duration maxTime) {
    return new CurlStream(call, start(call, maxTime, true), maxTime.plus(EXIT_GRACE));
  }

  private Process start(HttpCall call, Duration maxTime, boolean noBuffer) {
    List<String> command = new ArrayList<>();
    command.add(Peers.curl().toString());
    command.addAll(List.of("--silent", "--show-error", "--include"));
    if (noBuffer) {
      command.add("--no-buffer");
    }
    command.addAll(List.of("--max-time", Long.toString(maxTime.toSeconds())));
    // an explicit empty Expect: curl would otherwise wait for "100 Continue" before large bodies
    command.addAll(List.of("-X", call.method(), "-H", "Expect:"));
    if (call.sendsBody()) {
      command.addAll(List.of("--data-binary", "@-"));
    }
    command.add(baseUrl + call.path());
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(name -> name.toLowerCase(java.util.Locale.ROOT).endsWith("_proxy"));
    Process process;
    try {
      process = ChildProcesses.start(builder);
    } catch (IOException e) {
      throw new AssertionError("cannot start " + command, e);
    }
    try (OutputStream in = process.getOutputStream()) {
      if (call.sendsBody()) {
        in.write(call.body().getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      // curl exited before reading its input; its exit code and output tell why
    }
    return process;
  }
}
