package io.cairn.kv.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.kv.snapshot.bbolt.EtcdSnapshotWriter;
import io.etcd.jetcd.api.Member;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Added members recorded in the replicated store until they join ({@link KvCommand.MemberPendingAdd},
 * {@link KvCommand.MemberPendingRemove}): every member applying the same log lists the same pending
 * adds, the learner limit and peer-URL check hold among them, they count towards the quota's logical
 * size, survive a restart, and stay out of snapshots.
 */
@ParameterizedClass
@EnumSource(BackendKind.class)
class PendingMembersTest extends StoreTestBase {
  PendingMembersTest(BackendKind kind) {
    super(kind);
  }

  private static Member member(long id, String url, boolean learner) {
    return Member.newBuilder().setID(id).addPeerURLs(url).setIsLearner(learner).build();
  }

  @Test
  void addsAreListedUntilForgotten() {
    noop(); // the applied index is counted once there is one
    long before = store().sizeInUseBytes();
    long revision = store().revision();
    Member a = member(0xa, "http://127.0.0.1:3001", true);
    Member b = member(0xb, "http://127.0.0.1:3002", false);
    ok(new KvCommand.MemberPendingAdd(a));
    ok(new KvCommand.MemberPendingAdd(b));
    assertThat(store().pendingMembers()).containsExactly(a, b);
    assertThat(store().revision()).as("membership is no keyspace write").isEqualTo(revision);
    assertThat(store().sizeInUseBytes()).isGreaterThan(before);

    ok(new KvCommand.MemberPendingRemove(0xa));
    assertThat(store().pendingMembers()).containsExactly(b);
    assertThat(failure(new KvCommand.MemberPendingRemove(0xa))).isEqualTo(EtcdError.MEMBER_NOT_FOUND);
    ok(new KvCommand.MemberPendingRemove(0xb));
    assertThat(store().pendingMembers()).isEmpty();
    assertThat(store().sizeInUseBytes()).isEqualTo(before);
  }

  @Test
  void aSecondLearnerOrAReusedPeerUrlIsRefused() {
    ok(new KvCommand.MemberPendingAdd(member(0xa, "http://127.0.0.1:3001", true)));
    assertThat(failure(new KvCommand.MemberPendingAdd(member(0xc, "http://127.0.0.1:3003", true))))
        .isEqualTo(EtcdError.TOO_MANY_LEARNERS);
    assertThat(failure(new KvCommand.MemberPendingAdd(member(0xd, "http://127.0.0.1:3001", false))))
        .isEqualTo(EtcdError.PEER_URL_EXIST);
    ok(new KvCommand.MemberPendingAdd(member(0xe, "http://127.0.0.1:3005", false)));
    assertThat(store().pendingMembers()).extracting(Member::getID).containsExactly(0xaL, 0xeL);
  }

  @Test
  void pendingAddsSurviveARestartAndStayOutOfSnapshots() throws Exception {
    Member a = member(0xa, "http://127.0.0.1:3001", false);
    ok(new KvCommand.MemberPendingAdd(a));
    put("k", "v");
    long size = store().sizeInUseBytes();
    if (kind == BackendKind.ROCKS) {
      reopen();
      assertThat(store().pendingMembers()).containsExactly(a);
      assertThat(store().sizeInUseBytes()).isEqualTo(size);
    }
    Path db = tmp.resolve("snap.db");
    EtcdSnapshotWriter.write(backend(), db);
    String bytes = new String(Files.readAllBytes(db), StandardCharsets.ISO_8859_1);
    assertThat(bytes).contains("authUsers").doesNotContain("cairnPendingMembers").doesNotContain("127.0.0.1:3001");
  }
}
