package io.cairn.raft;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftClientRequest;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.protocol.SetConfigurationRequest;
import org.apache.ratis.protocol.SnapshotManagementRequest;
import org.apache.ratis.protocol.TransferLeadershipRequest;
import org.apache.ratis.protocol.exceptions.AlreadyClosedException;
import org.apache.ratis.protocol.exceptions.GroupMismatchException;
import org.apache.ratis.protocol.exceptions.NotLeaderException;
import org.apache.ratis.protocol.exceptions.ReconfigurationInProgressException;
import org.apache.ratis.protocol.exceptions.SetConfigurationException;
import org.apache.ratis.protocol.exceptions.StateMachineException;
import org.apache.ratis.protocol.exceptions.TransferLeadershipException;
import org.apache.ratis.server.RaftServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one group's requests to Ratis and retries them until they succeed or their deadline.
 *
 * <p>A request goes straight to the local {@link RaftServer} when its target is this member (no
 * network hop when this node leads), otherwise through {@link PeerRpc} to the remote leader. A
 * leader-only call starts at the leader this member knows (or itself) and follows {@link
 * NotLeaderException}'s suggested leader; transient refusals (leader not ready, stepping down, read
 * index unavailable, connection failures) are retried with capped exponential back-off. Every
 * attempt of one call reuses the same call ID, so a leader's retry cache applies it at most once.
 *
 * <p>Threads: attempts start on the caller's thread, a Ratis/gRPC thread or the node timer; all
 * state of a call is in its own {@link Attempts} object, touched by one attempt at a time.
 */
final class Calls {
  private static final Logger LOG = LoggerFactory.getLogger(Calls.class);

  /** Builds the request for one attempt. */
  interface RequestFactory {
    RaftClientRequest build(RaftPeerId target, long callId, long timeoutMs);
  }

  private final String groupName;
  private final RaftGroupId groupId;
  private final NodeContext ctx;
  private final long backoffMaxMs;
  private volatile boolean stopped;

  Calls(String groupName, RaftGroupId groupId, NodeContext ctx) {
    this.groupName = groupName;
    this.groupId = groupId;
    this.ctx = ctx;
    this.backoffMaxMs = Math.clamp(ctx.config().electionTimeoutMin().toMillis() / 4, 20, 200);
  }

  void stop() {
    stopped = true;
  }

  boolean stopped() {
    return stopped;
  }

  long deadline() {
    return System.nanoTime() + ctx.config().requestTimeout().toNanos();
  }

  RaftServer.Division division() throws IOException {
    return ctx.server().getDivision(groupId);
  }

  /** Sends until a successful reply; {@code leaderOnly} calls follow the leader. */
  CompletableFuture<RaftClientReply> call(
      String what, boolean leaderOnly, long deadline, RequestFactory factory) {
    Attempts a = new Attempts(what, leaderOnly, deadline, factory, ctx.callIds().incrementAndGet());
    a.next(null, false);
    return a.result;
  }

  /** {@code f}, failing with {@link #deadlineError} if not done by the deadline. */
  <T> CompletableFuture<T> within(CompletableFuture<T> f, long deadline, String what) {
    if (f.isDone()) {
      return f;
    }
    long delay = Math.max(0, deadline - System.nanoTime());
    try {
      ScheduledFuture<?> timer =
          ctx.timer()
              .schedule(() -> f.completeExceptionally(deadlineError(what)), delay, TimeUnit.NANOSECONDS);
      f.whenComplete((v, e) -> timer.cancel(false));
    } catch (RuntimeException rejected) {
      f.completeExceptionally(new RaftException.Stopped("node closed"));
    }
    return f;
  }

  /** Why a call did not finish in time: no leader, or a plain timeout. */
  RaftException deadlineError(String what) {
    if (stopped) {
      return new RaftException.Stopped("group " + groupName + " is stopped");
    }
    String took = " within " + ctx.config().requestTimeout().toMillis() + " ms";
    try {
      RaftPeerId leader = division().getInfo().getLeaderId();
      if (leader == null) {
        return new RaftException.NoLeader("group " + groupName + ": " + what + " found no leader" + took);
      }
      return new RaftException.Timeout(
          "group " + groupName + ": " + what + " not done" + took + " (leader " + leader + ")");
    } catch (IOException e) {
      return new RaftException.Stopped("group " + groupName + " is not running");
    }
  }

  private final class Attempts {
    final String what;
    final boolean leaderOnly;
    final long deadline;
    final RequestFactory factory;
    final long callId;
    final CompletableFuture<RaftClientReply> result = new CompletableFuture<>();
    int failures;

    Attempts(String what, boolean leaderOnly, long deadline, RequestFactory factory, long callId) {
      this.what = what;
      this.leaderOnly = leaderOnly;
      this.deadline = deadline;
      this.factory = factory;
      this.callId = callId;
    }

