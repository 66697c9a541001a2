/**
 * Service lifecycle: every cairn service (kv, monitor, gateway, the admin endpoint) is a {@link
 * io.cairn.common.lifecycle.Service}; {@code cairn up} and the per-service commands run a {@link
 * io.cairn.common.lifecycle.ServiceGroup} of them.
 */
package io.cairn.common.lifecycle;
