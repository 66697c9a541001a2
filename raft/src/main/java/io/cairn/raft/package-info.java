/**
 * Raft for cairn, on Apache Ratis 3.3: one {@link io.cairn.raft.RaftNode} per process hosting many
 * Raft groups (kv uses one today; sql regions will add many), each applying its committed log to a
 * {@link io.cairn.raft.GroupStateMachine}.
 *
 * <ul>
 *   <li>{@link io.cairn.raft.RaftNode} — the process's Ratis server on the peer port; starts, joins
 *       and stops groups; {@link io.cairn.raft.RaftMetrics} counts what etcd's metrics need.
 *   <li>{@link io.cairn.raft.RaftGroupHandle} — what a service uses: propose a command (linearizable
 *       write), wait for a read barrier (ReadIndex, for linearizable reads), leadership and progress
 *       facts, membership changes.
 *   <li>{@link io.cairn.raft.GroupStateMachine} — what a service implements: deterministic apply,
 *       durable applied index, snapshots as directories of files.
 *   <li>{@link io.cairn.raft.RaftException} — typed failures: not leader (naming the leader), no
 *       leader, timeout, stopped, bad configuration.
 * </ul>
 *
 * <h2>Durability (fsync policy)</h2>
 *
 * Ratis' segmented log is fsynced before an entry counts: the leader counts itself toward a
 * majority only up to its flushed index, and a follower acknowledges entries only after flushing
 * them ({@code raft.server.log.unsafe-flush.enabled=false}, {@code async-flush.enabled=false}, set
 * explicitly). Writes are group-committed: one fsync covers every entry queued meanwhile. So an
 * acknowledged proposal survives {@code kill -9} of any minority. The state machine stores its
 * applied index with its data; entries at or below it are skipped on replay, so a restart
 * re-applies nothing (Ratis still reads the log from the latest snapshot: at most {@code
 * snapshotEveryEntries} entries).
 *
 * <h2>Reads</h2>
 *
 * {@code readBarrier} is a Ratis linearizable read-only request ({@code Read.Option.LINEARIZABLE})
 * sent to the local server with an empty query: on a follower Ratis asks the leader for its commit
 * index (ReadIndex), the leader confirms its leadership with a heartbeat round, and the request
 * completes once this member applied that index. The leader lease is off: it relies on bounded
 * clock drift, and without the heartbeat round followers would learn new commit indexes only at
 * the next periodic heartbeat, which would make follower reads and forwarded writes slow.
 *
 * <h2>Writes</h2>
 *
 * {@code propose} submits the command straight to the local Ratis server when this member leads,
 * otherwise it forwards it over gRPC to the leader (following NotLeader hints, retrying with the
 * same call ID so a leader's retry cache applies it once). It completes once this member applied
 * the entry. A retry after an ambiguous failure (connection lost, leader change) may still apply a
 * command twice if the old leader had appended it; commands should tolerate that (as etcd's do).
 *
 * <h2>Snapshots and log compaction</h2>
 *
 * Every {@code snapshotEveryEntries} applied entries Ratis asks for a snapshot; it is written to
 * {@code <group>/sm/snapshot.<term>_<index>/state} with MD5 files, the newest two are kept, and the
 * log is purged up to the snapshot (keeping up to 5000 entries for slow followers), even when a
 * follower is down: it then catches up by InstallSnapshot, and {@code install} is called.
 *
 * <h2>Membership</h2>
 *
 * Changes are compare-and-set Raft configuration changes (joint consensus) sent to the leader. A
 * new member runs {@code joinGroup} (no log, a configuration without itself, so it never starts an
 * election) before the leader's {@code addMember}, which catches it up by log or snapshot first.
 * {@code RaftMember.clientAddress} is stored in the Ratis peer's client address field; cairn never
 * lets a Ratis client dial it.
 *
 * <h2>Threads</h2>
 *
 * Per group Ratis runs an apply thread (all {@code GroupStateMachine} calls but {@code
 * leaderChanged}), an election timer, a log worker and one appender per follower while leading.
 * The node adds a timer thread, one event thread ({@code leaderChanged}, in order) and virtual
 * threads on which every returned future completes, never on a Ratis thread.
 */
package io.cairn.raft;
