package io.cairn.raft;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The deterministic state a Raft group replicates, implemented by a service (kv's store).
 *
 * <p>Threads: {@link #apply}, {@link #applyNoop}, {@link #snapshot} and {@link #install} are called
 * by one thread at a time, in log order. {@link #leaderChanged} may be called from any thread.
 */
public interface GroupStateMachine {
  /**
   * The highest log index whose effects are durably in the state; entries up to it are not replayed
   * after a restart. 0 for a fresh state.
   */
  long appliedIndex();

  /**
   * Applies a committed entry and returns the reply for the proposer (may be empty, never null). Must
   * be deterministic: every member returns the same bytes for the same entry. An entry at or below
   * {@link #appliedIndex()} must change nothing.
   */
  byte[] apply(long index, long term, byte[] command);

  /** A committed entry that carries no command (leader no-op, configuration change). */
  void applyNoop(long index, long term);

  /**
   * Writes a consistent snapshot of the state into {@code dir} (which does not exist yet) and
   * returns the applied index it reflects. Files only, no sub-directories are required, but allowed.
   */
  long snapshot(Path dir) throws IOException;

  /**
   * Replaces the whole state with a snapshot another member wrote with {@link #snapshot}; the files
   * were copied into {@code dir}. Afterwards {@link #appliedIndex()} is the snapshot's index.
   */
  void install(Path dir) throws IOException;

  /** Leadership changed: the new leader if known, and the term. */
  default void leaderChanged(Optional<RaftMember> leader, long term) {}
}
