package io.cairn.kv.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.KV;
import io.etcd.jetcd.KeyValue;
import io.etcd.jetcd.Watch;
import io.etcd.jetcd.api.KVGrpc;
import io.etcd.jetcd.api.PutRequest;
import io.etcd.jetcd.api.RequestOp;
import io.etcd.jetcd.api.TxnRequest;
import io.etcd.jetcd.kv.GetResponse;
import io.etcd.jetcd.kv.TxnResponse;
import io.etcd.jetcd.op.Cmp;
import io.etcd.jetcd.op.CmpTarget;
import io.etcd.jetcd.op.Op;
import io.etcd.jetcd.options.DeleteOption;
import io.etcd.jetcd.options.GetOption;
import io.etcd.jetcd.options.LeaseOption;
import io.etcd.jetcd.options.PutOption;
import io.etcd.jetcd.options.WatchOption;
import io.etcd.jetcd.watch.WatchEvent;
import io.grpc.StatusRuntimeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * etcd behaviour through the real jetcd client (and raw gRPC for requests jetcd refuses to build),
 * written once and run on a one-member and a three-member cluster. Each test uses its own key
 * prefix, so they share a cluster.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class KvBehaviourTest {
  private KvTestCluster cluster;
  private Path dir;
  Client client;
  KV kv;

  abstract int members();

  @BeforeAll
  void startCluster() throws Exception {
    dir = Files.createTempDirectory("kv-behaviour");
    cluster = new KvTestCluster(members(), dir, Map.of("--max-txn-ops", "8", "--max-request-bytes", "65536")).start();
    client = cluster.client();
    kv = client.getKVClient();
  }

  @AfterAll
  void stopCluster() throws Exception {
    cluster.close();
    try (var s = Files.walk(dir)) {
      s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  static ByteSequence b(String s) {
    return ByteSequence.from(s, StandardCharsets.UTF_8);
  }

  static String s(ByteSequence b) {
    return b.toString(StandardCharsets.UTF_8);
  }

  long put(String k, String v) throws Exception {
    return kv.put(b(k), b(v)).get().getHeader().getRevision();
  }

  @Test
  void revisionsVersionsAndHistory() throws Exception {
    long r1 = put("rv/k", "v1");
    long r2 = put("rv/k", "v2");
    assertThat(r2).isEqualTo(r1 + 1);
    KeyValue now = kv.get(b("rv/k")).get().getKvs().get(0);
    assertThat(now.getCreateRevision()).isEqualTo(r1);
    assertThat(now.getModRevision()).isEqualTo(r2);
    assertThat(now.getVersion()).isEqualTo(2);
    GetResponse old = kv.get(b("rv/k"), GetOption.builder().withRevision(r1).build()).get();
    assertThat(s(old.getKvs().get(0).getValue())).isEqualTo("v1");
    kv.delete(b("rv/k")).get();
    long r4 = put("rv/k", "v3");
    KeyValue reborn = kv.get(b("rv/k")).get().getKvs().get(0);
    assertThat(reborn.getVersion()).isEqualTo(1);
    assertThat(reborn.getCreateRevision()).isEqualTo(r4);
  }

  @Test
  void prefixSortLimitCountAndMore() throws Exception {
    for (String k : List.of("ps/b", "ps/a", "ps/c")) {
      put(k, k);
    }
    GetResponse r =
        kv.get(b("ps/"), GetOption.builder().isPrefix(true).withLimit(2)
            .withSortField(GetOption.SortTarget.KEY).withSortOrder(GetOption.SortOrder.DESCEND).build()).get();
    assertThat(r.getKvs()).extracting(kvp -> s(kvp.getKey())).containsExactly("ps/c", "ps/b");
    assertThat(r.getCount()).isEqualTo(3);
    assertThat(r.isMore()).isTrue();
    GetResponse keysOnly = kv.get(b("ps/"), GetOption.builder().isPrefix(true).withKeysOnly(true).build()).get();
    assertThat(keysOnly.getKvs()).allSatisfy(kvp -> assertThat(kvp.getValue().isEmpty()).isTrue());
    GetResponse countOnly = kv.get(b("ps/"), GetOption.builder().isPrefix(true).withCountOnly(true).build()).get();
    assertThat(countOnly.getKvs()).isEmpty();
    assertThat(countOnly.getCount()).isEqualTo(3);
  }

  @Test
  void txnCompareAndSwap() throws Exception {
    put("tx/k", "a");
    TxnResponse ok =
        kv.txn().If(new Cmp(b("tx/k"), Cmp.Op.EQUAL, CmpTarget.value(b("a"))))
            .Then(Op.put(b("tx/k"), b("b"), PutOption.DEFAULT))
            .Else(Op.put(b("tx/other"), b("x"), PutOption.DEFAULT))
            .commit().get();
    assertThat(ok.isSucceeded()).isTrue();
    TxnResponse no =
        kv.txn().If(new Cmp(b("tx/k"), Cmp.Op.EQUAL, CmpTarget.value(b("a"))))
            .Then(Op.put(b("tx/k"), b("c"), PutOption.DEFAULT))
            .Else(Op.get(b("tx/k"), GetOption.DEFAULT))
            .commit().get();
    assertThat(no.isSucceeded()).isFalse();
    assertThat(s(no.getGetResponses().get(0).getKvs().get(0).getValue())).isEqualTo("b");
  }

  @Test
  void deleteReturnsPreviousValues() throws Exception {
    put("dl/a", "1");
    put("dl/b", "2");
    var r = kv.delete(b("dl/"), DeleteOption.builder().isPrefix(true).withPrevKV(true).build()).get();
    assertThat(r.getDeleted()).isEqualTo(2);
    assertThat(r.getPrevKvs()).extracting(kvp -> s(kvp.getValue())).containsExactlyInAnyOrder("1", "2");
    assertThat(kv.get(b("dl/"), GetOption.builder().isPrefix(true).build()).get().getCount()).isZero();
  }

  @Test
  void concurrentWatchersSeeTheSameEventsInOrder() throws Exception {
    Watch watch = client.getWatchClient();
    List<String> first = new CopyOnWriteArrayList<>();
    List<String> second = new CopyOnWriteArrayList<>();
    long start = put("wt/seed", "0") + 1;
    WatchOption opt = WatchOption.builder().isPrefix(true).withRevision(start).build();
    try (Watch.Watcher w1 = watch.watch(b("wt/"), opt, r -> r.getEvents().forEach(e -> first.add(describe(e))));
        Watch.Watcher w2 = watch.watch(b("wt/"), opt, r -> r.getEvents().forEach(e -> second.add(describe(e))))) {
      for (int i = 0; i < 20; i++) {
        put("wt/k" + (i % 3), Integer.toString(i));
      }
      kv.delete(b("wt/k0")).get();
      await().atMost(Duration.ofSeconds(10)).until(() -> first.size() == 21 && second.size() == 21);
    }
    assertThat(first).isEqualTo(second);
    assertThat(first.get(0)).isEqualTo("PUT wt/k0=0");
    assertThat(first.get(20)).isEqualTo("DELETE wt/k0=");
  }

  private static String describe(WatchEvent e) {
    return e.getEventType() + " " + s(e.getKeyValue().getKey()) + "=" + s(e.getKeyValue().getValue());
  }

  @Test
  void leasesKeepAliveAndRevokeDeletesKeys() throws Exception {
    var leases = client.getLeaseClient();
    long id = leases.grant(30).get().getID();
    kv.put(b("ls/k"), b("v"), PutOption.builder().withLeaseId(id).build()).get();
    assertThat(leases.keepAliveOnce(id).get().getTTL()).isEqualTo(30);
    var ttl = leases.timeToLive(id, LeaseOption.builder().withAttachedKeys().build()).get();
    assertThat(ttl.getGrantedTTL()).isEqualTo(30);
    assertThat(ttl.getKeys()).extracting(KvBehaviourTest::s).containsExactly("ls/k");
    leases.revoke(id).get();
    assertThat(kv.get(b("ls/k")).get().getCount()).isZero();
    assertThat(leases.timeToLive(id, LeaseOption.DEFAULT).get().getTTL()).isEqualTo(-1);
  }

  @Test
  void shortLeasesExpireAndTheirKeysGo() throws Exception {
    var leases = client.getLeaseClient();
    long id = leases.grant(2).get().getID();
    kv.put(b("lx/k"), b("v"), PutOption.builder().withLeaseId(id).build()).get();
    await().atMost(Duration.ofSeconds(15)).until(() -> kv.get(b("lx/k")).get().getCount() == 0);
  }

  @Test
  void compactedRevisionsAreRefused() throws Exception {
    long r1 = put("cp/k", "1");
    long r2 = put("cp/k", "2");
    kv.compact(r2).get();
    assertThatThrownBy(() -> kv.get(b("cp/k"), GetOption.builder().withRevision(r1).build()).get())
        .isInstanceOf(ExecutionException.class)
        .hasMessageContaining("required revision has been compacted");
  }

  @Test
  void membersAndStatus() throws Exception {
    var members = client.getClusterClient().listMember().get().getMembers();
    assertThat(members).hasSize(cluster.size);
    // Like etcd, a member's client URLs are known to the others once it has published them.
    await().atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(client.getClusterClient().listMember().get().getMembers())
                    .allSatisfy(m -> assertThat(m.getClientURIs()).isNotEmpty()));
    var status = client.getMaintenanceClient().statusMember(cluster.clientUrl(0)).get();
    assertThat(status.getVersion()).isEqualTo("3.4.23");
    assertThat(status.getLeader()).isNotZero();
  }

  @Test
  void badRequestsGetEtcdErrorsAndTheServerKeepsServing() throws Exception {
    var stub = KVGrpc.newBlockingStub(cluster.channel(0));
    assertThatThrownBy(() -> stub.put(PutRequest.newBuilder().setValue(ByteString.copyFromUtf8("v")).build()))
        .isInstanceOf(StatusRuntimeException.class)
        .hasMessage("INVALID_ARGUMENT: etcdserver: key is not provided");
    TxnRequest.Builder many = TxnRequest.newBuilder();
    for (int i = 0; i < 9; i++) {
      many.addSuccess(RequestOp.newBuilder().setRequestPut(PutRequest.newBuilder().setKey(ByteString.copyFromUtf8("m" + i))));
    }
    assertThatThrownBy(() -> stub.txn(many.build()))
        .hasMessage("INVALID_ARGUMENT: etcdserver: too many operations in txn request");
    PutRequest big =
        PutRequest.newBuilder().setKey(ByteString.copyFromUtf8("big")).setValue(ByteString.copyFrom(new byte[70_000])).build();
    assertThatThrownBy(() -> stub.put(big)).hasMessage("INVALID_ARGUMENT: etcdserver: request is too large");
    assertThat(put("bad/after", "ok")).isPositive();
  }
}
