package io.cairn.kv.server;

import io.cairn.kv.api.Proposals;
import io.cairn.kv.lease.LeaseProposer;
import io.cairn.kv.store.KvCommand;
import io.etcd.jetcd.api.LeaseRevokeRequest;
import io.etcd.jetcd.api.LeaseRevokeResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The lessor's revokes and checkpoints, proposed through Raft. */
final class RaftLeaseProposer implements LeaseProposer {
  private final Proposals proposals;

  RaftLeaseProposer(Proposals proposals) {
    this.proposals = proposals;
  }

  @Override
  public CompletableFuture<?> revoke(long leaseId) {
    return proposals.propose(
        new KvCommand.LeaseRevoke(LeaseRevokeRequest.newBuilder().setID(leaseId).build()),
        LeaseRevokeResponse.class);
  }

  @Override
  public CompletableFuture<?> checkpoint(List<KvCommand.LeaseCheckpoint.Remaining> leases) {
    return proposals.propose(new KvCommand.LeaseCheckpoint(leases), com.google.protobuf.Empty.class);
  }
}