    void next(RaftPeer hint, boolean immediate) {
      if (result.isDone()) {
        return;
      }
      long remainingNanos = deadline - System.nanoTime();
      if (stopped || remainingNanos <= 0) {
        result.completeExceptionally(deadlineError(what));
        return;
      }
      if (!immediate && failures > 0) {
        long delay = Math.min(backoffMaxMs, 10L << Math.min(failures, 10));
        try {
          ctx.timer().schedule(() -> send(hint), delay, TimeUnit.MILLISECONDS);
        } catch (RuntimeException rejected) {
          result.completeExceptionally(new RaftException.Stopped("node closed"));
        }
        return;
      }
      send(hint);
    }

    void send(RaftPeer hint) {
      RaftPeerId target = ctx.self();
      CompletableFuture<RaftClientReply> f;
      try {
        if (leaderOnly) {
          RaftPeerId known = hint != null ? hint.getId() : division().getInfo().getLeaderId();
          target = known != null ? known : ctx.self();
        }
        long timeoutMs = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
        f = dispatch(factory.build(target, callId, timeoutMs), hint);
      } catch (IOException | RuntimeException e) {
        f = CompletableFuture.failedFuture(e);
      }
      RaftPeerId sentTo = target;
      f.whenComplete((reply, err) -> onReply(sentTo, reply, err));
    }

    void onReply(RaftPeerId target, RaftClientReply reply, Throwable err) {
      Throwable e =
          err != null
              ? unwrap(err)
              : reply.isSuccess()
                  ? null
                  : Objects.requireNonNullElseGet(
                      reply.getException(), () -> new IOException("unsuccessful reply " + reply));
      if (e == null) {
        result.complete(reply);
        return;
      }
      boolean local = target.equals(ctx.self());
      RaftException fatal = fatal(e, local);
      if (fatal != null) {
        result.completeExceptionally(fatal);
        return;
      }
      failures++;
      if (e instanceof NotLeaderException nle) {
        RaftPeer suggested = nle.getSuggestedLeader();
        boolean progress = suggested != null && !suggested.getId().equals(target);
        next(progress ? suggested : null, progress && failures % 4 != 0);
        return;
      }
      if (!local && e instanceof IOException) {
        ctx.peerRpc().failed(target, e);
      }
      LOG.debug("group {}: {} attempt {} to {} failed: {}", groupName, what, failures, target, e.toString());
      next(null, false);
    }
  }

  /** The error that ends a call, or null if it should be retried. */
  private RaftException fatal(Throwable e, boolean local) {
    if (stopped) {
      return new RaftException.Stopped("group " + groupName + " is stopped");
    }
    return switch (e) {
      case RaftException re -> re;
      case SetConfigurationException sce -> new RaftException.BadConfiguration(sce.getMessage());
      case ReconfigurationInProgressException rip ->
          new RaftException.BadConfiguration("another change is in progress: " + rip.getMessage());
      case TransferLeadershipException tle -> new RaftException.BadConfiguration(tle.getMessage());
      case StateMachineException sme ->
          new RaftException.Stopped("group " + groupName + " state machine failed: " + sme.getMessage());
      case AlreadyClosedException ace when local ->
          new RaftException.Stopped("group " + groupName + ": " + ace.getMessage());
      case GroupMismatchException gme when local ->
          new RaftException.Stopped("group " + groupName + " is not running here");
      case IOException io -> null;
      default -> {
        LOG.warn("group {}: unexpected failure, retrying", groupName, e);
        yield null;
      }
    };
  }

  /** Sends one attempt; {@code hint} is a peer the local configuration may not know yet. */
  private CompletableFuture<RaftClientReply> dispatch(RaftClientRequest r, RaftPeer hint)
      throws IOException {
    RaftServer server = ctx.server();
    boolean admin =
        r instanceof SetConfigurationRequest
            || r instanceof TransferLeadershipRequest
            || r instanceof SnapshotManagementRequest;
    if (r.getServerId().equals(ctx.self())) {
      return switch (r) {
        case SetConfigurationRequest s -> server.setConfigurationAsync(s);
        case TransferLeadershipRequest t -> server.transferLeadershipAsync(t);
        case SnapshotManagementRequest s -> server.snapshotManagementAsync(s);
        default -> server.submitClientRequestAsync(r);
      };
    }
    List<RaftPeer> peers = new ArrayList<>(division().getRaftConf().getAllPeers());
    if (hint != null && peers.stream().noneMatch(p -> p.getId().equals(hint.getId()))) {
      peers.add(hint);
    }
    var rpc = ctx.peerRpc().rpcFor(peers);
    if (!admin) {
      return rpc.sendRequestAsyncUnordered(r);
    }
    CompletableFuture<RaftClientReply> f = new CompletableFuture<>();
    ctx.callbacks()
        .execute(
            () -> {
              try {
                f.complete(rpc.sendRequest(r));
              } catch (IOException | RuntimeException e) {
                f.completeExceptionally(e);
              }
            });
    return f;
  }

  static Throwable unwrap(Throwable t) {
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
