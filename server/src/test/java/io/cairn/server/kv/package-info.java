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
 * <p>etcd and etcdctl come from the Debian packages listed in {@code scripts/peers.txt}; without
 * them the tests fail, saying to run {@code ./cairn test}.
 */
package io.cairn.server.kv;
