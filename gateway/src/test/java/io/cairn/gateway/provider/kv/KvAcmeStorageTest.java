package io.cairn.gateway.provider.kv;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.gateway.acme.AcmeStorage;
import io.cairn.gateway.acme.testca.AcmeTesting;
import io.cairn.gateway.acme.testca.TestAcmeServer;
import io.cairn.gateway.acme.testca.TestCa;
import io.cairn.gateway.config.StaticConfig;
import io.cairn.gateway.runtime.GatewayServer;
import io.cairn.gateway.tls.Cli;
import io.cairn.gateway.tls.InternalCa;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ACME storage shared through cairn kv: the kv lock excludes, compare-and-swap keeps concurrent
 * saves, and a second gateway node serves the certificate the first one ordered without a second
 * order, the key being visible to the real etcdctl.
 */
class KvAcmeStorageTest {
  @TempDir Path dir;
  private KvHarness kv;

  @BeforeEach
  void start() throws Exception {
    kv = new KvHarness(dir).startKv();
  }

  @AfterEach
  void stop() {
    kv.close();
  }

  private StaticConfig.EtcdProvider etcd() {
    return new StaticConfig.EtcdProvider(List.of(kv.endpoint()), "traefik");
  }

  @Test
  void theLockLetsOneHolderInAtATime() throws Exception {
    var a = new KvAcmeStorage(etcd(), "le");
    var b = new KvAcmeStorage(etcd(), "le");
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    AtomicInteger runs = new AtomicInteger();
    Callable<Void> task = () -> {
      for (int i = 0; i < 3; i++) {
        for (KvAcmeStorage s : List.of(a, b)) {
          s.exclusively(() -> {
            most.accumulateAndGet(inside.incrementAndGet(), Math::max);
            Thread.sleep(30);
            inside.decrementAndGet();
            return runs.incrementAndGet();
          });
        }
      }
      return null;
    };
    try (var pool = Executors.newFixedThreadPool(3)) {
      List<Future<Void>> done = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        done.add(pool.submit(task));
      }
      for (Future<Void> f : done) {
        f.get();
      }
    }
    assertThat(runs.get()).isEqualTo(18);
    assertThat(most.get()).isEqualTo(1);
    KvHarness.Result lock = kv.etcdctl("get", "--prefix", "--keys-only", "/cairn/gateway/acme/le.lock");
    assertThat(lock.out().strip()).as("the lock is released").isEmpty();
  }

  @Test
  void concurrentSavesFromTwoNodesAreBothKept() throws Exception {
    var ca = new InternalCa(dir.resolve("ca"));
    var a = new KvAcmeStorage(etcd(), "le");
    var b = new KvAcmeStorage(etcd(), "le");
    List<Callable<Void>> saves = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      KvAcmeStorage s = i % 2 == 0 ? a : b;
      String name = "n" + i + ".example.test";
      saves.add(() -> {
        s.saveCertificate(new AcmeStorage.Certificate(List.of(name), ca.issue(name)));
        return null;
      });
    }
    try (var pool = Executors.newFixedThreadPool(4)) {
      for (Future<Void> f : pool.invokeAll(saves)) {
        f.get();
      }
    }
    assertThat(b.certificates()).extracting(c -> c.domains().getFirst()).containsExactlyInAnyOrder(
        "n0.example.test", "n1.example.test", "n2.example.test", "n3.example.test",
        "n4.example.test", "n5.example.test", "n6.example.test", "n7.example.test");
    assertThat(a.account()).isEmpty();
  }

  @Test
  void aSecondNodeServesTheCertificateTheFirstOrdered() throws Exception {
    TestCa ca = new TestCa();
    Path caPem = dir.resolve("ca.pem");
    try (var w = new JcaPEMWriter(Files.newBufferedWriter(caPem))) {
      w.writeObject(ca.certificate());
    }
    int backend = kv.upstream("backend");
    Path dynamic = Files.writeString(dir.resolve("dynamic.yml"), """
        http:
          routers:
            shared:
              rule: "Host(`shared.example.test`)"
              service: backend
              tls: {certResolver: le}
          services:
            backend:
              loadBalancer:
                servers:
                  - url: http://127.0.0.1:%d
        """.formatted(backend));
    try (TestAcmeServer acme = new TestAcmeServer(ca)) {
      int webA = KvHarness.freePort();
      int secureA = KvHarness.freePort();
      acme.mapHttp("shared.example.test", webA);
      GatewayServer a = node(webA, secureA, dynamic, acme, caPem);
      GatewayServer b = null;
      try {
        String servedByA = awaitCertificate(secureA, caPem);
        int secureB = KvHarness.freePort();
        b = node(KvHarness.freePort(), secureB, dynamic, acme, caPem);
        String servedByB = awaitCertificate(secureB, caPem);
        assertThat(servedByB).isEqualTo(servedByA);
        assertThat(acme.certificatesIssued()).isEqualTo(1);
        assertThat(Files.exists(dir.resolve("acme.json"))).as("nothing on disk").isFalse();
        KvHarness.Result keys = kv.etcdctl("get", "--prefix", "--keys-only", "/cairn/gateway/acme/");
        assertThat(keys.out()).contains("/cairn/gateway/acme/le");
      } finally {
        a.stop();
        if (b != null) {
          b.stop();
        }
      }
    }
  }

  private GatewayServer node(int web, int websecure, Path dynamic, TestAcmeServer acme, Path caPem) throws Exception {
    StaticConfig config = StaticConfig.fromArgs(List.of(
        "--entryPoints.web.address=127.0.0.1:" + web,
        "--entryPoints.websecure.address=127.0.0.1:" + websecure,
        "--providers.file.filename=" + dynamic,
        "--providers.etcd.endpoints=" + kv.endpoint(),
        "--certificatesResolvers.le.acme.caServer=" + acme.directory(),
        "--certificatesResolvers.le.acme.storage=" + dir.resolve("acme.json"),
        "--certificatesResolvers.le.acme.keyType=EC256",
        "--certificatesResolvers.le.acme.caCertificates=" + caPem,
        "--certificatesResolvers.le.acme.httpChallenge.entryPoint=web"));
    GatewayServer g = new GatewayServer(config, dir.resolve("pki-" + web),
        AcmeTesting.quickOptions(Duration.ofSeconds(20), Duration.ofMillis(200), Duration.ofSeconds(1)));
    g.start();
    return g;
  }

  /** The trusted certificate (PEM) served for shared.example.test, once there is one. */
  private static String awaitCertificate(int port, Path caPem) throws Exception {
    AcmeTesting.awaitTrusted("shared.example.test", port, caPem, Duration.ofSeconds(60));
    Cli.Result s = Cli.sClient(port, "-servername", "shared.example.test");
    var m = java.util.regex.Pattern.compile("(?s)-----BEGIN CERTIFICATE-----.*?-----END CERTIFICATE-----").matcher(s.out());
    assertThat(m.find()).as(s.out()).isTrue();
    return m.group();
  }
}
