package io.cairn.gateway.provider.kv;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.cairn.common.config.CommonKeys;
import io.cairn.common.config.Config;
import io.cairn.common.config.ConfigKey;
import io.cairn.common.config.ConfigLoader;
import io.cairn.common.metrics.Metrics;
import io.cairn.kv.server.KvKeys;
import io.cairn.kv.server.KvServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;

/**
 * Test helpers: cairn kv in this JVM (one member on 127.0.0.1, free ports, restartable on the same
 * data), the real {@code etcdctl} and {@code curl} (a missing tool fails the test), and tiny
 * upstreams that answer their name and the request path.
 */
final class KvHarness implements AutoCloseable {
  private static final List<ConfigKey<?>> KEYS = Stream.of(CommonKeys.ALL, KvKeys.ALL).flatMap(List::stream).toList();

  record Result(int exit, String out, String err) {}

  private final Path dir;
  private final int clientPort;
  private final int peerPort;
  private KvServer server;
  private final List<HttpServer> upstreams = new ArrayList<>();

  KvHarness(Path dir) throws IOException {
    this.dir = dir;
    this.clientPort = freePort();
    this.peerPort = freePort();
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  String endpoint() {
    return "127.0.0.1:" + clientPort;
  }

  int clientPort() {
    return clientPort;
  }

  KvHarness startKv() throws Exception {
    Map<String, String> flags = new HashMap<>();
    String peer = "http://127.0.0.1:" + peerPort;
    flags.put("--name", "n0");
    flags.put("--data-dir", dir.toString());
    flags.put("--listen-client-urls", "http://" + endpoint());
    flags.put("--advertise-client-urls", "http://" + endpoint());
    flags.put("--listen-peer-urls", peer);
    flags.put("--initial-advertise-peer-urls", peer);
    flags.put("--initial-cluster", "n0=" + peer);
    flags.put("--election-timeout", "1000");
    Map<ConfigKey<?>, String> given = new HashMap<>();
    for (ConfigKey<?> k : KEYS) {
      if (flags.containsKey(k.flag())) {
        given.put(k, flags.get(k.flag()));
      }
    }
    Config c = new ConfigLoader(KEYS).load(Optional.empty(), given);
    server = new KvServer(c, c.get(CommonKeys.DATA_DIR).resolve("kv"), Metrics.create(), () -> {});
    server.start();
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> server.isLeader());
    return this;
  }

  void stopKv() {
    if (server != null) {
      server.stop();
      server = null;
    }
  }

  /** An upstream on 127.0.0.1 answering {@code NAME PATH} to every request. */
  int upstream(String name) throws IOException {
    HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    s.createContext("/", ex -> {
      byte[] body = (name + " " + ex.getRequestURI().getPath()).getBytes(StandardCharsets.UTF_8);
      ex.getRequestBody().readAllBytes();
      ex.sendResponseHeaders(200, body.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    });
    s.start();
    upstreams.add(s);
    return s.getAddress().getPort();
  }

  /** {@code etcdctl put KEY VALUE} against this kv; asserts success. */
  void put(String key, String value) throws Exception {
    Result r = etcdctl("put", key, value);
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("OK\n");
  }

  /** {@code etcdctl del KEY}; asserts that one key was deleted. */
  void del(String key) throws Exception {
    Result r = etcdctl("del", key);
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("1\n");
  }

  Result etcdctl(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("etcdctl", "--endpoints=" + endpoint(), "--dial-timeout=5s"));
    cmd.addAll(List.of(args));
    return run(Map.of("ETCDCTL_API", "3"), cmd);
  }

  /** {@code curl -sS URL}: the body, or {@code HTTP <status>} for a status other than 200. */
  static String curl(String url) throws Exception {
    Result r = run(Map.of(), List.of("curl", "-sS", "--max-time", "10", "-w", "\n%{http_code}", url));
    assertThat(r.exit()).as(r.err()).isZero();
    int nl = r.out().lastIndexOf('\n');
    String status = r.out().substring(nl + 1);
    return status.equals("200") ? r.out().substring(0, nl) : "HTTP " + status;
  }

  static Result run(Map<String, String> env, List<String> command) throws Exception {
    String tool = command.getFirst();
    boolean found = Stream.of(System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":"))
        .anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
    assertThat(found).as(tool + " must be installed (apt-get install etcd-client curl)").isTrue();
    Path out = Files.createTempFile("tool", ".out");
    Path err = Files.createTempFile("tool", ".err");
    try {
      ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
      pb.environment().putAll(env);
      Process p = pb.start();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor();
        throw new AssertionError(tool + " did not finish within 30 s");
      }
      return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  @Override
  public void close() {
    upstreams.forEach(s -> s.stop(0));
    stopKv();
  }
}
