package io.cairn.raft;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.ratis.client.RaftClientRpc;
import org.apache.ratis.conf.Parameters;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.grpc.GrpcFactory;
import org.apache.ratis.protocol.ClientId;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's Ratis client RPC (gRPC) used to forward requests to a remote leader, shared by all
 * groups. It is used directly rather than through a RaftClient, so that cairn decides where each
 * request goes and Ratis never dials a peer's client address (which holds cairn's opaque member
 * client address, see {@link Peers}). Peers are registered with their Raft address only.
 *
 * <p>Thread-safe: {@link #rpcFor} is synchronized; the returned RPC is thread-safe. When a known
 * peer's address changes, the RPC is replaced (in-flight requests on the old one fail and are
 * retried by the caller).
 */
final class PeerRpc implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PeerRpc.class);

  private final ClientId clientId;
  private final RaftProperties properties;
  private final Parameters parameters;
  private final Map<RaftPeerId, String> known = new HashMap<>();
  private RaftClientRpc rpc;
  private boolean closed;

  /** @param parameters the node's Ratis parameters (its peer TLS, if any) */
  PeerRpc(ClientId clientId, RaftProperties properties, Parameters parameters) {
    this.clientId = clientId;
    this.properties = properties;
    this.parameters = parameters;
  }

  /** The RPC, knowing at least {@code peers} at their current addresses. */
  synchronized RaftClientRpc rpcFor(Collection<RaftPeer> peers) throws IOException {
    if (closed) {
      throw new IOException("node closed");
    }
    boolean moved =
        peers.stream()
            .anyMatch(p -> known.containsKey(p.getId()) && !known.get(p.getId()).equals(p.getAddress()));
    if (rpc == null || moved) {
      closeQuietly(rpc);
      rpc = new GrpcFactory(parameters).newRaftClientRpc(clientId, properties);
      known.clear();
    }
    var added = peers.stream().filter(p -> !known.containsKey(p.getId())).map(Peers::forRpc).toList();
    if (!added.isEmpty()) {
      rpc.addRaftPeers(added);
      added.forEach(p -> known.put(p.getId(), p.getAddress()));
    }
    return rpc;
  }

  /** A request to {@code peer} failed with {@code t}: let Ratis reset the connection if needed. */
  synchronized void failed(RaftPeerId peer, Throwable t) {
    if (rpc != null && !closed) {
      rpc.handleException(peer, t, false);
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    closeQuietly(rpc);
    rpc = null;
  }

  private static void closeQuietly(RaftClientRpc r) {
    if (r == null) {
      return;
    }
    try {
      r.close();
    } catch (IOException | RuntimeException e) {
      LOG.debug("closing the forwarding RPC failed", e);
    }
  }
}
