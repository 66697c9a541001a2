package io.cairn.monitor.scrape;

/**
 * The per-target limits of Prometheus's {@code scrape_config}; 0 means "no limit", as in Prometheus
 * (for the body, cairn's ceiling {@link #BODY_CEILING_BYTES} still applies).
 *
 * @param sampleLimit {@code sample_limit}: more samples after metric relabelling fail the whole
 *     scrape ({@code up} 0)
 * @param labelLimit {@code label_limit}: most labels of one series, {@code __name__} included
 * @param labelNameLengthLimit {@code label_name_length_limit}, in bytes
 * @param labelValueLengthLimit {@code label_value_length_limit}, in code points
 * @param bodySizeLimitBytes {@code body_size_limit}: most bytes of the (decompressed) body
 */
public record ScrapeLimits(
    int sampleLimit, int labelLimit, int labelNameLengthLimit, int labelValueLengthLimit, long bodySizeLimitBytes) {
  /** The body size cairn reads at most when {@code body_size_limit} is 0 (Prometheus: unbounded). */
  public static final long BODY_CEILING_BYTES = 256L << 20;

  /** No limits (Prometheus's defaults). */
  public static final ScrapeLimits NONE = new ScrapeLimits(0, 0, 0, 0, 0);

  public ScrapeLimits {
    if (sampleLimit < 0 || labelLimit < 0 || labelNameLengthLimit < 0 || labelValueLengthLimit < 0 || bodySizeLimitBytes < 0) {
      throw new IllegalArgumentException("scrape limits must be 0 (no limit) or positive, got " + this);
    }
  }

  /** The most body bytes read: {@code body_size_limit}, or the ceiling when it is 0 or larger. */
  long effectiveBodyLimit() {
    return bodySizeLimitBytes == 0 ? BODY_CEILING_BYTES : Math.min(bodySizeLimitBytes, BODY_CEILING_BYTES);
  }

  public ScrapeLimits withSampleLimit(int limit) {
    return new ScrapeLimits(limit, labelLimit, labelNameLengthLimit, labelValueLengthLimit, bodySizeLimitBytes);
  }

  public ScrapeLimits withLabelLimits(int labels, int nameLength, int valueLength) {
    return new ScrapeLimits(sampleLimit, labels, nameLength, valueLength, bodySizeLimitBytes);
  }

  public ScrapeLimits withBodySizeLimit(long bytes) {
    return new ScrapeLimits(sampleLimit, labelLimit, labelNameLengthLimit, labelValueLengthLimit, bytes);
  }
}
