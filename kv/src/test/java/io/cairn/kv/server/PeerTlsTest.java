package io.cairn.kv.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.options.GetOption;
import io.etcd.jetcd.options.LeaseOption;
import io.grpc.netty.GrpcSslContexts;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three members whose Raft traffic runs over mutual TLS (https:// peer URLs, etcd's {@code --peer-*}
 * flags) and whose clients use TLS too, with jetcd: writes commit and replicate between the two
 * members that trust each other, and a member whose certificate comes from another CA gets nothing.
 */
class PeerTlsTest {
  @TempDir Path dir;

  @Test
  void membersReplicateOverMutualTlsAndAnUntrustedMemberIsShutOut() throws Exception {
    Path certs = Files.createDirectories(dir.resolve("certs"));
    makeCertificates(certs);
    Map<String, String> tls = mutualTls(certs);
    try (KvTestCluster cluster = new KvTestCluster(3, dir, tls)) {
      cluster.start(0);
      cluster.start(1);
      cluster.start(2, cluster.config(2, Map.of(
          "--peer-cert-file", certs.resolve("stranger.pem").toString(),
          "--peer-key-file", certs.resolve("stranger-key.pem").toString())));
      cluster.awaitLeader();
      assertThat(cluster.leaderIndex()).isIn(0, 1);
      assertThat(cluster.server(0).endpoints().toString()).contains("https://127.0.0.1:");

      ByteSequence key = ByteSequence.from("peer-tls/k", StandardCharsets.UTF_8);
      ByteSequence value = ByteSequence.from("over TLS", StandardCharsets.UTF_8);
      try (Client c0 = client(cluster, 0, certs); Client c1 = client(cluster, 1, certs); Client c2 = client(cluster, 2, certs)) {
        c0.getKVClient().put(key, value).get(30, TimeUnit.SECONDS);
        GetOption serializable = GetOption.builder().withSerializable(true).build();
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
            assertThat(c1.getKVClient().get(key, serializable).get(10, TimeUnit.SECONDS).getKvs())
                .extracting(kv -> kv.getValue().toString(StandardCharsets.UTF_8)).containsExactly("over TLS"));
        // the others refuse the stranger's certificate (another CA): it never learns the write
        Thread.sleep(2_000);
        assertThat(c2.getKVClient().get(key, serializable).get(10, TimeUnit.SECONDS).getKvs()).isEmpty();
        assertThat(cluster.server(2).isLeader()).isFalse();
        leaseCallsOnAFollowerReachTheLeader(cluster, i -> client(cluster, i, certs), 1 - cluster.leaderIndex());
      }
    }
  }

  /**
   * {@code --peer-crl-file} naming member 2's certificate, or {@code --peer-cert-allowed-cn node} where
   * member 2's certificate has the CN {@code revoked}: every member has the flag, and member 2 (its
   * certificate from the trusted CA, so only the flag refuses it) never learns a write, whichever
   * side dials.
   */
  @ParameterizedTest
  @ValueSource(strings = {"--peer-crl-file", "--peer-cert-allowed-cn"})
  void aMemberWithARevokedCertificateIsShutOut(String flag) throws Exception {
    Path certs = Files.createDirectories(dir.resolve("certs"));
    makeCertificates(certs);
    Map<String, String> tls = new java.util.HashMap<>(mutualTls(certs));
    tls.put(flag, flag.equals("--peer-crl-file") ? certs.resolve("crl.pem").toString() : "node");
    try (KvTestCluster cluster = new KvTestCluster(3, dir, tls)) {
      cluster.start(0);
      cluster.start(1);
      cluster.start(2, cluster.config(2, Map.of(
          "--peer-cert-file", certs.resolve("revoked.pem").toString(),
          "--peer-key-file", certs.resolve("revoked-key.pem").toString())));
      cluster.awaitLeader();
      assertThat(cluster.leaderIndex()).isIn(0, 1);
      ByteSequence key = ByteSequence.from("peer-crl/k", StandardCharsets.UTF_8);
      try (Client c0 = client(cluster, 0, certs); Client c1 = client(cluster, 1, certs); Client c2 = client(cluster, 2, certs)) {
        c0.getKVClient().put(key, ByteSequence.from("v", StandardCharsets.UTF_8)).get(30, TimeUnit.SECONDS);
        GetOption serializable = GetOption.builder().withSerializable(true).build();
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
            assertThat(c1.getKVClient().get(key, serializable).get(10, TimeUnit.SECONDS).getKvs()).hasSize(1));
        Thread.sleep(2_000);
        assertThat(c2.getKVClient().get(key, serializable).get(10, TimeUnit.SECONDS).getKvs()).isEmpty();
        assertThat(cluster.server(2).isLeader()).isFalse();
      }
    }
  }

  /**
   * {@code --peer-auto-tls} and {@code --auto-tls}: each member makes its own self-signed peer and
   * client certificates, the members replicate over TLS without verifying each other (as etcd), and a
   * client that skips verification reads the write on another member.
   */
  @Test
  void autoTlsMembersReplicateWithGeneratedCertificates() throws Exception {
    Map<String, String> auto = Map.of("--peer-auto-tls", "true", "--auto-tls", "true");
    try (KvTestCluster cluster = new KvTestCluster(3, dir, auto)) {
      cluster.start(0);
      cluster.start(1);
      cluster.start(2);
      cluster.awaitLeader();
      assertThat(cluster.clientUrl(0)).startsWith("https://");
      assertThat(cluster.server(0).endpoints().toString()).contains("https://127.0.0.1:");
      ByteSequence key = ByteSequence.from("peer-auto-tls/k", StandardCharsets.UTF_8);
      try (Client c0 = insecureClient(cluster, 0); Client c2 = insecureClient(cluster, 2)) {
        c0.getKVClient().put(key, ByteSequence.from("self-signed", StandardCharsets.UTF_8)).get(30, TimeUnit.SECONDS);
        GetOption serializable = GetOption.builder().withSerializable(true).build();
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
            assertThat(c2.getKVClient().get(key, serializable).get(10, TimeUnit.SECONDS).getKvs())
                .extracting(kv -> kv.getValue().toString(StandardCharsets.UTF_8)).containsExactly("self-signed"));
      }
      leaseCallsOnAFollowerReachTheLeader(cluster, i -> insecureClient(cluster, i), (cluster.leaderIndex() + 1) % 3);
      try (var found = Files.walk(dir)) {
        List<Path> certs = found.filter(p -> p.getFileName().toString().equals("cert.pem")).toList();
        assertThat(certs).as("a client and a peer certificate per member").hasSize(6);
        assertThat(certs).allSatisfy(p -> assertThat(p.getParent().getParent().getFileName()).hasToString("fixtures"));
      }
    }
  }

  interface Clients {
    Client open(int member) throws IOException;
  }

  /**
   * Lease time-to-live and keep-alive sent to a follower are answered by the leader, which the
   * follower calls on its https:// client URL.
   */
  private static void leaseCallsOnAFollowerReachTheLeader(KvTestCluster cluster, Clients clients, int follower)
      throws Exception {
    assertThat(cluster.server(follower).isLeader()).isFalse();
    try (Client onLeader = clients.open(cluster.leaderIndex()); Client onFollower = clients.open(follower)) {
      long id = onLeader.getLeaseClient().grant(60).get(30, TimeUnit.SECONDS).getID();
      assertThat(onFollower.getLeaseClient().timeToLive(id, LeaseOption.DEFAULT).get(30, TimeUnit.SECONDS).getTTL())
          .isBetween(1L, 60L);
      assertThat(onFollower.getLeaseClient().keepAliveOnce(id).get(30, TimeUnit.SECONDS).getTTL()).isEqualTo(60L);
    }
  }

  private static Client insecureClient(KvTestCluster cluster, int i) throws IOException {
    return Client.builder()
        .endpoints(cluster.clientUrl(i))
        .sslContext(GrpcSslContexts.forClient().trustManager(InsecureTrustManagerFactory.INSTANCE).build())
        .build();
  }

  private static Client client(KvTestCluster cluster, int i, Path certs) throws IOException {
    return Client.builder()
        .endpoints(cluster.clientUrl(i))
        .sslContext(GrpcSslContexts.forClient().trustManager(certs.resolve("ca.pem").toFile()).build())
        .build();
  }

  /** Every member's flags: mutual TLS between members with node.pem, and node.pem on the client port. */
  private static Map<String, String> mutualTls(Path certs) {
    return Map.of(
        "--peer-cert-file", certs.resolve("node.pem").toString(),
        "--peer-key-file", certs.resolve("node-key.pem").toString(),
        "--peer-trusted-ca-file", certs.resolve("ca.pem").toString(),
        "--peer-client-cert-auth", "true",
        "--cert-file", certs.resolve("node.pem").toString(),
        "--key-file", certs.resolve("node-key.pem").toString());
  }

  /**
   * ca.pem; node.pem and revoked.pem for 127.0.0.1 signed by it (SEC1 keys, serials 7 and 9);
   * stranger.pem from a CA nobody trusts; crl.pem, ca's revocation list naming revoked.pem.
   */
  private static void makeCertificates(Path d) throws Exception {
    Files.writeString(d.resolve("node.ext"), "subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth,clientAuth\n");
    for (String ca : List.of("ca", "other-ca")) {
      Openssl.run(d, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
          "-keyout", ca + "-key.pem", "-out", ca + ".pem", "-days", "2", "-subj", "/CN=" + ca);
    }
    String[][] nodes = {{"node", "ca", "7"}, {"stranger", "other-ca", "7"}, {"revoked", "ca", "9"}};
    for (String[] n : nodes) {
      Openssl.run(d, "ecparam", "-genkey", "-name", "prime256v1", "-noout", "-out", n[0] + "-key.pem");
      Openssl.run(d, "req", "-new", "-key", n[0] + "-key.pem", "-out", n[0] + ".csr", "-subj", "/CN=" + n[0]);
      Openssl.run(d, "x509", "-req", "-in", n[0] + ".csr", "-CA", n[1] + ".pem", "-CAkey", n[1] + "-key.pem",
          "-set_serial", n[2], "-days", "2", "-extfile", "node.ext", "-out", n[0] + ".pem");
    }
    RevocationListTest.revoke(d, "ca", "revoked.pem");
  }
}
