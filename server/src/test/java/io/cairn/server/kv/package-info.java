/**
 * End-to-end conformance of the kv service: the real {@code etcdctl} 3.4.23 runs the scenarios of
 * {@code ../shared/conformance/etcd} against real etcd 3.4.23 (the reference) and against
 * {@code cairn kv}.
 *
 * <ul>
 *   <li>{@code Kv*IT} per area (put/get, del, txn, compaction, leases, watch, maintenance, errors):
 *       each scenario against each target, checked against the substrings etcd's own e2e tests
 *       expect, plus the time-dependent checks (lease expiry, streaming keep-alive, a running watch,
 *       NOSPACE, auto-compaction).
 *   <li>{@link io.cairn.server.kv.KvDifferentialIT}: every deterministic scenario against etcd and a
 *       candidate; the normalized transcripts must be identical, so etcd's answer is the expected
 *       output. Transcripts land in {@code server/target/kv-transcripts/}.
 *   <li>{@link io.cairn.server.kv.KvGatewayIT}: the JSON gRPC-gateway with the real {@code curl}
 *       (status, media type, body substrings of etcd's answers; {@link io.cairn.server.kv.GatewayCatalog}),
 *       plus a running watch, the remaining TTL of a fresh lease and etcd's CORS headers;
 *       {@link io.cairn.server.kv.KvGatewayDifferentialIT} compares whole normalized answers with
 *       etcd's ({@link io.cairn.server.kv.GatewayNormalizer} says what is normalized and why), into
 *       {@code server/target/kv-transcripts/gateway-etcd-vs-KIND/}.
 *   <li>{@link io.cairn.server.kv.KvMembershipIT}: three-member clusters of each target with etcdctl:
 *       member list / add / update / remove, the fourth member joining with
 *       {@code --initial-cluster-state existing}, endpoint status and health {@code --cluster},
 *       move-leader.
 *   <li>{@link io.cairn.server.kv.KvClusterChaosIT}: fault tolerance of a three-member cluster of
 *       {@code cairn kv} processes ({@link io.cairn.server.kv.KvProcessCluster}): {@code kill -9}
 *       of the leader under write load, a restart of the whole cluster, a lagging follower caught up
 *       by snapshot; no acknowledged put may be lost. Member logs land in {@code
 *       server/target/kv-chaos-logs/}. It needs no real peer.
 * </ul>
 *
 * <p>Choose the targets with {@code -Dkv.targets=etcd}, {@code cairn} or {@code etcd,cairn} (the
 * default), for example:
 *
 * <pre>
 * JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 ./mvnw -B -q -pl server -am verify \
 *     '-Dit.test=Kv*IT' -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dkv.targets=etcd
 * </pre>
 *
 * <p>Only the gateway and membership tests:
 *
 * <pre>
 * JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 ./mvnw -B -q -pl server -am verify \
 *     '-Dit.test=KvGateway*IT,KvMembershipIT' -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dkv.targets=etcd,cairn
 * </pre>
 *
 * <p>etcd, etcdctl and curl come from the Debian packages listed in {@code scripts/peers.txt};
 * without them the tests fail, saying to run {@code ./cairn test}.
 */
package io.cairn.server.kv;
