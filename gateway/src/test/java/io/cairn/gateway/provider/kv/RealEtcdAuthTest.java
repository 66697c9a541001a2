package io.cairn.gateway.provider.kv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cairn.gateway.config.DynamicConfig;
import io.cairn.gateway.config.RuleChecker;
import io.cairn.gateway.config.StaticConfig;
import io.cairn.gateway.config.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The provider against the real etcd server (Debian {@code etcd-server}; the test fails if it is
 * missing) with authentication on: user and password from {@code providers.etcd}, set up with the
 * real etcdctl; a change made afterwards arrives through the authenticated watch.
 */
class RealEtcdAuthTest {
  @TempDir
  Path dir;

  @Test
  void authenticatesWithUserAndPasswordAndWatches() throws Exception {
    int client = KvHarness.freePort();
    int peer = KvHarness.freePort();
    String endpoint = "127.0.0.1:" + client;
    KvHarness.run(Map.of(), List.of("etcd", "--version")); // asserts that it is installed
    Path log = dir.resolve("etcd.log");
    Process etcd = new ProcessBuilder("etcd", "--name", "t", "--data-dir", dir.resolve("data").toString(),
        "--listen-client-urls", "http://" + endpoint, "--advertise-client-urls", "http://" + endpoint,
        "--listen-peer-urls", "http://127.0.0.1:" + peer, "--initial-advertise-peer-urls", "http://127.0.0.1:" + peer,
        "--initial-cluster", "t=http://127.0.0.1:" + peer)
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      await().atMost(Duration.ofSeconds(30)).until(() -> ctl(endpoint, "", "endpoint", "health").exit() == 0);
      assertThat(ctl(endpoint, "", "user", "add", "root:rootpw").exit()).isZero();
      assertThat(ctl(endpoint, "", "auth", "enable").exit()).isZero();
      assertThat(ctl(endpoint, "root:rootpw", "put", "traefik/http/routers/r/rule", "Path(`/r`)").exit()).isZero();
      assertThat(ctl(endpoint, "root:rootpw", "put", "traefik/http/routers/r/service", "noop@internal").exit()).isZero();
      KvHarness.Result denied = ctl(endpoint, "", "get", "traefik/http/routers/r/rule");
      assertThat(denied.exit()).isNotZero(); // auth is really on

      BlockingQueue<DynamicConfig> changes = new LinkedBlockingQueue<>();
      KvDecoding decoding = new KvDecoding("traefik", new Validator(RuleChecker.acceptAll(), Optional.empty(), KvProvider.NAME));
      StaticConfig.EtcdProvider config = new StaticConfig.EtcdProvider(List.of(endpoint), "traefik", "root", "rootpw",
          Optional.empty());
      try (KvProvider p = KvProvider.start(config, decoding, Duration.ofMillis(50), Duration.ofSeconds(10), changes::add,
          problems -> { })) {
        assertThat(p.initial().orElseThrow().http().routers().get("r").rule()).isEqualTo("Path(`/r`)");
        assertThat(ctl(endpoint, "root:rootpw", "put", "traefik/http/routers/r/priority", "5").exit()).isZero();
        DynamicConfig after = changes.poll(30, TimeUnit.SECONDS);
        assertThat(after).isNotNull();
        assertThat(after.http().routers().get("r").priority()).isEqualTo(5);
      }
    } finally {
      etcd.destroy();
      if (!etcd.waitFor(10, TimeUnit.SECONDS)) {
        etcd.destroyForcibly().waitFor();
      }
    }
    assertThat(Files.exists(log)).isTrue();
  }

  private static KvHarness.Result ctl(String endpoint, String user, String... args) throws Exception {
    List<String> cmd = new java.util.ArrayList<>(List.of("etcdctl", "--endpoints=" + endpoint, "--dial-timeout=5s"));
    if (!user.isEmpty()) {
      cmd.add("--user=" + user);
    }
    cmd.addAll(List.of(args));
    return KvHarness.run(Map.of("ETCDCTL_API", "3"), cmd);
  }
}
