package io.cairn.kv.api;

import com.google.protobuf.ByteString;
import io.etcd.jetcd.api.Compare;
import io.etcd.jetcd.api.Event;
import io.etcd.jetcd.api.PutRequest;
import io.etcd.jetcd.api.RangeRequest;
import io.etcd.jetcd.api.RangeResponse;
import io.etcd.jetcd.api.RequestOp;
import io.etcd.jetcd.api.ResponseHeader;
import io.etcd.jetcd.api.TxnRequest;
import io.etcd.jetcd.api.WatchCreateRequest;
import io.grpc.Status;

/**
 * The parts of etcd's client-side {@code concurrency} package (3.4) that its lock and election
 * servers run: sessions' default lease TTL, waiter keys named by lease, and {@code waitDeletes},
 * which waits until every key of a prefix created before a revision is gone. The key layout and
 * the order of requests are etcd's, so cairn's locks and elections interoperate with clients that
 * run the same algorithm themselves ({@code etcdctl lock}, {@code etcdctl elect}).
 */
final class Concurrency {
  /** A session created without a lease grants one with this TTL (concurrency.defaultSessionTTL). */
  static final long SESSION_TTL_SECONDS = 60;

  /** What the Go errors of the lock and election servers become on the wire (code Unknown). */
  static final Status MISSING_LEADER = Status.UNKNOWN.withDescription("\"leader\" field must be provided");
  static final Status NOT_LEADER = Status.UNKNOWN.withDescription("election: not leader");
  static final Status NO_LEADER = Status.UNKNOWN.withDescription("election: no leader");
  static final Status LOST_WATCHER = Status.UNKNOWN.withDescription("lost watcher waiting for delete");

  private Concurrency() {}

  /** {@code name + "/"}: where a lock's or an election's waiter keys live. */
  static ByteString prefix(ByteString name) {
    return name.concat(ByteString.copyFromUtf8("/"));
  }

  /** A waiter's key: the prefix and the session's lease ID in hex (Go's {@code %x}). */
  static ByteString waiterKey(ByteString prefix, long lease) {
    String hex = lease < 0 ? "-" + Long.toHexString(-lease) : Long.toHexString(lease);
    return prefix.concat(ByteString.copyFromUtf8(hex));
  }

  /** The end of the range holding every key that starts with {@code prefix} (clientv3's GetPrefixRangeEnd). */
  static ByteString prefixEnd(ByteString prefix) {
    byte[] end = prefix.toByteArray();
    for (int i = end.length - 1; i >= 0; i--) {
      if (end[i] != (byte) 0xff) {
        end[i]++;
        return ByteString.copyFrom(end, 0, i + 1);
      }
    }
    return ByteString.copyFrom(new byte[] {0}); // every byte is 0xff: to the end of the keyspace
  }

  /**
   * A transaction that creates {@code key} with {@code value} on {@code lease} if it does not exist
   * (response 0: the put) and reads it otherwise (response 0: the existing key), as Mutex.Lock and
   * Election.Campaign start; callers may add operations after these.
   */
  static TxnRequest.Builder createOrGet(ByteString key, ByteString value, long lease) {
    return TxnRequest.newBuilder()
        .addCompare(createdAt(key, 0))
        .addSuccess(put(key, value, lease))
        .addFailure(RequestOp.newBuilder().setRequestRange(RangeRequest.newBuilder().setKey(key)));
  }

  /** The comparison "{@code key} was created at revision {@code rev}" (0: does not exist). */
  static Compare createdAt(ByteString key, long rev) {
    return Compare.newBuilder()
        .setKey(key)
        .setTarget(Compare.CompareTarget.CREATE)
        .setResult(Compare.CompareResult.EQUAL)
        .setCreateRevision(rev)
        .build();
  }

  /** A put of {@code key} with {@code value} attached to {@code lease}. */
  static RequestOp put(ByteString key, ByteString value, long lease) {
    return RequestOp.newBuilder()
        .setRequestPut(PutRequest.newBuilder().setKey(key).setValue(value).setLease(lease))
        .build();
  }

  /** The key of {@code prefix} created first ({@code WithFirstCreate}). */
  static RangeRequest firstCreated(ByteString prefix) {
    return byCreation(prefix, RangeRequest.SortOrder.ASCEND).build();
  }

  private static RangeRequest.Builder byCreation(ByteString prefix, RangeRequest.SortOrder order) {
    return RangeRequest.newBuilder()
        .setKey(prefix)
        .setRangeEnd(prefixEnd(prefix))
        .setSortTarget(RangeRequest.SortTarget.CREATE)
        .setSortOrder(order)
        .setLimit(1);
  }

  /**
   * Waits until no key of {@code prefix} created at or below {@code maxCreateRevision} is left, by
   * waiting for the deletion of the newest such key again and again (etcd's {@code waitDeletes});
   * returns the header of the last range, which found none.
   */
  static ResponseHeader waitDeletes(LocalClient client, ByteString prefix, long maxCreateRevision)
      throws InterruptedException {
    RangeRequest newestBefore =
        byCreation(prefix, RangeRequest.SortOrder.DESCEND).setMaxCreateRevision(maxCreateRevision).build();
    while (true) {
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
      RangeResponse r = client.range(newestBefore);
      if (r.getKvsCount() == 0) {
        return r.getHeader();
      }
      waitDelete(client, r.getKvs(0).getKey(), r.getHeader().getRevision());
    }
  }

  /** Waits for a DELETE event of {@code key} at or after {@code revision}. */
  static void waitDelete(LocalClient client, ByteString key, long revision) throws InterruptedException {
    try (LocalWatch w = client.watch(WatchCreateRequest.newBuilder().setKey(key).setStartRevision(revision).build())) {
      while (true) {
        for (Event e : w.next().getEventsList()) {
          if (e.getType() == Event.EventType.DELETE) {
            return;
          }
        }
      }
    }
  }
}
