package io.cairn.gateway.provider.kv;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.gateway.config.DynamicConfig;
import io.cairn.gateway.config.RuleChecker;
import io.cairn.gateway.config.StaticConfig;
import io.cairn.gateway.config.Validator;
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
 * The provider against the real etcd server: with authentication on (user and password from
 * {@code providers.etcd}, set up with the real etcdctl), and over mutual TLS (certificates made
 * with the real openssl); in both, a change made afterwards arrives through the watch.
 */
class RealEtcdTest {
  @TempDir
  Path dir;

  private static final KvDecoding DECODING =
      new KvDecoding("traefik", new Validator(RuleChecker.acceptAll(), Optional.empty(), KvProvider.NAME));

  @Test
  void authenticatesWithUserAndPasswordAndWatches() throws Exception {
    try (RealEtcd etcd = new RealEtcd(dir, List.of(), List.of())) {
      assertThat(etcd.ctl("", "user", "add", "root:rootpw").exit()).isZero();
      assertThat(etcd.ctl("", "auth", "enable").exit()).isZero();
      putRouter(etcd, "root:rootpw");
      assertThat(etcd.ctl("", "get", "traefik/http/routers/r/rule").exit()).isNotZero(); // auth is really on
      readsAndWatches(etcd, "root:rootpw",
          new StaticConfig.EtcdProvider(List.of(etcd.endpoint()), "traefik", "root", "rootpw", Optional.empty()));
    }
  }

  @Test
  void connectsOverMutualTls() throws Exception {
    Path ca = dir.resolve("ca.pem");
    openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", dir.resolve("ca.key").toString(), "-out", ca.toString(),
        "-days", "1", "-subj", "/CN=test-ca");
    issue("server", "subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n");
    issue("client", "extendedKeyUsage=clientAuth\n");
    List<String> serverTls = List.of("--cert-file", dir.resolve("server.pem").toString(),
        "--key-file", dir.resolve("server.key").toString(), "--trusted-ca-file", ca.toString(), "--client-cert-auth");
    List<String> ctlTls = List.of("--cacert", ca.toString(), "--cert", dir.resolve("client.pem").toString(),
        "--key", dir.resolve("client.key").toString());
    try (RealEtcd etcd = new RealEtcd(dir, serverTls, ctlTls)) {
      putRouter(etcd, "");
      readsAndWatches(etcd, "", new StaticConfig.EtcdProvider(List.of("https://" + etcd.endpoint()), "traefik", "", "",
          Optional.of(new StaticConfig.ClientTls(ca.toString(), dir.resolve("client.pem").toString(),
              dir.resolve("client.key").toString(), false))));
    }
  }

  private static void putRouter(RealEtcd etcd, String user) throws Exception {
    assertThat(etcd.ctl(user, "put", "traefik/http/routers/r/rule", "Path(`/r`)").exit()).isZero();
    assertThat(etcd.ctl(user, "put", "traefik/http/routers/r/service", "noop@internal").exit()).isZero();
  }

  private static void readsAndWatches(RealEtcd etcd, String user, StaticConfig.EtcdProvider config) throws Exception {
    BlockingQueue<DynamicConfig> changes = new LinkedBlockingQueue<>();
    try (KvProvider p = KvProvider.start(config, DECODING, Duration.ofMillis(50), Duration.ofSeconds(10), changes::add,
        problems -> { })) {
      assertThat(p.initial().orElseThrow().http().routers().get("r").rule()).isEqualTo("Path(`/r`)");
      assertThat(etcd.ctl(user, "put", "traefik/http/routers/r/priority", "5").exit()).isZero();
      DynamicConfig after = changes.poll(30, TimeUnit.SECONDS);
      assertThat(after).isNotNull();
      assertThat(after.http().routers().get("r").priority()).isEqualTo(5);
    }
  }

  private void issue(String name, String extensions) throws Exception {
    Path ext = dir.resolve(name + ".ext");
    java.nio.file.Files.writeString(ext, extensions);
    openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", dir.resolve(name + ".key").toString(),
        "-out", dir.resolve(name + ".csr").toString(), "-subj", "/CN=" + name);
    openssl("x509", "-req", "-in", dir.resolve(name + ".csr").toString(), "-CA", dir.resolve("ca.pem").toString(),
        "-CAkey", dir.resolve("ca.key").toString(), "-CAcreateserial", "-out", dir.resolve(name + ".pem").toString(),
        "-days", "1", "-extfile", ext.toString());
  }

  private static void openssl(String... args) throws Exception {
    List<String> cmd = new java.util.ArrayList<>(List.of("openssl"));
    cmd.addAll(List.of(args));
    KvHarness.Result r = KvHarness.run(Map.of(), cmd);
    assertThat(r.exit()).as(r.err()).isZero();
  }
}
