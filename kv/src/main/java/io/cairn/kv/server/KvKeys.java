package io.cairn.kv.server;

import io.cairn.common.config.ConfigKey;
import io.cairn.common.config.Parsers;
import java.util.List;
import java.util.Map;

/**
 * kv's settings: etcd's flags, spelled as etcd spells them, with etcd 3.4's defaults. In a config
 * file they sit under {@code kv:}.
 */
public final class KvKeys {
  private KvKeys() {}

  /** The cluster-wide state mode of {@code --initial-cluster-state}. */
  public enum ClusterState {
    NEW,
    EXISTING
  }

  /** {@code --auto-compaction-mode}. */
  public enum CompactionMode {
    PERIODIC,
    REVISION
  }

  public static final ConfigKey<String> NAME =
      ConfigKey.of("kv.name", "--name", Parsers.string(), "default", "Human-readable name of this member.");

  public static final ConfigKey<List<String>> LISTEN_CLIENT_URLS =
      ConfigKey.of("kv.listen-client-urls", "--listen-client-urls", Urls.list(),
          List.of("http://localhost:2379"),
          "URLs to serve the etcd v3 API (gRPC and the JSON gateway) on; https:// ones need --cert-file and --key-file.");

  public static final ConfigKey<List<String>> ADVERTISE_CLIENT_URLS =
      ConfigKey.of("kv.advertise-client-urls", "--advertise-client-urls", Urls.list(),
          List.of("http://localhost:2379"), "Client URLs this member tells the cluster about.");

  public static final ConfigKey<List<String>> LISTEN_PEER_URLS =
      ConfigKey.of("kv.listen-peer-urls", "--listen-peer-urls", Urls.list(),
          List.of("http://localhost:2380"), "URL to serve Raft peer traffic on (the first one is used).");

  public static final ConfigKey<List<String>> INITIAL_ADVERTISE_PEER_URLS =
      ConfigKey.of("kv.initial-advertise-peer-urls", "--initial-advertise-peer-urls", Urls.list(),
          List.of("http://localhost:2380"), "Peer URLs this member tells the cluster about.");

  public static final ConfigKey<Map<String, List<String>>> INITIAL_CLUSTER =
      ConfigKey.of("kv.initial-cluster", "--initial-cluster", Urls.cluster(),
          Map.of("default", List.of("http://localhost:2380")),
          "Initial cluster configuration for bootstrapping: name=peer-url,...");

  public static final ConfigKey<ClusterState> INITIAL_CLUSTER_STATE =
      ConfigKey.of("kv.initial-cluster-state", "--initial-cluster-state", Parsers.enumOf(ClusterState.class),
          ClusterState.NEW, "new to bootstrap a cluster, existing to join one (after 'member add').");

  public static final ConfigKey<String> INITIAL_CLUSTER_TOKEN =
      ConfigKey.of("kv.initial-cluster-token", "--initial-cluster-token", Parsers.string(), "etcd-cluster",
          "Token that makes member and cluster IDs unique per cluster.");

  public static final ConfigKey<Long> QUOTA_BACKEND_BYTES =
      ConfigKey.of("kv.quota-backend-bytes", "--quota-backend-bytes", Parsers.longInRange(0, Long.MAX_VALUE),
          2L << 30, "Raise the NOSPACE alarm when the store exceeds this size (0 = the 2 GiB default).");

  public static final ConfigKey<Long> MAX_REQUEST_BYTES =
      ConfigKey.of("kv.max-request-bytes", "--max-request-bytes", Parsers.longInRange(1, 1L << 30),
          1572864L, "Largest request the server accepts, in bytes.");

  public static final ConfigKey<Long> MAX_TXN_OPS =
      ConfigKey.of("kv.max-txn-ops", "--max-txn-ops", Parsers.longInRange(1, 1_000_000), 128L,
          "Most operations (compares, success ops, failure ops, each) in one txn.");

  public static final ConfigKey<String> AUTO_COMPACTION_RETENTION =
      ConfigKey.of("kv.auto-compaction-retention", "--auto-compaction-retention", Parsers.string(), "0",
          "Keep this much history: hours or a duration like 30m in periodic mode, revisions in revision mode; 0 = off.");

