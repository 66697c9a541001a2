package io.cairn.server.kv;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real curl against one kv server's client URL, the way etcd's documentation calls the
 * JSON gateway ({@code curl -X POST -d '{...}'}, no extra headers). The status line and headers go to
 * a file ({@code --dump-header}), the body to standard output; bodies go through standard input, so
 * a large one needs no temporary file. Every run is bounded twice: by curl's own {@code --max-time}
 * and by a harness limit above it.
 */
final class Curl {
  /** curl's {@code --max-time} for a call that answers with one response. */
  static final Duration MAX_TIME = Duration.ofSeconds(15);
  /** How long after its {@code --max-time} a curl process may take to exit before it is killed. */
  private static final Duration EXIT_GRACE = Duration.ofSeconds(5);

  private final String baseUrl;
  private final List<String> flags;

  Curl(String baseUrl) {
    this(baseUrl, List.of());
  }

  /** @param flags curl options added to every call, such as {@code --cacert FILE} */
  Curl(String baseUrl, List<String> flags) {
    this.baseUrl = baseUrl;
    this.flags = List.copyOf(flags);
  }

  CurlResult call(HttpCall call) {
    Path headers = headerFile();
    Process process = start(call, MAX_TIME, false, headers);
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
          HttpResponse.parse(readAndDelete(headers), out.lines()),
          err.lines());
    } catch (InterruptedException e) {
      ChildProcesses.stop(process, 0);
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running curl " + call.display(), e);
    }
  }

  /** A POST whose response streams ({@code /v3/watch}), read as it arrives; curl gives up after {@code maxTime}. */
  CurlStream stream(HttpCall call, Duration maxTime) {
    Path headers = headerFile();
    return new CurlStream(call, start(call, maxTime, true, headers), headers, maxTime.plus(EXIT_GRACE));
  }

  private Process start(HttpCall call, Duration maxTime, boolean noBuffer, Path headers) {
    List<String> command = new ArrayList<>();
    command.add(Peers.curl().toString());
    command.addAll(List.of("--silent", "--show-error", "--dump-header", headers.toString()));
    command.addAll(flags);
    if (noBuffer) {
      command.add("--no-buffer");
    }
    command.addAll(List.of("--max-time", Long.toString(maxTime.toSeconds())));
    // an explicit empty Expect: curl would otherwise wait for "100 Continue" before large bodies
    command.addAll(List.of("-X", call.method(), "-H", "Expect:"));
    if (!call.authorization().isEmpty()) {
      command.addAll(List.of("-H", "Authorization: " + call.authorization()));
    }
    if (call.sendsBody()) {
      command.addAll(List.of("--data-binary", "@-"));
    }
    command.add(baseUrl + call.path());
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(name -> name.toLowerCase(Locale.ROOT).endsWith("_proxy"));
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

  private static Path headerFile() {
    try {
      return Files.createTempFile("kv-it-curl-headers-", ".txt");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a file for curl's headers", e);
    }
  }

  /** The lines curl dumped (empty if it dumped nothing), deleting the file. */
  static List<String> readAndDelete(Path headers) {
    if (!Files.exists(headers)) {
      return List.of();
    }
    try {
      List<String> lines = Files.readAllLines(headers, StandardCharsets.ISO_8859_1);
      Files.deleteIfExists(headers);
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read curl's headers from " + headers, e);
    }
  }
}
