package io.cairn.kv.api;

import com.google.protobuf.Message;
import io.cairn.kv.store.ApplyResult;
import io.cairn.kv.store.EtcdError;
import io.cairn.kv.store.EtcdException;
import io.cairn.kv.store.KvCommand;
import io.cairn.raft.RaftGroupHandle;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.LongAdder;

/**
 * Proposes kv commands through Raft and turns the replicated {@link ApplyResult} back into a
 * response or an {@link EtcdException}. Refuses commands larger than {@code --max-request-bytes}
 * with etcd's "request is too large".
 *
 * <h2>Batching</h2>
 *
 * At most {@value #MAX_IN_FLIGHT} Raft proposals are in flight at a time. A command that arrives
 * when fewer are is proposed at once, alone; otherwise it waits in a queue, and when a proposal
 * completes, the commands queued meanwhile (up to {@value #MAX_BATCH_COMMANDS} commands and {@value
 * #MAX_BATCH_BYTES} bytes) go as one {@link KvCommand.Batch} entry. So an idle server adds no
 * latency, and under load the per-entry cost of Raft (log append, checksum, replication, retry cache,
 * apply commit) is shared by many commands — etcd gets the same effect from its raft loop, which
 * proposes everything that arrived since its last ready batch. Each command of a batch still gets its
 * own revision and result; a batch that Raft does not commit fails every command in it with the same
 * error. More than {@value #MAX_QUEUED} waiting commands are refused with etcd's "too many
 * requests" (etcd refuses once its applied index lags the committed one by 5000).
 *
 * <p>Thread-safe; the queue and the in-flight count are guarded by {@code this}. {@link #propose}
 * never blocks: a batch it takes is handed to Raft on {@code sender} (Ratis' submission waits for
 * the leader's log append, and gRPC may call {@code propose} on a network event loop); later
 * batches are sent from the completion of the previous one.
 */
public final class Proposals {
  static final int MAX_IN_FLIGHT = 2;
  static final int MAX_BATCH_COMMANDS = 512;
  static final int MAX_BATCH_BYTES = 1 << 20;
  static final int MAX_QUEUED = 20_000;

  private final RaftGroupHandle raft;
  private final long maxRequestBytes;
  private final Executor sender;
  private final LongAdder failed = new LongAdder();
  private final ArrayDeque<Pending> queue = new ArrayDeque<>(); // guarded by this
  private int inFlight; // guarded by this

  private record Pending(KvCommand command, byte[] bytes, CompletableFuture<ApplyResult> result) {}

  /** Sends batches to Raft on the thread that proposes or completes. */
  public Proposals(RaftGroupHandle raft, long maxRequestBytes) {
    this(raft, maxRequestBytes, Runnable::run);
  }

  /** {@code sender} runs the hand-off to Raft of a batch taken by {@link #propose}. */
  public Proposals(RaftGroupHandle raft, long maxRequestBytes, Executor sender) {
    this.raft = raft;
    this.maxRequestBytes = maxRequestBytes;
    this.sender = sender;
  }

  public RaftGroupHandle raft() {
    return raft;
  }

  /** Commands that Raft did not commit (timeouts, no leader, stopping); etcd's proposals_failed. */
  public long failed() {
    return failed.sum();
  }

  /** Completes with the response of type {@code type}, or fails with an EtcdException/RaftException. */
  public <T extends Message> CompletableFuture<T> propose(KvCommand command, Class<T> type) {
    byte[] bytes = command.encode();
    if (bytes.length > maxRequestBytes) {
      return CompletableFuture.failedFuture(EtcdError.REQUEST_TOO_LARGE.exception());
    }
    Pending p = new Pending(command, bytes, new CompletableFuture<>());
    List<Pending> batch = null;
    synchronized (this) {
      if (queue.size() >= MAX_QUEUED) {
        return CompletableFuture.failedFuture(EtcdError.TOO_MANY_REQUESTS.exception());
      }
      queue.add(p);
      if (inFlight < MAX_IN_FLIGHT) {
        batch = takeBatch();
      }
    }
    if (batch != null) {
      List<Pending> taken = batch;
      try {
        sender.execute(() -> send(taken));
      } catch (RuntimeException rejected) {
        send(taken); // stopping: fails the batch through Raft's own stopped error
      }
    }
    return p.result()
        .thenApply(
            r ->
                switch (r) {
                  case ApplyResult.Ok ok -> type.cast(ok.response());
                  case ApplyResult.Failed f -> throw new CompletionException(f.error().exception());
                  case ApplyResult.Batch b -> throw new IllegalStateException("batch result for one command");
                });
  }

  /** Takes the next batch off the queue and counts it in flight; caller holds the lock. */
  private List<Pending> takeBatch() {
    List<Pending> batch = new ArrayList<>();
    long bytes = 0;
    while (!queue.isEmpty() && batch.size() < MAX_BATCH_COMMANDS) {
      Pending next = queue.peek();
      if (!batch.isEmpty() && bytes + next.bytes().length > MAX_BATCH_BYTES) {
        break;
      }
      batch.add(queue.poll());
      bytes += next.bytes().length;
    }
    inFlight++;
    return batch;
  }

  private void send(List<Pending> batch) {
    KvCommand command;
    byte[] bytes;
    if (batch.size() == 1) {
      command = batch.getFirst().command();
      bytes = batch.getFirst().bytes();
    } else {
      command = new KvCommand.Batch(batch.stream().map(Pending::command).toList());
      bytes = KvCommand.encodeBatch(batch.stream().map(Pending::bytes).toList());
    }
    CompletableFuture<byte[]> proposed;
    try {
      proposed = raft.propose(bytes);
    } catch (RuntimeException e) {
      proposed = CompletableFuture.failedFuture(e);
    }
    proposed.whenComplete((reply, error) -> {
      try {
        deliver(batch, command, reply, error);
      } finally {
        List<Pending> next = null;
        synchronized (this) {
          inFlight--;
          if (!queue.isEmpty()) {
            next = takeBatch();
          }
        }
        if (next != null) {
          send(next);
        }
      }
    });
  }

  private void deliver(List<Pending> batch, KvCommand command, byte[] reply, Throwable error) {
    if (error != null) {
      failed.add(batch.size());
      Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
      batch.forEach(p -> p.result().completeExceptionally(cause));
      return;
    }
    try {
      ApplyResult result = ApplyResult.decode(command, reply);
      if (result instanceof ApplyResult.Batch b) {
        for (int i = 0; i < batch.size(); i++) {
          batch.get(i).result().complete(b.results().get(i));
        }
      } else {
        batch.getFirst().result().complete(result);
      }
    } catch (RuntimeException e) {
      batch.forEach(p -> p.result().completeExceptionally(e));
    }
  }
}
