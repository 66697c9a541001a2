package io.cairn.monitor.ingest.remotewrite;

import java.util.Objects;

/**
 * A decoded request and what was skipped from it: exemplars and native histograms, which cairn's
 * storage does not hold yet, are counted so the HTTP layer can log or count them.
 */
public record DecodedWrite(WriteRequest request, int skippedExemplars, int skippedHistograms) {
  public DecodedWrite {
    Objects.requireNonNull(request, "request");
  }
}
