package io.cairn.raft;

import java.util.Objects;

/**
 * One member of a Raft group.
 *
 * @param id stable, unique in the group; used as the Ratis peer ID (letters, digits, '-', '_')
 * @param peerAddress {@code host:port} other members reach this member's Raft server at
 * @param clientAddress opaque text the service attaches (kv stores the client URLs); may be empty
 */
public record RaftMember(String id, String peerAddress, String clientAddress) {
  public RaftMember {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(peerAddress, "peerAddress");
    clientAddress = clientAddress == null ? "" : clientAddress;
    if (!id.matches("[A-Za-z0-9_-]+")) {
      throw new IllegalArgumentException(
          "raft member id must be letters, digits, '-' or '_', got '" + id + "'");
    }
  }
}
