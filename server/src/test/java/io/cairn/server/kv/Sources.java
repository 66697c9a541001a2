package io.cairn.server.kv;

/**
 * Headings (line prefixes) of the sections of {@code ../shared/conformance/etcd} that the scenarios
 * come from; {@link KvConformanceDocIT} checks that each still exists there.
 */
final class Sources {
  static final String EXPECTED_OUTPUTS = "etcd/etcdctl-expected-outputs.md";
  static final String MANUAL = "etcd/etcdctl-README-v3.4.23.md";

  // etcdctl-expected-outputs.md
  static final String HOW_CHECKED = "## How etcd's tests check output";
  static final String KV = "### KV (ctl_v3_kv_test.go)";
  static final String TXN = "### Txn (ctl_v3_txn_test.go";
  static final String COMPACTION = "### Compaction (ctl_v3_compact_test.go)";
  static final String LEASES = "### Leases (ctl_v3_lease_test.go)";
  static final String ALARM = "### Alarm / quota (ctl_v3_alarm_test.go)";
  static final String AUTH = "### Auth (ctl_v3_role_test.go, ctl_v3_user_test.go, ctl_v3_auth_test.go)";
  static final String WATCH = "### Watch (ctl_v3_watch_cov_test.go";
  static final String ELECTION = "### Election / lock (ctl_v3_elect_test.go, ctl_v3_lock_test.go)";
  static final String CLUSTER = "### Cluster / maintenance (";
  static final String GATEWAY = "### JSON gRPC-gateway over HTTP";
  static final String SERVER_ERRORS = "## Server error strings";

  // etcdctl-README-v3.4.23.md
  static final String MANUAL_PUT = "### PUT [options]";
  static final String MANUAL_GET = "### GET [options]";
  static final String MANUAL_DEL = "### DEL [options]";
  static final String MANUAL_TXN = "### TXN [options]";
  static final String MANUAL_WATCH = "### WATCH [options]";
  static final String MANUAL_LEASE_TIMETOLIVE = "### LEASE TIMETOLIVE";
  static final String MANUAL_LEASE_KEEP_ALIVE = "### LEASE KEEP-ALIVE";
  static final String MANUAL_MEMBER_LIST = "### MEMBER LIST";
  static final String MANUAL_ENDPOINT_STATUS = "### ENDPOINT STATUS";
  static final String MANUAL_ENDPOINT_HASHKV = "### ENDPOINT HASHKV";
  static final String MANUAL_ALARM_LIST = "### ALARM LIST";
  static final String MANUAL_DEFRAG = "### DEFRAG [options]";
  static final String MANUAL_SNAPSHOT_SAVE = "### SNAPSHOT SAVE";
  static final String MANUAL_GLOBAL_FLAGS = "Global flags (e.g., `dial-timeout`, `--cacert`, `--cert`, `--key`)";

  private Sources() {}
}
