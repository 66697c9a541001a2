package io.cairn.gateway.middleware;

/**
 * A circuit breaker's rolling metrics, as oxy's {@code RTMetrics}: request, network-error and
 * status-code counts over the last 10 seconds (ten 1-second buckets), latencies over the last 60
 * seconds (six 10-second buckets) in a log-linear histogram of milliseconds (exact below 128 ms,
 * within 1/64 above, values clamped to one hour). A response counts as a network error when the
 * proxy says so or its status is 502 or 504 (oxy counts those). Not thread-safe: the breaker
 * locks around it.
 */
final class CbMetrics implements CbExpression.Metrics {
  private static final long SECOND = 1_000_000_000L;
  private static final int COUNT_BUCKETS = 10;
  private static final int LAT_BUCKETS = 6;
  private static final long LAT_WIDTH = 10 * SECOND;
  private static final int BINS = 128 + 64 * 16;
  private static final long MAX_MS = 3_600_000;

  private final long[] countStart = new long[COUNT_BUCKETS];
  private final long[] total = new long[COUNT_BUCKETS];
  private final long[] netErrors = new long[COUNT_BUCKETS];
  private final long[][] codes = new long[COUNT_BUCKETS][1000];
  private final long[] latStart = new long[LAT_BUCKETS];
  private final long[][] latency = new long[LAT_BUCKETS][BINS];
  private long now;

  CbMetrics() {
    reset();
  }

  void reset() {
    java.util.Arrays.fill(countStart, Long.MIN_VALUE);
    java.util.Arrays.fill(latStart, Long.MIN_VALUE);
  }

  /** Moves the window to {@code nowNanos}; call before reading. */
  void at(long nowNanos) {
    this.now = nowNanos;
  }

  void record(long nowNanos, int status, boolean networkError, long latencyNanos) {
    now = nowNanos;
    int c = countBucket(nowNanos);
    total[c]++;
    if (networkError || status == 502 || status == 504) {
      netErrors[c]++;
    }
    if (status >= 0 && status < 1000) {
      codes[c][status]++;
    }
    int l = latBucket(nowNanos);
    latency[l][bin(Math.min(MAX_MS, Math.max(0, latencyNanos / 1_000_000)))]++;
  }

  private int countBucket(long t) {
    long start = Math.floorDiv(t, SECOND) * SECOND;
    int i = (int) Math.floorMod(Math.floorDiv(t, SECOND), COUNT_BUCKETS);
    if (countStart[i] != start) {
      countStart[i] = start;
      total[i] = 0;
      netErrors[i] = 0;
      java.util.Arrays.fill(codes[i], 0);
    }
    return i;
  }

  private int latBucket(long t) {
    long start = Math.floorDiv(t, LAT_WIDTH) * LAT_WIDTH;
    int i = (int) Math.floorMod(Math.floorDiv(t, LAT_WIDTH), LAT_BUCKETS);
    if (latStart[i] != start) {
      latStart[i] = start;
      java.util.Arrays.fill(latency[i], 0);
    }
    return i;
  }

  private boolean countLive(int i) {
    return countStart[i] != Long.MIN_VALUE && now - countStart[i] < COUNT_BUCKETS * SECOND && countStart[i] <= now;
  }

  private boolean latLive(int i) {
    return latStart[i] != Long.MIN_VALUE && now - latStart[i] < LAT_BUCKETS * LAT_WIDTH && latStart[i] <= now;
  }

  long total() {
    long t = 0;
    for (int i = 0; i < COUNT_BUCKETS; i++) {
      t += countLive(i) ? total[i] : 0;
    }
    return t;
  }

  @Override
  public double networkErrorRatio() {
    long t = 0;
    long e = 0;
    for (int i = 0; i < COUNT_BUCKETS; i++) {
      if (countLive(i)) {
        t += total[i];
        e += netErrors[i];
      }
    }
    return t == 0 ? 0 : (double) e / t;
  }

  @Override
  public double responseCodeRatio(int startA, int endA, int startB, int endB) {
    long a = 0;
    long b = 0;
    for (int i = 0; i < COUNT_BUCKETS; i++) {
      if (!countLive(i)) {
        continue;
      }
      for (int code = 0; code < 1000; code++) {
        long v = codes[i][code];
        if (v == 0) {
          continue;
        }
        if (code >= startA && code < endA) {
          a += v;
        }
        if (code >= startB && code < endB) {
          b += v;
        }
      }
    }
    return b == 0 ? 0 : (double) a / b;
  }

  @Override
  public long latencyAtQuantileMs(double quantile) {
    long[] merged = new long[BINS];
    long count = 0;
    for (int i = 0; i < LAT_BUCKETS; i++) {
      if (latLive(i)) {
        for (int b = 0; b < BINS; b++) {
          merged[b] += latency[i][b];
          count += latency[i][b];
        }
      }
    }
    if (count == 0) {
      return 0;
    }
    double q = Math.min(100, Math.max(0, quantile));
    long want = Math.max(1, (long) Math.ceil(q / 100 * count));
    long seen = 0;
    for (int b = 0; b < BINS; b++) {
      seen += merged[b];
      if (seen >= want) {
        return highest(b);
      }
    }
    return highest(BINS - 1);
  }

  static int bin(long ms) {
    if (ms < 128) {
      return (int) ms;
    }
    int e = 63 - Long.numberOfLeadingZeros(ms) - 6;
    return (int) (128 + (e - 1) * 64 + ((ms >> e) - 64));
  }

  static long highest(int bin) {
    if (bin < 128) {
      return bin;
    }
    int e = (bin - 128) / 64 + 1;
    long sub = (bin - 128) % 64 + 64;
    return ((sub + 1) << e) - 1;
  }
}
