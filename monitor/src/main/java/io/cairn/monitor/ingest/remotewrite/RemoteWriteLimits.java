package io.cairn.monitor.ingest.remotewrite;

/**
 * Bounds on one remote write request; see the package documentation for the defaults.
 *
 * @param maxCompressedBytes largest body as received
 * @param maxUncompressedBytes largest decompressed body, checked against the snappy header before
 *     anything is allocated
 * @param maxSeries most series per request
 * @param maxSamples most samples per request, over all series
 */
public record RemoteWriteLimits(
    int maxCompressedBytes, int maxUncompressedBytes, int maxSeries, int maxSamples) {
  public static final RemoteWriteLimits DEFAULTS =
      new RemoteWriteLimits(32 << 20, 32 << 20, 100_000, 1_000_000);

  public RemoteWriteLimits {
    if (maxCompressedBytes <= 0 || maxUncompressedBytes <= 0 || maxSeries <= 0 || maxSamples <= 0) {
      throw new IllegalArgumentException(
          "limits must be positive: maxCompressedBytes="
              + maxCompressedBytes
              + ", maxUncompressedBytes="
              + maxUncompressedBytes
              + ", maxSeries="
              + maxSeries
              + ", maxSamples="
              + maxSamples);
    }
  }
}
