package io.cairn.monitor.ingest.lineprotocol;

/**
 * Bounds on one write request; see the package documentation for the defaults and their reasons.
 *
 * @param maxBodyBytes largest body (after any gzip) decoded; larger is {@link
 *     LineProtocolException} (HTTP 413)
 * @param maxLineBytes longest line; a longer line is rejected as a line error
 * @param maxSamples most samples one body may yield; more is {@link LineProtocolException} (HTTP
 *     413)
 * @param maxReportedErrors most line errors kept with their text; later ones are only counted
 */
public record LineProtocolLimits(
    int maxBodyBytes, int maxLineBytes, int maxSamples, int maxReportedErrors) {
  /** InfluxDB 1.x's {@code max-body-size} (25,000,000 bytes) and VictoriaMetrics' line limit. */
  public static final LineProtocolLimits DEFAULTS =
      new LineProtocolLimits(25_000_000, 256 * 1024, 1_000_000, 100);

  public LineProtocolLimits {
    if (maxBodyBytes <= 0 || maxLineBytes <= 0 || maxSamples <= 0 || maxReportedErrors < 0) {
      throw new IllegalArgumentException(
          "limits must be positive (maxReportedErrors may be 0): maxBodyBytes="
              + maxBodyBytes
              + ", maxLineBytes="
              + maxLineBytes
              + ", maxSamples="
              + maxSamples
              + ", maxReportedErrors="
              + maxReportedErrors);
    }
  }
}
