package io.cairn.raft;

import org.apache.ratis.conf.Parameters;
import org.apache.ratis.grpc.GrpcFactory;
import org.apache.ratis.grpc.server.GrpcLogAppender;
import org.apache.ratis.proto.RaftProtos.AppendEntriesRequestProto;
import org.apache.ratis.rpc.RpcFactory;
import org.apache.ratis.rpc.RpcType;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.leader.FollowerInfo;
import org.apache.ratis.server.leader.LeaderState;
import org.apache.ratis.server.leader.LogAppender;
import org.apache.ratis.server.raftlog.RaftLog;
import org.apache.ratis.server.raftlog.RaftLogIOException;

/**
 * Ratis' gRPC transport, with leader log appenders that tell a follower a new commit index at once,
 * as etcd's raft does (its leader broadcasts an append, empty if need be, whenever the commit index
 * advances).
 *
 * <p><b>Why.</b> Ratis 3.3's appender wakes up when the commit index advances, but when it has no
 * new entry for the follower it sends nothing until the next heartbeat is due (half the minimum
 * election timeout, 500 ms by default). A write proposed through a follower is answered only once
 * that follower applied it (as etcd does), and the follower applies it only once it learns it is
 * committed: without this, every such write waited for {@link GroupHandle}'s fallback nudge (a read
 * barrier after 5 ms: a ReadIndex round trip to the leader and a heartbeat round). Measured with
 * three members on two shared cores, one wrk connection putting through the JSON gateway of a
 * follower: median latency 12.4 ms before, 4.7 ms after (through the leader: 3.4 to 3.8 ms).
 *
 * <p><b>How.</b> {@link Appender} reports a heartbeat as due while the leader's commit index is
 * above both the highest one it has sent this follower and the one the follower last acknowledged,
 * and no entry is waiting to be sent (an append of entries carries the commit index anyway). Ratis
 * then sends an empty append at once; once it is built, the commit index is recorded as sent and the
 * heartbeat schedule is Ratis' own again. So the extra traffic is at most one empty append per
 * commit advance per follower, and none while entries flow.
 *
 * <p>Selected by class name ({@link RatisProperties}): Ratis instantiates an {@link RpcType} named
 * by a class name through its public no-argument constructor. Everything else (server, client, TLS
 * from the {@link Parameters}) is {@link GrpcFactory}'s.
 */
public final class PromptCommitRpc implements RpcType {
  /** For Ratis' reflection. */
  public PromptCommitRpc() {}

  @Override
  public String name() {
    return PromptCommitRpc.class.getName();
  }

  @Override
  public RpcFactory newFactory(Parameters parameters) {
    return new Factory(parameters);
  }

  private static final class Factory extends GrpcFactory {
    Factory(Parameters parameters) {
      super(parameters);
    }

    @Override
    public LogAppender newLogAppender(RaftServer.Division server, LeaderState state, FollowerInfo follower) {
      return new Appender(server, state, follower);
    }
  }

  /** Thread-safety: {@code sentCommit} is written by the appender thread and read by any. */
  static final class Appender extends GrpcLogAppender {
    private volatile long sentCommit = -1;

    Appender(RaftServer.Division server, LeaderState state, FollowerInfo follower) {
      super(server, state, follower);
    }

    @Override
    public long getHeartbeatWaitTimeMs() {
      return commitUntold() ? 0 : super.getHeartbeatWaitTimeMs();
    }

    private boolean commitUntold() {
      RaftLog log = getRaftLog();
      long committed = log.getLastCommittedIndex();
      FollowerInfo f = getFollower();
      return committed > sentCommit
          && committed > f.getCommitIndex()
          && f.getNextIndex() >= log.getNextIndex();
    }

    @Override
    public AppendEntriesRequestProto newAppendEntriesRequest(long callId, boolean heartbeat)
        throws RaftLogIOException {
      AppendEntriesRequestProto request = super.newAppendEntriesRequest(callId, heartbeat);
      if (request != null && request.getLeaderCommit() > sentCommit) {
        sentCommit = request.getLeaderCommit();
      }
      return request;
    }
  }
}
