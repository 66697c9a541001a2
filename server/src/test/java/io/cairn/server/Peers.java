package io.cairn.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The processes an end-to-end test starts (real peers and cairn), stopped together by {@link
 * #close}: cairn gracefully, peers forcibly, each by its own handle. Each peer's output goes to
 * {@code <dir>/<program>.log}. Not thread-safe; one per test.
 */
final class Peers implements AutoCloseable {
  private final Path dir;
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<Process> peers = new ArrayList<>();
  private final List<CairnProcess> cairns = new ArrayList<>();

  Peers(Path dir) {
    this.dir = dir;
  }

  /** Starts a real program; fails the test (IOException) if it is not installed. */
  Process start(String... cmd) throws IOException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(dir.resolve(Path.of(cmd[0]).getFileName() + ".log").toFile()).start();
    peers.add(p);
    return p;
  }

  /** Starts cairn with {@code args}; it is stopped by {@link #close}. */
  CairnProcess cairn(String... args) throws IOException {
    CairnProcess c = CairnProcess.start(args);
    cairns.add(c);
    return c;
  }

  /** The cairn processes started so far, in order. */
  List<CairnProcess> cairns() {
    return java.util.Collections.unmodifiableList(cairns);
  }

  /** The HTTP status of GET {@code url}, or -1 when nothing answers. */
  int status(String url) {
    try {
      return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException | InterruptedException e) {
      return -1;
    }
  }

  /** A loopback port free at the time of the call. */
  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @Override
  public void close() throws InterruptedException {
    for (CairnProcess c : cairns) {
      c.close();
      c.process.waitFor();
    }
    for (Process p : peers) {
      p.destroyForcibly();
      p.waitFor();
    }
  }
}
