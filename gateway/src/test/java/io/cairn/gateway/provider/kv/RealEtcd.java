package io.cairn.gateway.provider.kv;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real etcd server (Debian {@code etcd-server}) on 127.0.0.1 with free ports, for tests; a
 * missing binary fails the test. {@link #close()} stops the process this started, and only it.
 */
final class RealEtcd implements AutoCloseable {
  private final Process process;
  private final String endpoint;
  private final List<String> ctlFlags;

  /**
   * @param serverTls etcd's TLS flags ({@code --cert-file ...}); empty for plaintext
   * @param ctlFlags flags every etcdctl call gets ({@code --cacert ...})
   */
  RealEtcd(Path dir, List<String> serverTls, List<String> ctlFlags) throws Exception {
    KvHarness.run(Map.of(), List.of("etcd", "--version")); // asserts that it is installed
    int client = KvHarness.freePort();
    int peer = KvHarness.freePort();
    this.endpoint = "127.0.0.1:" + client;
    this.ctlFlags = ctlFlags;
    String scheme = serverTls.isEmpty() ? "http://" : "https://";
    List<String> cmd = new ArrayList<>(List.of("etcd", "--name", "t", "--data-dir", dir.resolve("data").toString(),
        "--listen-client-urls", scheme + endpoint, "--advertise-client-urls", scheme + endpoint,
        "--listen-peer-urls", "http://127.0.0.1:" + peer, "--initial-advertise-peer-urls", "http://127.0.0.1:" + peer,
        "--initial-cluster", "t=http://127.0.0.1:" + peer));
    cmd.addAll(serverTls);
    this.process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("etcd.log").toFile()).start();
    await().atMost(Duration.ofSeconds(30)).until(() -> ctl("", "endpoint", "health").exit() == 0);
  }

  String endpoint() {
    return endpoint;
  }

  /** etcdctl against this server, as {@code user} ({@code name:password}; empty for none). */
  KvHarness.Result ctl(String user, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("etcdctl", "--endpoints=" + endpoint, "--dial-timeout=5s"));
    cmd.addAll(ctlFlags);
    if (!user.isEmpty()) {
      cmd.add("--user=" + user);
    }
    cmd.addAll(List.of(args));
    return KvHarness.run(Map.of("ETCDCTL_API", "3"), cmd);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
