package io.cairn.promql.engine;

/** One point of a series in a matrix: timestamp (ms) and value. */
public record Point(long t, double v) {}
