package io.cairn.raft;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.ratis.protocol.ClientId;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.server.RaftServer;

/**
 * What a {@link RaftNode}'s groups share.
 *
 * @param clientId the Ratis client ID of every request this node makes (random per start, so call
 *     IDs never collide with an earlier run's in a leader's retry cache)
 * @param callIds call IDs, unique per node run
 * @param timer deadlines and retry back-off; tasks must be short and never block
 * @param callbacks completes futures handed to callers, so their continuations never run on a
 *     Ratis thread (virtual threads)
 * @param events the serial executor for {@link GroupStateMachine#leaderChanged}
 */
record NodeContext(
    RaftNodeConfig config,
    RaftServer server,
    RaftPeerId self,
    ClientId clientId,
    AtomicLong callIds,
    PeerRpc peerRpc,
    ScheduledExecutorService timer,
    ExecutorService callbacks,
    ExecutorService events,
    RaftMetrics metrics) {

  /** A future completed like {@code f}, but on {@link #callbacks}, with causes unwrapped. */
  <T> CompletableFuture<T> deliver(CompletableFuture<T> f) {
    CompletableFuture<T> out = new CompletableFuture<>();
    f.whenComplete(
        (v, e) -> {
          Runnable complete =
              () -> {
                if (e != null) {
                  out.completeExceptionally(Calls.unwrap(e));
                } else {
                  out.complete(v);
                }
              };
          try {
            callbacks.execute(complete);
          } catch (RuntimeException rejected) {
            complete.run();
          }
        });
    return out;
  }
}
