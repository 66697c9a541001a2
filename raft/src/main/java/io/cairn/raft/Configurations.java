package io.cairn.raft;

import java.util.ArrayList;
import java.util.List;
import org.apache.ratis.protocol.RaftPeer;

/**
 * The next Raft configuration for a membership change, computed from the current one. Throws
 * {@link IllegalArgumentException} for a change that makes no sense (reported as {@link
 * RaftException.BadConfiguration}).
 *
 * <p>All members carry the same Ratis priority so that Ratis never prefers one as leader. Ratis 3.3
 * treats a configuration with the same IDs and priorities as unchanged, so a change of addresses
 * flips that uniform priority between 0 and 1 to make Ratis commit it.
 *
 * <p>Learners are Ratis listeners: they receive the log and never vote or lead. A member ID is in
 * one of the two lists at most.
 */
final class Configurations {
  private Configurations() {}

  /** A configuration: the voting members and the learners (Ratis listeners). */
  record Conf(List<RaftPeer> servers, List<RaftPeer> listeners) {
    Conf {
      servers = List.copyOf(servers);
      listeners = List.copyOf(listeners);
    }
  }

  static Conf add(Conf current, RaftMember member) {
    return new Conf(add(current.servers(), current.listeners(), member), current.listeners());
  }

  /** Adds {@code member} as a learner: it receives the log and does not vote. */
  static Conf addLearner(Conf current, RaftMember member) {
    return new Conf(current.servers(), add(current.listeners(), current.servers(), member));
  }

  /** Removes a voting member or a learner. */
  static Conf remove(Conf current, String memberId) {
    if (find(current.listeners(), memberId) != null) {
      return new Conf(current.servers(), without(current.listeners(), memberId));
    }
    return new Conf(remove(current.servers(), memberId), current.listeners());
  }

  /** Changes the addresses of a voting member or a learner; every priority flips (see above). */
  static Conf update(Conf current, RaftMember member) {
    if (find(current.servers(), member.id()) == null && find(current.listeners(), member.id()) == null) {
      throw new IllegalArgumentException(member.id() + " is not a member");
    }
    requireFreeAddress(current.servers(), member);
    requireFreeAddress(current.listeners(), member);
    int flipped = priority(current.servers()) == 0 ? 1 : 0;
    return new Conf(replace(current.servers(), member, flipped), replace(current.listeners(), member, flipped));
  }

  private static List<RaftPeer> without(List<RaftPeer> peers, String memberId) {
    return peers.stream().filter(p -> !p.getId().toString().equals(memberId)).toList();
  }

  /** {@code current} plus {@code member}, which must be neither in it nor in {@code others}. */
  private static List<RaftPeer> add(List<RaftPeer> current, List<RaftPeer> others, RaftMember member) {
    if (find(current, member.id()) != null || find(others, member.id()) != null) {
      throw new IllegalArgumentException(member.id() + " is already a member");
    }
    requireFreeAddress(current, member);
    requireFreeAddress(others, member);
    List<RaftPeer> next = new ArrayList<>(current);
    next.add(Peers.toPeer(member, priority(current)));
    return List.copyOf(next);
  }

  private static List<RaftPeer> remove(List<RaftPeer> current, String memberId) {
    if (find(current, memberId) == null) {
      throw new IllegalArgumentException(memberId + " is not a member");
    }
    if (current.size() == 1) {
      throw new IllegalArgumentException("cannot remove the last member");
    }
    return current.stream().filter(p -> !p.getId().toString().equals(memberId)).toList();
  }

  private static List<RaftPeer> replace(List<RaftPeer> current, RaftMember member, int priority) {
    return current.stream()
        .map(p -> p.getId().toString().equals(member.id()) ? member : Peers.toMember(p))
        .map(m -> Peers.toPeer(m, priority))
        .toList();
  }

  private static void requireFreeAddress(List<RaftPeer> current, RaftMember member) {
    for (RaftPeer p : current) {
      if (!p.getId().toString().equals(member.id()) && p.getAddress().equals(member.peerAddress())) {
        throw new IllegalArgumentException(p.getId() + " already uses " + member.peerAddress());
      }
    }
  }

  private static RaftPeer find(List<RaftPeer> current, String id) {
    return current.stream().filter(p -> p.getId().toString().equals(id)).findFirst().orElse(null);
  }

  private static int priority(List<RaftPeer> current) {
    return current.isEmpty() ? 0 : current.getFirst().getPriority();
  }
}
