package io.cairn.kv.store;

import com.google.protobuf.InvalidProtocolBufferException;
import io.cairn.kv.store.backend.Backend;
import io.cairn.kv.store.backend.Bucket;
import io.cairn.kv.store.backend.WriteBatch;
import io.etcd.jetcd.api.Member;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Members added with {@code MemberAdd} whose Raft configuration change has not completed, as part of
 * the replicated state (bucket {@link Bucket#PENDING_MEMBERS}: 8-byte big-endian ID to the {@code
 * etcdserverpb.Member} with its ID, peer URLs and learner flag). etcd commits an added member to its
 * configuration at once (a ConfChange entry) and lists it as unstarted on every member; Ratis can
 * only commit a configuration whose new peers answer, so cairn records the add in the log instead and
 * the leader completes the Raft change once the member is up. Applier thread under the store's write
 * lock; readers copy under the read lock.
 */
final class PendingMembers {
  private final TreeMap<Long, Member> members = new TreeMap<>();
  private long bytes;

  static byte[] key(long id) {
    return ByteBuffer.allocate(8).putLong(id).array();
  }

  /** Checks an add against the other pending adds (the proposer checked the Raft configuration). */
  EtcdError refusal(Member m) {
    for (Member p : members.values()) {
      if (p.getID() == m.getID() || p.getPeerURLsList().stream().anyMatch(m.getPeerURLsList()::contains)) {
        return EtcdError.PEER_URL_EXIST;
      }
    }
    if (m.getIsLearner() && members.values().stream().anyMatch(Member::getIsLearner)) {
      return EtcdError.TOO_MANY_LEARNERS;
    }
    return null;
  }

  void add(Member m, WriteBatch batch) {
    byte[] value = m.toByteArray();
    members.put(m.getID(), m);
    bytes += 8 + value.length;
    batch.put(Bucket.PENDING_MEMBERS, key(m.getID()), value);
  }

  /** @return false if {@code id} is not pending */
  boolean remove(long id, WriteBatch batch) {
    Member m = members.remove(id);
    if (m == null) {
      return false;
    }
    bytes -= 8 + m.getSerializedSize();
    batch.delete(Bucket.PENDING_MEMBERS, key(id));
    return true;
  }

  List<Member> list() {
    return new ArrayList<>(members.values());
  }

  long bucketBytes() {
    return bytes;
  }

  void load(Backend b) {
    b.scan(Bucket.PENDING_MEMBERS, null, null, (k, v) -> {
      try {
        Member m = Member.parseFrom(v);
        members.put(m.getID(), m);
        bytes += k.length + v.length;
      } catch (InvalidProtocolBufferException e) {
        throw new IllegalStateException("corrupt store: undecodable pending member: " + e.getMessage(), e);
      }
      return true;
    });
  }
}
