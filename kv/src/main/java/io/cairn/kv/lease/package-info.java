/**
 * Lease expiry and keep-alive, after etcd's {@code lease/lessor.go}.
 *
 * <p>The store holds the replicated lease state (ID, granted TTL, last checkpointed remaining TTL,
 * attached keys). {@link io.cairn.kv.lease.Lessor} is the leader's clock on top of it: it tracks an
 * expiry time per lease, extends it on keep-alive, proposes a revoke when it passes, and proposes
 * checkpoints of the remaining TTL of renewed leases, so that a new leader continues each lease's
 * countdown from its last checkpoint instead of restarting it (etcd resets to the full TTL). A new
 * leader never expires a lease earlier than the old one would have: the time between a checkpoint and
 * the leader change is not subtracted.
 *
 * <table>
 *   <caption>Behaviour and limits</caption>
 *   <tr><th>what</th><th>value</th></tr>
 *   <tr><td>minimum TTL (shorter grants are raised to it)</td><td>ceil(1.5 × election timeout) =
 *       2 s by default, as etcd</td></tr>
 *   <tr><td>maximum TTL</td><td>9,000,000,000 s (etcd's MaxLeaseTTL)</td></tr>
 *   <tr><td>expiry check interval</td><td>500 ms</td></tr>
 *   <tr><td>revokes proposed per second at most</td><td>1,000 (etcd's leaseRevokeRate)</td></tr>
 *   <tr><td>checkpoint of renewed leases</td><td>every second, at most 1,000 leases per command</td></tr>
 * </table>
 */
package io.cairn.kv.lease;
