/**
 * The kv service as a whole: {@link io.cairn.kv.server.KvServer} wires the Raft group, the store,
 * the lessor, the watch hub and the gRPC services on the client port; {@link
 * io.cairn.kv.server.KvKeys} are its settings in etcd's spelling, with etcd's defaults.
 */
package io.cairn.kv.server;
