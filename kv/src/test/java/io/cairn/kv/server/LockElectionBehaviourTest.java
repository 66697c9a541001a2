package io.cairn.kv.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.Election;
import io.etcd.jetcd.Lock;
import io.etcd.jetcd.api.lock.LockGrpc;
import io.etcd.jetcd.api.lock.LockRequest;
import io.etcd.jetcd.election.CampaignResponse;
import io.etcd.jetcd.election.LeaderKey;
import io.etcd.jetcd.election.LeaderResponse;
import io.etcd.jetcd.election.NoLeaderException;
import io.etcd.jetcd.election.NotLeaderException;
import io.etcd.jetcd.lock.LockResponse;
import io.etcd.jetcd.options.GetOption;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The lock and election services through jetcd's Lock and Election clients (which call the gRPC
 * services, unlike etcdctl's client-side recipes), written once and run on one member and on three.
 * Each test uses its own names, so they share a cluster.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LockElectionBehaviourTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private KvTestCluster cluster;
  private Path dir;
  private Client client;
  private Lock lock;
  private Election election;

  abstract int members();

  @BeforeAll
  void startCluster() throws Exception {
    dir = Files.createTempDirectory("kv-lock-election");
    cluster = new KvTestCluster(members(), dir, Map.of()).start();
    client = cluster.client();
    lock = client.getLockClient();
    election = client.getElectionClient();
  }

  @AfterAll
  void stopCluster() throws Exception {
    cluster.close();
    try (var s = Files.walk(dir)) {
      s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private static ByteSequence b(String s) {
    return ByteSequence.from(s, StandardCharsets.UTF_8);
  }

  private static String s(ByteSequence b) {
    return b.toString(StandardCharsets.UTF_8);
  }

  private long lease(long ttl) throws Exception {
    return client.getLeaseClient().grant(ttl).get().getID();
  }

  private List<String> keys(String prefix) throws Exception {
    return client.getKVClient().get(b(prefix), GetOption.builder().isPrefix(true).withKeysOnly(true).build()).get()
        .getKvs().stream().map(kv -> s(kv.getKey())).toList();
  }

  private static <T> T done(CompletableFuture<T> f) throws Exception {
    return f.get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  @Test
  void aLockIsHeldByOneSessionAtATimeAndPassesOnWhenUnlocked() throws Exception {
    long first = lease(30);
    long second = lease(30);
    LockResponse held = done(lock.lock(b("lk1"), first));
    assertThat(s(held.getKey())).isEqualTo("lk1/" + Long.toHexString(first));
    CompletableFuture<LockResponse> waiting = lock.lock(b("lk1"), second);
    Thread.sleep(300);
    assertThat(waiting).as("the second session waits while the first holds the lock").isNotDone();
    assertThat(keys("lk1/")).containsExactlyInAnyOrder("lk1/" + Long.toHexString(first), "lk1/" + Long.toHexString(second));

    long unlockedAt = done(lock.unlock(held.getKey())).getHeader().getRevision();
    LockResponse next = done(waiting);
    assertThat(s(next.getKey())).isEqualTo("lk1/" + Long.toHexString(second));
    assertThat(next.getHeader().getRevision()).isGreaterThanOrEqualTo(unlockedAt);
    assertThat(keys("lk1/")).containsExactly("lk1/" + Long.toHexString(second));
  }

  @Test
  void theHoldersLeaseEndingReleasesTheLock() throws Exception {
    long first = lease(30);
    long second = lease(30);
    done(lock.lock(b("lk2"), first));
    CompletableFuture<LockResponse> waiting = lock.lock(b("lk2"), second);
    Thread.sleep(200);
    assertThat(waiting).isNotDone();
    done(client.getLeaseClient().revoke(first));
    assertThat(s(done(waiting).getKey())).isEqualTo("lk2/" + Long.toHexString(second));
  }

  @Test
  void aLockRequestWithoutALeaseGetsASixtySecondLease() throws Exception {
    LockResponse held = done(lock.lock(b("lk3"), 0));
    var kv = done(client.getKVClient().get(held.getKey())).getKvs().get(0);
    assertThat(kv.getLease()).isNotZero();
    assertThat(s(held.getKey())).isEqualTo("lk3/" + Long.toHexString(kv.getLease()));
    assertThat(done(client.getLeaseClient().timeToLive(kv.getLease(), io.etcd.jetcd.options.LeaseOption.DEFAULT))
        .getGrantedTTL()).isEqualTo(60);
    done(lock.unlock(held.getKey()));
  }

  @Test
  void aWaiterWhoseCallIsCancelledGivesUpItsPlace() throws Exception {
    long holder = lease(30);
    long quitter = lease(30);
    done(lock.lock(b("lk4"), holder));
    var stub = LockGrpc.newBlockingStub(cluster.channel(0)).withDeadlineAfter(500, TimeUnit.MILLISECONDS);
    assertThatThrownBy(() -> stub.lock(LockRequest.newBuilder().setName(ByteString.copyFromUtf8("lk4")).setLease(quitter).build()))
        .isInstanceOfSatisfying(StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED));
    await().atMost(WAIT).untilAsserted(() -> assertThat(keys("lk4/")).containsExactly("lk4/" + Long.toHexString(holder)));
  }

  @Test
  void lockErrorsAreEtcdsWithCodeUnknown() {
    assertThatThrownBy(() -> done(lock.lock(b("lk5"), 987654321L)))
        .isInstanceOf(ExecutionException.class)
        .hasMessageContaining("etcdserver: requested lease not found");
    var stub = LockGrpc.newBlockingStub(cluster.channel(0));
    assertThatThrownBy(() -> stub.unlock(io.etcd.jetcd.api.lock.UnlockRequest.getDefaultInstance()))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNKNOWN);
          assertThat(e.getStatus().getDescription()).isEqualTo("etcdserver: key is not provided");
        });
  }

  @Test
  void anElectionHasOneLeaderThatProclaimsResignsAndIsObserved() throws Exception {
    assertThatThrownBy(() -> done(election.leader(b("el1")))).hasCauseInstanceOf(NoLeaderException.class);
    List<String> observed = new CopyOnWriteArrayList<>();
    election.observe(b("el1"), new Election.Listener() {
      @Override
      public void onNext(LeaderResponse r) {
        observed.add(s(r.getKv().getValue()));
      }

      @Override
      public void onError(Throwable t) {}

      @Override
      public void onCompleted() {}
    });
    long first = lease(30);
    long second = lease(30);
    CampaignResponse won = done(election.campaign(b("el1"), first, b("a")));
    LeaderKey leader = won.getLeader();
    assertThat(s(leader.getKey())).isEqualTo("el1/" + Long.toHexString(first));
    assertThat(leader.getLease()).isEqualTo(first);
    assertThat(leader.getRevision()).isEqualTo(won.getHeader().getRevision());

    CompletableFuture<CampaignResponse> challenger = election.campaign(b("el1"), second, b("b"));
    done(election.proclaim(leader, b("a2")));
    assertThat(s(done(election.leader(b("el1"))).getKv().getValue())).isEqualTo("a2");
    Thread.sleep(200);
    assertThat(challenger).as("the second candidate waits for the leader to resign").isNotDone();

    done(election.resign(leader));
    LeaderKey next = done(challenger).getLeader();
    assertThat(s(next.getKey())).isEqualTo("el1/" + Long.toHexString(second));
    assertThat(s(done(election.leader(b("el1"))).getKv().getValue())).isEqualTo("b");
    assertThatThrownBy(() -> done(election.proclaim(leader, b("stale")))).hasCauseInstanceOf(NotLeaderException.class);
    await().atMost(WAIT).untilAsserted(() -> assertThat(observed).containsSubsequence("a", "a2", "b"));
  }

  @Test
  void campaigningAgainWithTheSameLeaseKeepsThePlaceAndTakesTheNewValue() throws Exception {
    long l = lease(30);
    LeaderKey first = done(election.campaign(b("el2"), l, b("x"))).getLeader();
    LeaderKey again = done(election.campaign(b("el2"), l, b("y"))).getLeader();
    assertThat(again.getRevision()).isEqualTo(first.getRevision());
    assertThat(s(done(election.leader(b("el2"))).getKv().getValue())).isEqualTo("y");
  }
}