  public static final ConfigKey<CompactionMode> AUTO_COMPACTION_MODE =
      ConfigKey.of("kv.auto-compaction-mode", "--auto-compaction-mode", Parsers.enumOf(CompactionMode.class),
          CompactionMode.PERIODIC, "periodic or revision.");

  public static final ConfigKey<Long> SNAPSHOT_COUNT =
      ConfigKey.of("kv.snapshot-count", "--snapshot-count", Parsers.longInRange(1, Long.MAX_VALUE), 100_000L,
          "Applied entries between Raft snapshots (the log before a snapshot is purged).");

  public static final ConfigKey<Long> HEARTBEAT_INTERVAL =
      ConfigKey.of("kv.heartbeat-interval", "--heartbeat-interval", Parsers.longInRange(1, 60_000), 100L,
          "Raft heartbeat interval in milliseconds.");

  public static final ConfigKey<Long> ELECTION_TIMEOUT =
      ConfigKey.of("kv.election-timeout", "--election-timeout", Parsers.longInRange(10, 600_000), 1000L,
          "Raft election timeout in milliseconds.");

  public static final ConfigKey<Long> AUTH_TOKEN_TTL =
      ConfigKey.of("kv.auth-token-ttl", "--auth-token-ttl", Parsers.longInRange(1, 86_400), 300L,
          "Seconds an auth token (from Authenticate) stays valid.");

  public static final ConfigKey<AuthTokenOption> AUTH_TOKEN =
      ConfigKey.of("kv.auth-token", "--auth-token", AuthTokenOption.parser(), AuthTokenOption.SIMPLE,
          "Auth tokens: simple (cairn's signed tokens) or jwt,pub-key=FILE,priv-key=FILE,sign-method=RS256[,ttl=5m]"
              + " (etcd's JWTs; methods RS/PS/ES/HS 256/384/512; HS* take priv-key alone, the file's bytes as the"
              + " secret).");

  public static final ConfigKey<String> CERT_FILE =
      ConfigKey.of("kv.cert-file", "--cert-file", Parsers.string(), "",
          "PEM certificate (chain) served on https:// client URLs.");

  public static final ConfigKey<String> KEY_FILE =
      ConfigKey.of("kv.key-file", "--key-file", Parsers.string(), "",
          "PEM private key of --cert-file (PKCS#8, PKCS#1 RSA or SEC1 EC).");

  public static final ConfigKey<String> TRUSTED_CA_FILE =
      ConfigKey.of("kv.trusted-ca-file", "--trusted-ca-file", Parsers.string(), "",
          "PEM CA certificates that client certificates must chain to; given, it requires client certificates on"
              + " https:// client URLs, as etcd.");

  public static final ConfigKey<Boolean> CLIENT_CERT_AUTH =
      ConfigKey.of("kv.client-cert-auth", "--client-cert-auth", Parsers.bool(), false,
          "Require a client certificate signed by --trusted-ca-file on https:// client URLs; with auth"
              + " enabled, a request without a token acts as the user named by the certificate's CN.");

  public static final ConfigKey<String> PEER_CERT_FILE =
      ConfigKey.of("kv.peer-cert-file", "--peer-cert-file", Parsers.string(), "",
          "PEM certificate (chain) of this member towards its peers, when the peer URLs are https://.");

  public static final ConfigKey<String> PEER_KEY_FILE =
      ConfigKey.of("kv.peer-key-file", "--peer-key-file", Parsers.string(), "",
          "PEM private key of --peer-cert-file (PKCS#8, PKCS#1 RSA or SEC1 EC).");

  public static final ConfigKey<String> PEER_TRUSTED_CA_FILE =
      ConfigKey.of("kv.peer-trusted-ca-file", "--peer-trusted-ca-file", Parsers.string(), "",
          "PEM CA certificates that peers' certificates must chain to (given, connecting peers must show one, as"
              + " etcd); empty: the JDK's default trust store.");

  public static final ConfigKey<Boolean> PEER_CLIENT_CERT_AUTH =
      ConfigKey.of("kv.peer-client-cert-auth", "--peer-client-cert-auth", Parsers.bool(), false,
          "Require a connecting peer's certificate too (mutual TLS between members).");

  public static final ConfigKey<Boolean> AUTO_TLS =
      ConfigKey.of("kv.auto-tls", "--auto-tls", Parsers.bool(), false,
          "Serve https:// client URLs with a generated self-signed certificate (<data-dir>/kv/fixtures/client) when"
              + " --cert-file and --key-file are not given; clients must skip verification.");

