/**
 * Raft for cairn, on Apache Ratis 3.3: one {@link io.cairn.raft.RaftNode} per process hosting many
 * Raft groups (kv uses one today; sql regions will add many), each applying its committed log to a
 * {@link io.cairn.raft.GroupStateMachine}.
 *
 * <ul>
 *   <li>{@link io.cairn.raft.RaftNode} — the process's Ratis server on the peer port; starts, joins
 *       and stops groups.
 *   <li>{@link io.cairn.raft.RaftGroupHandle} — what a service uses: propose a command (linearizable
 *       write), wait for a read barrier (ReadIndex, for linearizable reads), leadership and progress
 *       facts, membership changes.
 *   <li>{@link io.cairn.raft.GroupStateMachine} — what a service implements: deterministic apply,
 *       durable applied index, snapshots as directories of files.
 *   <li>{@link io.cairn.raft.RaftException} — typed failures: not leader (naming the leader), no
 *       leader, timeout, stopped.
 * </ul>
 *
 * <p>Durability: Ratis' segmented log is fsynced before an entry counts toward a majority, so an
 * acknowledged proposal survives {@code kill -9} of any minority. The state machine stores its
 * applied index with its data, so restart replays only the entries after it.
 */
package io.cairn.raft;
