/**
 * Backfilling historical data into blocks: {@link io.cairn.monitor.backfill.OpenMetricsImport}, the
 * engine of {@code cairn monitor import openmetrics FILE [DIR]} (Prometheus's {@code promtool tsdb
 * create-blocks-from openmetrics}). Blocks written into a running monitor's directory are picked up
 * at its next start.
 */
package io.cairn.monitor.backfill;