  public static final ConfigKey<Boolean> PEER_AUTO_TLS =
      ConfigKey.of("kv.peer-auto-tls", "--peer-auto-tls", Parsers.bool(), false,
          "Run https:// peer URLs with a generated self-signed certificate (<data-dir>/kv/fixtures/peer) when"
              + " --peer-cert-file and --peer-key-file are not given; members do not verify each other.");

  public static final ConfigKey<Long> SELF_SIGNED_CERT_VALIDITY =
      ConfigKey.of("kv.self-signed-cert-validity", "--self-signed-cert-validity", Parsers.longInRange(1, 100), 1L,
          "Validity in years of the certificates --auto-tls and --peer-auto-tls generate.");

  public static final ConfigKey<String> CLIENT_CRL_FILE =
      ConfigKey.of("kv.client-crl-file", "--client-crl-file", Parsers.string(), "",
          "Certificate revocation list (PEM or DER): client certificates with a serial number it lists are refused on"
              + " https:// client URLs; re-read when the file changes.");

  public static final ConfigKey<String> PEER_CRL_FILE =
      ConfigKey.of("kv.peer-crl-file", "--peer-crl-file", Parsers.string(), "",
          "Certificate revocation list (PEM or DER) for connecting members' certificates on https:// peer URLs;"
              + " re-read when the file changes.");

  public static final ConfigKey<List<String>> CIPHER_SUITES =
      ConfigKey.of("kv.cipher-suites", "--cipher-suites", CipherSuites.parser(), List.of(),
          "Comma-separated TLS 1.2 cipher suites (Go's names, as etcd) offered on https:// client URLs and towards"
              + " the leader; empty: the JDK's defaults. TLS 1.3 keeps its own suites, as in Go.");

  public static final ConfigKey<String> CLIENT_CERT_ALLOWED_HOSTNAME =
      ConfigKey.of("kv.client-cert-allowed-hostname", "--client-cert-allowed-hostname", Parsers.string(), "",
          "A client certificate on https:// client URLs must be valid for this name or IP address (its subject"
              + " alternative names, as Go checks them).");

  public static final ConfigKey<String> PEER_CERT_ALLOWED_CN =
      ConfigKey.of("kv.peer-cert-allowed-cn", "--peer-cert-allowed-cn", Parsers.string(), "",
          "A member's certificate must have exactly this common name, whichever member dials; not with"
              + " --peer-cert-allowed-hostname.");

  public static final ConfigKey<String> PEER_CERT_ALLOWED_HOSTNAME =
      ConfigKey.of("kv.peer-cert-allowed-hostname", "--peer-cert-allowed-hostname", Parsers.string(), "",
          "A member's certificate must be valid for this name or IP address, whichever member dials; not with"
              + " --peer-cert-allowed-cn.");

  public static final List<ConfigKey<?>> ALL =
      List.of(NAME, LISTEN_CLIENT_URLS, ADVERTISE_CLIENT_URLS, LISTEN_PEER_URLS, INITIAL_ADVERTISE_PEER_URLS,
          INITIAL_CLUSTER, INITIAL_CLUSTER_STATE, INITIAL_CLUSTER_TOKEN, QUOTA_BACKEND_BYTES, MAX_REQUEST_BYTES,
          MAX_TXN_OPS, AUTO_COMPACTION_RETENTION, AUTO_COMPACTION_MODE, SNAPSHOT_COUNT, HEARTBEAT_INTERVAL,
          ELECTION_TIMEOUT, AUTH_TOKEN_TTL, AUTH_TOKEN, CERT_FILE, KEY_FILE, TRUSTED_CA_FILE, CLIENT_CERT_AUTH,
          PEER_CERT_FILE, PEER_KEY_FILE, PEER_TRUSTED_CA_FILE, PEER_CLIENT_CERT_AUTH, AUTO_TLS, PEER_AUTO_TLS,
          SELF_SIGNED_CERT_VALIDITY, CLIENT_CRL_FILE, PEER_CRL_FILE, CIPHER_SUITES,
          CLIENT_CERT_ALLOWED_HOSTNAME, PEER_CERT_ALLOWED_CN, PEER_CERT_ALLOWED_HOSTNAME);
}
