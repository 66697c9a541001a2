/**
 * etcd's v3 API on cairn: gRPC services {@code etcdserverpb.KV}, {@code Watch}, {@code Lease},
 * {@code Cluster}, {@code Maintenance} and {@code Auth} (server stubs from jetcd-grpc), and the JSON
 * gateway.
 *
 * <p>Every service validates its request at the edge (empty key, too many txn ops, request size),
 * turns writes into a {@link io.cairn.kv.store.KvCommand} proposed through Raft, and serves reads
 * from the local store, after a Raft read barrier unless the request is serializable. {@link
 * io.cairn.kv.api.GrpcErrors} is the one place where {@link io.cairn.kv.store.EtcdException} and
 * {@link io.cairn.raft.RaftException} become gRPC statuses with etcd's codes and messages.
 *
 * <p>Auth ({@link io.cairn.kv.api.AuthService}, {@link io.cairn.kv.api.AuthGuard}): users and roles
 * are replicated as {@link io.cairn.kv.store.AuthCommand}s; every service asks the guard before
 * acting, with etcd 3.4's rules (which call needs which permission, root for admin calls) and
 * errors. Decision: tokens are not etcd's per-member "simple" tokens but HMAC-signed {@code
 * user.expiry.signature} strings ({@code Tokens}) keyed by a secret replicated with {@code auth
 * enable}, so any member accepts any member's token with nothing replicated per login.
 * Known difference: etcd 3.4 re-checks permissions at apply against the auth revision; cairn checks
 * once, at the member that receives the call.
 *
 * <p>Lock and election ({@link io.cairn.kv.api.LockService}, {@link io.cairn.kv.api.ElectionService}):
 * as etcd's {@code v3lock}/{@code v3election} servers, they run etcd's client-side concurrency
 * recipes ({@code Concurrency}) on the server, through an in-process client ({@code LocalClient})
 * that calls the KV and Lease services as the caller, with the caller's token, and watches through
 * the {@link io.cairn.kv.watch.WatchHub} ({@code LocalWatch}). A waiting call holds one virtual
 * thread ({@code Calls.blocking}); its cancellation interrupts that thread, and a waiter that gives
 * up deletes its key. Decision: errors of the in-process calls reach the client with code Unknown
 * and etcd's message, as etcd's servers return the Go client's errors.
 *
 * <p>Calls run on gRPC's executor (virtual threads) or, for Put, DeleteRange and Txn, on the event
 * loop without blocking it ({@code DirectCalls}); lock and election waits block virtual threads only.
 */
package io.cairn.kv.api;
