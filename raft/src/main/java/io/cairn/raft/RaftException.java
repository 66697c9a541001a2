package io.cairn.raft;

import java.util.Optional;

/** Why a proposal, read barrier or membership change did not complete. */
public abstract sealed class RaftException extends Exception {
  RaftException(String message) {
    super(message, null, false, false);
  }

  /** This member is not the leader; {@link #leader()} names the one it knows, if any. */
  public static final class NotLeader extends RaftException {
    private final RaftMember leader;

    public NotLeader(RaftMember leader) {
      super(leader == null ? "not leader; leader unknown" : "not leader; leader is " + leader.id());
      this.leader = leader;
    }

    public Optional<RaftMember> leader() {
      return Optional.ofNullable(leader);
    }
  }

  /** The group has no leader right now (election in progress or no quorum). */
  public static final class NoLeader extends RaftException {
    public NoLeader(String detail) {
      super("no leader: " + detail);
    }
  }

  /** The operation did not complete in time; it may still be applied later. */
  public static final class Timeout extends RaftException {
    public Timeout(String detail) {
      super("timed out: " + detail);
    }
  }

  /** The node or group is shutting down. */
  public static final class Stopped extends RaftException {
    public Stopped(String detail) {
      super("stopped: " + detail);
    }
  }

  /** A membership change was refused (unknown member, duplicate address, change in progress...). */
  public static final class BadConfiguration extends RaftException {
    public BadConfiguration(String detail) {
      super("configuration change refused: " + detail);
    }
  }
}
