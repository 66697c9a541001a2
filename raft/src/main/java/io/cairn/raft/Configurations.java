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
 */
final class Configurations {
  private Configurations() {}

  static List<RaftPeer> add(List<RaftPeer> current, RaftMember member) {
    if (find(current, member.id()) != null) {
      throw new IllegalArgumentException(member.id() + " is already a member");
    }
    requireFreeAddress(current, member);
    List<RaftPeer> next = new ArrayList<>(current);
    next.add(Peers.toPeer(member, priority(current)));
    return List.copyOf(next);
  }

  static List<RaftPeer> remove(List<RaftPeer> current, String memberId) {
    if (find(current, memberId) == null) {
      throw new IllegalArgumentException(memberId + " is not a member");
    }
    if (current.size() == 1) {
      throw new IllegalArgumentException("cannot remove the last member");
    }
    return current.stream().filter(p -> !p.getId().toString().equals(memberId)).toList();
  }

  static List<RaftPeer> update(List<RaftPeer> current, RaftMember member) {
    if (find(current, member.id()) == null) {
      throw new IllegalArgumentException(member.id() + " is not a member");
    }
    requireFreeAddress(current, member);
    int flipped = priority(current) == 0 ? 1 : 0;
    return current.stream()
        .map(p -> p.getId().toString().equals(member.id()) ? member : Peers.toMember(p))
        .map(m -> Peers.toPeer(m, flipped))
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
