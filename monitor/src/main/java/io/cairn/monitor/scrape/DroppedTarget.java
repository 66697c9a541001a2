package io.cairn.monitor.scrape;

import io.cairn.tsdb.model.Labels;

/** A discovered target that relabelling dropped: only its discovered labels, as the targets API shows. */
public record DroppedTarget(Labels discoveredLabels) {}
