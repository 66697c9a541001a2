/**
 * What every cairn service stands on.
 *
 * <ul>
 *   <li>{@link io.cairn.common.config} — typed configuration keys with documented defaults, loaded from a
 *       YAML file and overridden by flags; errors name the field and what was expected.
 *   <li>{@link io.cairn.common.lifecycle} — the {@code Service} contract (start, ready, stop) and the
 *       {@code ServiceGroup} that {@code cairn up} composes.
 *   <li>{@link io.cairn.common.metrics} — the process's Prometheus registry (client_java), JVM metrics and
 *       {@code cairn_build_info}.
 *   <li>{@link io.cairn.common.admin} — the admin HTTP endpoint: {@code /metrics}, {@code /healthz},
 *       {@code /readyz}.
 *   <li>{@link io.cairn.common.logging} — slf4j + logback, readable text or JSON lines.
 * </ul>
 *
 * <p>Dependencies point one way: {@code admin} uses {@code metrics} and {@code lifecycle}; nothing here
 * depends on a service module.
 */
package io.cairn.common;
