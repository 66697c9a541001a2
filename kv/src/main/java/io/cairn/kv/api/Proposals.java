package io.cairn.kv.api;

import com.google.protobuf.Message;
import io.cairn.kv.store.ApplyResult;
import io.cairn.kv.store.EtcdError;
import io.cairn.kv.store.EtcdException;
import io.cairn.kv.store.KvCommand;
import io.cairn.raft.RaftGroupHandle;
import java.util.concurrent.CompletableFuture;

/**
 * Proposes kv commands through Raft and turns the replicated {@link ApplyResult} back into a
 * response or an {@link EtcdException}. Refuses commands larger than {@code --max-request-bytes}
 * with etcd's "request is too large".
 */
public final class Proposals {
  private final RaftGroupHandle raft;
  private final long maxRequestBytes;
  private final java.util.concurrent.atomic.LongAdder failed = new java.util.concurrent.atomic.LongAdder();

  public Proposals(RaftGroupHandle raft, long maxRequestBytes) {
    this.raft = raft;
    this.maxRequestBytes = maxRequestBytes;
  }

  public RaftGroupHandle raft() {
    return raft;
  }

  /** Proposals that Raft did not commit (timeouts, no leader, stopping); etcd's proposals_failed. */
  public long failed() {
    return failed.sum();
  }

  /** Completes with the response of type {@code type}, or fails with an EtcdException/RaftException. */
  public <T extends Message> CompletableFuture<T> propose(KvCommand command, Class<T> type) {
    byte[] bytes = command.encode();
    if (bytes.length > maxRequestBytes) {
      return CompletableFuture.failedFuture(EtcdError.REQUEST_TOO_LARGE.exception());
    }
    return raft.propose(bytes)
        .whenComplete((r, t) -> {
          if (t != null) {
            failed.increment();
          }
        })
        .thenApply(
            reply ->
                switch (ApplyResult.decode(command, reply)) {
                  case ApplyResult.Ok ok -> type.cast(ok.response());
                  case ApplyResult.Failed f -> throw new java.util.concurrent.CompletionException(f.error().exception());
                });
  }
}
