package io.cairn.kv.lease;

import io.cairn.kv.store.KvCommand;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** How the lessor changes replicated lease state: through Raft. */
public interface LeaseProposer {
  CompletableFuture<?> revoke(long leaseId);

  CompletableFuture<?> checkpoint(List<KvCommand.LeaseCheckpoint.Remaining> leases);
}
