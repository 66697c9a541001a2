package io.cairn.raft;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.ratis.RaftConfigKeys;
import org.apache.ratis.client.RaftClientConfigKeys;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.grpc.GrpcConfigKeys;
import org.apache.ratis.rpc.SupportedRpcType;
import org.apache.ratis.server.RaftServerConfigKeys;
import org.apache.ratis.util.TimeDuration;

/**
 * The Ratis settings of a {@link RaftNode}; see package-info for the reasoning behind them.
 *
 * <p>The storage directory is set to an empty boot directory: Ratis adds every group directory
 * it finds under its storage directory when the server is built, before cairn has the state
 * machine for it. {@link RaftNode} switches it to the data directory right after the build, so
 * groups only ever start through {@code startGroup}/{@code joinGroup}.
 */
final class RatisProperties {
  private RatisProperties() {}

  static RaftProperties server(RaftNodeConfig c, Path bootDir) {
    RaftProperties p = new RaftProperties();
    RaftConfigKeys.Rpc.setType(p, SupportedRpcType.GRPC);
    GrpcConfigKeys.Server.setHost(p, Peers.host(c.self().peerAddress()));
    GrpcConfigKeys.Server.setPort(p, Peers.port(c.self().peerAddress()));
    RaftServerConfigKeys.setStorageDir(p, List.of(bootDir.toFile()));
    RaftServerConfigKeys.setRemovedGroupsDir(p, c.dataDir().resolve("removed-groups").toFile());

    TimeDuration min = ms(c.electionTimeoutMin());
    TimeDuration max = ms(c.electionTimeoutMin().multipliedBy(2));
    RaftServerConfigKeys.Rpc.setTimeoutMin(p, min);
    RaftServerConfigKeys.Rpc.setTimeoutMax(p, max);
    RaftServerConfigKeys.Rpc.setFirstElectionTimeoutMin(p, min);
    RaftServerConfigKeys.Rpc.setFirstElectionTimeoutMax(p, max);
    // Pre-vote keeps a member that was partitioned away from disrupting the group when it returns.
    // (Ratis also has etcd's CheckQuorum built in: a leader that has not heard from a majority for
    // the maximum election timeout steps down.)
    RaftServerConfigKeys.LeaderElection.setPreVote(p, true);

    // Durability: keep Ratis' safe defaults (entries are fsynced before they count toward a
    // majority or are acknowledged by a follower); spelled out so nobody flips them silently.
    RaftServerConfigKeys.Log.setUnsafeFlushEnabled(p, false);
    RaftServerConfigKeys.Log.setAsyncFlushEnabled(p, false);
    // Commit-index metadata entries would add an entry (and an applyNoop) per commit.
    RaftServerConfigKeys.Log.setLogMetadataEnabled(p, false);
    // Like etcd: compact the log at every snapshot even if a follower is down (it then catches up
    // by snapshot), keeping some entries so slightly slow followers catch up from the log.
    RaftServerConfigKeys.Log.setPurgeUptoSnapshotIndex(p, true);
    RaftServerConfigKeys.Log.setPurgeGap(p, 1);
    RaftServerConfigKeys.Log.setPurgePreservationLogNum(
        p, Math.min(5_000, c.snapshotEveryEntries()));

    RaftServerConfigKeys.Snapshot.setAutoTriggerEnabled(p, true);
    RaftServerConfigKeys.Snapshot.setAutoTriggerThreshold(p, c.snapshotEveryEntries());
    RaftServerConfigKeys.Snapshot.setRetentionFileNum(p, 2);
    // The state machine is durable on its own; a snapshot at shutdown would only slow it down.
    RaftServerConfigKeys.Snapshot.setTriggerWhenStopEnabled(p, false);
    RaftServerConfigKeys.Log.Appender.setInstallSnapshotEnabled(p, true);

    RaftServerConfigKeys.Read.setOption(p, RaftServerConfigKeys.Read.Option.LINEARIZABLE);
    // No leader lease: it would answer ReadIndex without a heartbeat round, and that round is what
    // tells followers the new commit index promptly (see GroupHandle); it also assumes bounded
    // clock drift. etcd does the same by default (ReadOnlySafe).
    RaftServerConfigKeys.Read.setLeaderLeaseEnabled(p, false);
    RaftServerConfigKeys.Read.setLeaderHeartbeatCheckEnabled(p, true);
    RaftServerConfigKeys.Read.setTimeout(p, ms(c.requestTimeout()));
    return p;
  }

  /** Properties of the client RPC that forwards requests to a remote leader. */
  static RaftProperties client(RaftNodeConfig c) {
    RaftProperties p = new RaftProperties();
    RaftConfigKeys.Rpc.setType(p, SupportedRpcType.GRPC);
    RaftClientConfigKeys.Rpc.setRequestTimeout(p, ms(c.requestTimeout()));
    return p;
  }

  static TimeDuration ms(Duration d) {
    return TimeDuration.valueOf(Math.max(1, d.toMillis()), TimeUnit.MILLISECONDS);
  }
}
