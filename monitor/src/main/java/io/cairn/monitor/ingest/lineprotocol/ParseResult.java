package io.cairn.monitor.ingest.lineprotocol;

import java.util.List;

/**
 * What one request body decoded to.
 *
 * @param samples the samples of every accepted line, in body order
 * @param points how many lines were accepted (a line whose fields are all strings is accepted and
 *     yields no sample)
 * @param errors the first {@link LineProtocolLimits#maxReportedErrors()} rejected lines, in body
 *     order
 * @param failedLines how many lines were rejected in all (may exceed {@code errors.size()})
 * @param stringFieldsDropped how many string fields were skipped (they have no numeric value)
 */
public record ParseResult(
    List<SeriesSample> samples,
    int points,
    List<LineError> errors,
    int failedLines,
    int stringFieldsDropped) {
  public ParseResult {
    samples = List.copyOf(samples);
    errors = List.copyOf(errors);
  }

  /** True if at least one line was rejected. */
  public boolean hasErrors() {
    return failedLines > 0;
  }
}
