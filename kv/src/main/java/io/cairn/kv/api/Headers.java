package io.cairn.kv.api;

import io.etcd.jetcd.api.ResponseHeader;
import java.util.function.LongSupplier;

/**
 * Fills etcd response headers: cluster ID, this member's ID, the raft term, and the revision (the
 * store sets the revision of write results; reads take the revision they were served at).
 */
public final class Headers {
  private final long clusterId;
  private final long memberId;
  private final LongSupplier term;

  public Headers(long clusterId, long memberId, LongSupplier term) {
    this.clusterId = clusterId;
    this.memberId = memberId;
    this.term = term;
  }

  public long clusterId() {
    return clusterId;
  }

  public long memberId() {
    return memberId;
  }

  public ResponseHeader header(long revision) {
    return ResponseHeader.newBuilder()
        .setClusterId(clusterId)
        .setMemberId(memberId)
        .setRevision(revision)
        .setRaftTerm(term.getAsLong())
        .build();
  }

  /**
   * The header etcd 3.4's cluster RPCs (member list, add, remove, update, promote) answer with:
   * cluster, member and term, no revision.
   */
  public ResponseHeader withoutRevision() {
    return header(0);
  }

  /** The store's header (revision only) completed with cluster, member and term. */
  ResponseHeader complete(ResponseHeader fromStore) {
    return header(fromStore.getRevision());
  }
}
