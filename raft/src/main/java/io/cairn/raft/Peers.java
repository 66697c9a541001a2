package io.cairn.raft;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;

/**
 * Conversions between cairn's {@link RaftMember} and Ratis' {@link RaftPeer}.
 *
 * <p>{@code RaftMember.clientAddress} is stored as the Ratis peer's client address, so it is
 * replicated and persisted with the Raft configuration. Ratis' own client would connect to that
 * address, so everything that talks to a peer through a Ratis client must use {@link #forRpc}.
 */
final class Peers {
  private Peers() {}

  static RaftGroupId groupId(String groupName) {
    return RaftGroupId.valueOf(
        UUID.nameUUIDFromBytes(("cairn-raft-group:" + groupName).getBytes(UTF_8)));
  }

  static RaftPeer toPeer(RaftMember m) {
    return toPeer(m, 0);
  }

  /** See {@link Configurations} for why the priority matters. */
  static RaftPeer toPeer(RaftMember m, int priority) {
    RaftPeer.Builder b =
        RaftPeer.newBuilder().setId(m.id()).setAddress(m.peerAddress()).setPriority(priority);
    if (!m.clientAddress().isEmpty()) {
      b.setClientAddress(m.clientAddress());
    }
    return b.build();
  }

  static List<RaftPeer> toPeers(Collection<RaftMember> members) {
    return members.stream().map(Peers::toPeer).toList();
  }

  static RaftMember toMember(RaftPeer p) {
    String client = p.getClientAddress() == null ? "" : p.getClientAddress();
    return new RaftMember(p.getId().toString(), p.getAddress(), client);
  }

  static List<RaftMember> toMembers(Collection<RaftPeer> peers) {
    return peers.stream().map(Peers::toMember).toList();
  }

  /** The peer with only its Raft address: what a Ratis client may dial for every protocol. */
  static RaftPeer forRpc(RaftPeer p) {
    return RaftPeer.newBuilder().setId(p.getId()).setAddress(p.getAddress()).build();
  }

  static RaftPeerId peerId(String memberId) {
    return RaftPeerId.valueOf(memberId);
  }

  static Optional<RaftMember> find(Collection<RaftPeer> peers, RaftPeerId id) {
    if (id == null) {
      return Optional.empty();
    }
    return peers.stream().filter(p -> p.getId().equals(id)).findFirst().map(Peers::toMember);
  }

  /** host and port of a {@code host:port} address; IPv6 literals may be bracketed. */
  static String host(String address) {
    int colon = address.lastIndexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("peer address must be host:port, got '" + address + "'");
    }
    String host = address.substring(0, colon);
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }

  static int port(String address) {
    int colon = address.lastIndexOf(':');
    try {
      return Integer.parseInt(address.substring(colon + 1));
    } catch (NumberFormatException | IndexOutOfBoundsException e) {
      throw new IllegalArgumentException("peer address must be host:port, got '" + address + "'", e);
    }
  }
}
