/**
 * The process's metrics: one Prometheus client_java registry per process (not the library's global
 * default, so several servers can live in one test JVM), JVM and process metrics, and {@code
 * cairn_build_info}. Services register their own collectors on {@link
 * io.cairn.common.metrics.Metrics#registry()} under the anchor's names ({@code etcd_*}, {@code
 * prometheus_*}, {@code traefik_*}).
 */
package io.cairn.common.metrics;
