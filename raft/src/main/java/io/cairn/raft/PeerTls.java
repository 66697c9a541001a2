package io.cairn.raft;

import java.util.Objects;
import javax.net.ssl.KeyManager;
import javax.net.ssl.TrustManager;

/**
 * TLS between Raft peers: every member's Raft server and its connections to the others (Ratis' gRPC
 * transport, and cairn's forwarding to the leader) use it, so a group is either all TLS or all
 * cleartext. A connecting member checks the other's certificate against {@code trustManager},
 * including that it names the address dialled (an IP address needs an IP subject alternative name).
 *
 * @param keyManager this member's certificate and key, shown as server and (with {@code mutual}) as
 *     client
 * @param trustManager the CAs that peers' certificates must chain to
 * @param mutual whether a member requires the connecting member's certificate too (etcd's {@code
 *     --peer-client-cert-auth})
 */
public record PeerTls(KeyManager keyManager, TrustManager trustManager, boolean mutual) {
  public PeerTls {
    Objects.requireNonNull(keyManager, "keyManager");
    Objects.requireNonNull(trustManager, "trustManager");
  }
}
