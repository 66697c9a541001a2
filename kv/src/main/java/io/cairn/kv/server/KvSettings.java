package io.cairn.kv.server;

import io.cairn.common.config.Config;
import io.cairn.common.config.ConfigException;
import io.cairn.kv.api.Members;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * kv's configuration resolved into what the server needs: this member, the initial members, and the
 * limits. Cross-field checks happen here, with etcd's error wording where etcd has one.
 */
record KvSettings(
    Members.Info self,
    List<Members.Info> initialMembers,
    KvKeys.ClusterState state,
    String clusterToken,
    List<String> listenClientUrls,
    String listenPeerUrl,
    long quotaBytes,
    long maxRequestBytes,
    int maxTxnOps,
    String compactionRetention,
    KvKeys.CompactionMode compactionMode,
    long snapshotCount,
    Duration heartbeat,
    Duration electionTimeout,
    Duration authTokenTtl,
    AuthTokenOption authToken,
    ClientTls tls,
    PeerTlsFiles peerTls,
    long selfSignedCertValidityYears,
    TlsPolicy tlsPolicy) {

  static KvSettings from(Config c) {
    String name = c.get(KvKeys.NAME);
    String token = c.get(KvKeys.INITIAL_CLUSTER_TOKEN);
    Map<String, List<String>> cluster = c.get(KvKeys.INITIAL_CLUSTER);
    List<String> myPeers = c.get(KvKeys.INITIAL_ADVERTISE_PEER_URLS);
    List<String> listed = cluster.get(name);
    if (listed == null) {
      throw new ConfigException(
          "flag --initial-cluster: expected an entry for this member's --name '" + name + "', got "
              + String.join(",", cluster.keySet()));
    }
    if (!listed.stream().sorted().toList().equals(myPeers.stream().sorted().toList())) {
      throw new ConfigException(
          "flag --initial-cluster: --initial-cluster has " + name + "=" + String.join(",", listed)
              + " but missing from --initial-advertise-peer-urls=" + String.join(",", myPeers));
    }
    List<Members.Info> members = new ArrayList<>();
    Members.Info self = null;
    for (var e : cluster.entrySet()) {
      long id = Members.memberId(e.getValue(), token, null);
      boolean me = e.getKey().equals(name);
      Members.Info info =
          new Members.Info(id, me ? name : e.getKey(), e.getValue(), me ? c.get(KvKeys.ADVERTISE_CLIENT_URLS) : List.of());
      members.add(info);
      if (me) {
        self = info;
      }
    }
    members.sort((a, b) -> Long.compareUnsigned(a.id(), b.id()));
    long heartbeat = c.get(KvKeys.HEARTBEAT_INTERVAL);
    long election = c.get(KvKeys.ELECTION_TIMEOUT);
    if (election < 5 * heartbeat) {
      throw new ConfigException(
          "flag --election-timeout: expected at least 5 times --heartbeat-interval (" + heartbeat + " ms), got "
              + election);
    }
    long quota = c.get(KvKeys.QUOTA_BACKEND_BYTES);
    ClientTls tls =
        new ClientTls(c.get(KvKeys.CERT_FILE), c.get(KvKeys.KEY_FILE), c.get(KvKeys.TRUSTED_CA_FILE),
            c.get(KvKeys.CLIENT_CERT_AUTH), c.get(KvKeys.AUTO_TLS));
    for (String url : c.get(KvKeys.LISTEN_CLIENT_URLS)) {
      if (Urls.isHttps(url) && !tls.serves()) {
        throw new ConfigException(
            "flag --listen-client-urls: TLS key/cert (--cert-file, --key-file) must be provided for client url "
                + url + " with HTTPS scheme");
      }
    }
    if (tls.certFile().isEmpty() != tls.keyFile().isEmpty()) {
      throw new ConfigException(
          "flag --cert-file: expected --cert-file and --key-file together, got --cert-file='" + tls.certFile()
              + "' --key-file='" + tls.keyFile() + "'");
    }
    PeerTlsFiles peerTls = peerTls(c, cluster);
    return new KvSettings(
        self,
        List.copyOf(members),
        c.get(KvKeys.INITIAL_CLUSTER_STATE),
        token,
        c.get(KvKeys.LISTEN_CLIENT_URLS),
        c.get(KvKeys.LISTEN_PEER_URLS).get(0),
        quota,
        c.get(KvKeys.MAX_REQUEST_BYTES),
        (int) (long) c.get(KvKeys.MAX_TXN_OPS),
        c.get(KvKeys.AUTO_COMPACTION_RETENTION),
        c.get(KvKeys.AUTO_COMPACTION_MODE),
        c.get(KvKeys.SNAPSHOT_COUNT),
        Duration.ofMillis(heartbeat),
        Duration.ofMillis(election),
        Duration.ofSeconds(c.get(KvKeys.AUTH_TOKEN_TTL)),
        c.get(KvKeys.AUTH_TOKEN),
        tls,
        peerTls,
        c.get(KvKeys.SELF_SIGNED_CERT_VALIDITY),
        tlsPolicy(c));
  }

  /**
   * The peer TLS files when the peer URLs are https://, else null. Ratis runs one transport for a
   * member's server and its connections, so this member's listen and advertised peer URLs and every
   * URL of --initial-cluster must share one scheme.
   */
  private static PeerTlsFiles peerTls(Config c, Map<String, List<String>> cluster) {
    List<String> urls = new ArrayList<>(c.get(KvKeys.LISTEN_PEER_URLS));
    urls.addAll(c.get(KvKeys.INITIAL_ADVERTISE_PEER_URLS));
    cluster.values().forEach(urls::addAll);
    long https = urls.stream().filter(Urls::isHttps).count();
    if (https != 0 && https != urls.size()) {
      throw new ConfigException(
          "flag --listen-peer-urls: expected every peer URL (--listen-peer-urls, --initial-advertise-peer-urls,"
              + " --initial-cluster) to be http:// or every one https://, got " + String.join(",", urls));
    }
    PeerTlsFiles files =
        new PeerTlsFiles(c.get(KvKeys.PEER_CERT_FILE), c.get(KvKeys.PEER_KEY_FILE),
            c.get(KvKeys.PEER_TRUSTED_CA_FILE), c.get(KvKeys.PEER_CLIENT_CERT_AUTH), c.get(KvKeys.PEER_AUTO_TLS));
    if (files.certFile().isEmpty() != files.keyFile().isEmpty()) {
      throw new ConfigException(
          "flag --peer-cert-file: expected --peer-cert-file and --peer-key-file together, got --peer-cert-file='"
              + files.certFile() + "' --peer-key-file='" + files.keyFile() + "'");
    }
    if (https == 0) {
      return null;
    }
    if (!files.serves()) {
      throw new ConfigException(
          "flag --listen-peer-urls: TLS key/cert (--peer-cert-file, --peer-key-file) must be provided for peer url "
              + c.get(KvKeys.LISTEN_PEER_URLS).get(0) + " with HTTPS scheme");
    }
    return files;
  }

  private static TlsPolicy tlsPolicy(Config c) {
    try {
      return new TlsPolicy(c.get(KvKeys.CIPHER_SUITES), c.get(KvKeys.CLIENT_CRL_FILE), c.get(KvKeys.PEER_CRL_FILE),
          c.get(KvKeys.CLIENT_CERT_ALLOWED_HOSTNAME), c.get(KvKeys.PEER_CERT_ALLOWED_CN),
          c.get(KvKeys.PEER_CERT_ALLOWED_HOSTNAME));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("flag --peer-cert-allowed-cn: " + e.getMessage());
    }
  }

  /** etcd's minimum lease TTL: ceil(1.5 × election timeout) seconds. */
  long minLeaseTtlSeconds() {
    long ms = electionTimeout.toMillis() * 3 / 2;
    return (ms + 999) / 1000;
  }
}
