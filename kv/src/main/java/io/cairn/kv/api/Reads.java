package io.cairn.kv.api;

import io.cairn.kv.store.EtcdException;
import io.cairn.raft.RaftGroupHandle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Local reads at the consistency the client asked for: linearizable reads wait for a Raft read
 * barrier first (ReadIndex), serializable reads read this member's state at once. A linearizable
 * read runs on the thread that completes the barrier, one of the Raft node's callback virtual
 * threads (see {@link RaftGroupHandle}), without another hand-off.
 */
public final class Reads {
  private final RaftGroupHandle raft;

  public Reads(RaftGroupHandle raft) {
    this.raft = raft;
  }

  /** A read of local state. */
  public interface Read<T> {
    T read() throws EtcdException;
  }

  public <T> CompletableFuture<T> read(boolean serializable, Read<T> read) {
    if (serializable) {
      try {
        return CompletableFuture.completedFuture(read.read());
      } catch (EtcdException e) {
        return CompletableFuture.failedFuture(e);
      }
    }
    return raft.readBarrier()
        .thenApply(
            ignored -> {
              try {
                return read.read();
              } catch (EtcdException e) {
                throw new CompletionException(e);
              }
            });
  }
}
