/**
 * etcd's v3 API on cairn: gRPC services {@code etcdserverpb.KV}, {@code Watch}, {@code Lease},
 * {@code Cluster} and {@code Maintenance} (server stubs from jetcd-grpc), and the JSON gateway.
 *
 * <p>Every service validates its request at the edge (empty key, too many txn ops, request size),
 * turns writes into a {@link io.cairn.kv.store.KvCommand} proposed through Raft, and serves reads
 * from the local store, after a Raft read barrier unless the request is serializable. {@link
 * io.cairn.kv.api.GrpcErrors} is the one place where {@link io.cairn.kv.store.EtcdException} and
 * {@link io.cairn.raft.RaftException} become gRPC statuses with etcd's codes and messages.
 *
 * <p>Calls run on gRPC's executor (virtual threads); nothing here blocks a Netty event loop.
 */
package io.cairn.kv.api;
