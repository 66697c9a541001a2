/**
 * The kv provider, named {@code etcd} as Traefik's: dynamic configuration from the keys under a
 * root key in cairn kv (or any etcd v3 server), watched incrementally.
 *
 * <h2>Parts</h2>
 *
 * <ul>
 *   <li>{@link io.cairn.gateway.provider.kv.KvTree}: Traefik's key layout ({@code
 *       traefik/http/routers/api/rule}, list indices as segments, names case-insensitive) to the
 *       tree the file provider's decoder reads.
 *   <li>{@link io.cairn.gateway.provider.kv.KvDecoding}: that tree decoded and validated with the
 *       file provider's decoder and {@link io.cairn.gateway.config.Validator}; problems name the
 *       source {@code etcd:<rootKey>} and the kv key.
 *   <li>{@link io.cairn.gateway.provider.kv.EtcdClient}, {@link
 *       io.cairn.gateway.provider.kv.EtcdSecurity}: Range and Watch over the {@code jetcd-grpc}
 *       stubs, with etcd auth (user name and password) and client TLS.
 *   <li>{@link io.cairn.gateway.provider.kv.KvProvider}: Range at revision R, watch from R+1,
 *       puts and deletes applied to an in-memory key map, reconnection.
 *   <li>{@link io.cairn.gateway.provider.kv.Reloads}: throttled, validated reloads of that map;
 *       a refused one leaves the last valid configuration.
 * </ul>
 *
 * <h2>Decisions</h2>
 *
 * <ul>
 *   <li>Static options as Traefik's {@code providers.etcd}: {@code endpoints} (default {@code
 *       127.0.0.1:2379}; tried in turn), {@code rootKey} (default {@code traefik}), {@code
 *       username}/{@code password}, {@code tls} ({@code ca}, {@code cert}, {@code key}, {@code
 *       insecureSkipVerify}). Reloads wait {@code providers.providersThrottleDuration} (default 2 s)
 *       after a change; changes in the meantime join the same reload.
 *   <li>Only keys under {@code rootKey/http}, {@code /tls} (and {@code /tcp}, {@code /udp}, which
 *       the decoder refuses as the file provider does) are read; other keys under the root are
 *       ignored, as in Traefik.
 *   <li>List elements are ordered by index as numbers; a string list keeps each value whole
 *       (Traefik joins with commas and splits again). See {@link io.cairn.gateway.provider.kv.KvTree}.
 *   <li>A change is validated as a whole configuration; a refused one is logged with every problem
 *       and the previous configuration keeps serving. Several keys changed one by one pass through
 *       intermediate states (a router without its service); write them in one transaction or
 *       within the throttle duration, or delete with {@code --prefix}.
 *   <li>At start the gateway waits up to 5 s for the first read (each call may take 3 s,
 *       Traefik's etcd connection timeout; failed attempts are retried meanwhile), so a reachable
 *       kv configures it before it serves; an unreachable kv does not stop
 *       the start: the provider keeps retrying (backoff 200 ms doubling to 10 s, next endpoint each
 *       time) and configures the gateway once it answers. After a reconnection the watch resumes
 *       after the last revision seen; if kv compacted it, every key is read again.
 *   <li>Namespaces: this provider's elements are {@code name@etcd}, the file provider's {@code
 *       name@file}; a router may use a service or middleware of the other provider with the suffix
 *       ({@code service: shared@file}). Weighted, mirroring, failover services and chains stay
 *       within their own provider.
 *   <li>Limits: one Range answer (every key under the root) and one watch message may be up to
 *       64 MiB ({@code EtcdClient.MAX_MESSAGE_BYTES}); each call (Range, Authenticate) may take 3 s.
 *   <li>Not done: certificates and ACME storage in kv, rate-limit buckets shared through kv.
 * </ul>
 */
package io.cairn.gateway.provider.kv;
