/**
 * The kv service as a whole: {@link io.cairn.kv.server.KvServer} wires the Raft group, the store,
 * the lessor, the watch hub and the gRPC services on the client port; {@link
 * io.cairn.kv.server.KvKeys} are its settings in etcd's spelling, with etcd's defaults.
 *
 * <p>TLS: each {@code https://} client URL serves gRPC and the JSON gateway behind one TLS handler
 * ({@link io.cairn.kv.server.ClientTls}, {@link io.cairn.kv.gateway.PortSharing}). Decisions: the
 * server's ALPN preference is {@code http/1.1} then {@code h2}, so gRPC clients (which offer only
 * {@code h2}) get HTTP/2 and curl gets the gateway over HTTP/1.1 (etcd answers curl over h2; the JSON
 * is the same). {@code https://} peer URLs put the member's Raft transport on TLS ({@link
 * io.cairn.kv.server.PeerTlsFiles}, {@link io.cairn.raft.PeerTls}); Ratis has one transport per
 * node, so a member's peer URLs, and those of {@code --initial-cluster}, are all https or all http.
 * Beyond certificates and CAs ({@link io.cairn.kv.server.TlsPolicy}): revocation lists ({@link
 * io.cairn.kv.server.RevocationList}) and allowed names ({@link io.cairn.kv.server.AllowedName}) run
 * as {@link io.cairn.kv.server.ChainCheck}s in the trust manager ({@link
 * io.cairn.kv.server.CheckedTrust}), so a refused certificate fails the handshake (etcd completes it
 * and closes); between members they run whichever side dials, because Ratis' leader dials its
 * followers; {@code --cipher-suites} ({@link io.cairn.kv.server.CipherSuites}) restricts TLS 1.2 as
 * Go does.
 */
package io.cairn.kv.server;
