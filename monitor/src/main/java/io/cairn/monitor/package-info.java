/**
 * cairn monitor: Prometheus-compatible scraping, ingest, storage and PromQL (issues 4 and 5). Not
 * implemented yet; this module is its home.
 *
 * <p>Planned packages, after Prometheus: {@code io.cairn.monitor.scrape}, {@code
 * io.cairn.monitor.discovery}, {@code io.cairn.monitor.ingest} (remote write, line protocol), {@code
 * io.cairn.monitor.rules}, {@code io.cairn.monitor.web}; storage and PromQL may move to their own
 * {@code tsdb} and {@code promql} modules as ARCHITECTURE.md suggests.
 */
package io.cairn.monitor;
