package io.cairn.monitor.discovery;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code http_sd_configs}, as Prometheus's {@code discovery/http}: GET the URL every {@code
 * refresh_interval} (Prometheus default 1m) with {@code Accept: application/json} and {@code
 * X-Prometheus-Refresh-Interval-Seconds}; the answer must be 200 with {@code Content-Type:
 * application/json} (optionally {@code ; charset=utf-8}) and a body of at most {@link
 * TargetGroupDecoder#MAX_BYTES}. Each group gets source {@code <url>:<index>} and the label {@code
 * __meta_url}. A failed fetch keeps the last groups, is logged and counted ({@link #failures}).
 */
public final class HttpDiscoverer implements Discoverer {
  private static final Logger log = LoggerFactory.getLogger(HttpDiscoverer.class);
  private static final Pattern JSON_TYPE = Pattern.compile("^(?i:application/json(;\\s*charset=(\"utf-8\"|utf-8))?)$");

  private final URI url;
  private final Duration refreshInterval;
  private final Duration timeout;
  private final HttpClient client;
  private final AtomicLong failures = new AtomicLong();
  private final CountDownLatch stop = new CountDownLatch(1);
  private Thread thread;

  /** @param timeout the bound of one fetch */
  public HttpDiscoverer(URI url, Duration refreshInterval, Duration timeout) {
    if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
      throw new IllegalArgumentException("http_sd URL must be http or https, got " + url);
    }
    if (refreshInterval.isNegative() || refreshInterval.isZero()) {
      throw new IllegalArgumentException("refresh_interval must be positive, got " + refreshInterval);
    }
    this.url = url;
    this.refreshInterval = refreshInterval;
    this.timeout = timeout;
    this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
        .followRedirects(HttpClient.Redirect.NORMAL).build();
  }

  /** Failed fetches (Prometheus's {@code prometheus_sd_http_failures_total}). */
  public long failures() {
    return failures.get();
  }

  @Override
  public synchronized void start(Consumer<List<TargetGroup>> publish) {
    if (thread != null) {
      throw new IllegalStateException("http discoverer already started");
    }
    thread = Thread.ofVirtual().name("http-sd " + url).start(() -> run(publish));
  }

  private void run(Consumer<List<TargetGroup>> publish) {
    List<TargetGroup> last = null;
    try {
      do {
        try {
          List<TargetGroup> now = fetch();
          if (!now.equals(last) && stop.getCount() > 0) {
            publish.accept(now);
            last = now;
          }
        } catch (IOException | IllegalArgumentException e) {
          failures.incrementAndGet();
          log.error("http discovery: {} failed: {}; keeping the last targets", url, e.getMessage());
        }
      } while (!stop.await(refreshInterval.toMillis(), TimeUnit.MILLISECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  List<TargetGroup> fetch() throws IOException, InterruptedException {
    HttpRequest req = HttpRequest.newBuilder(url).GET().timeout(timeout)
        .header("Accept", "application/json")
        .header("User-Agent", "Prometheus/2.42.0")
        .header("X-Prometheus-Refresh-Interval-Seconds", seconds(refreshInterval))
        .build();
    HttpResponse<InputStream> resp = client.send(req, HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream body = resp.body()) {
      if (resp.statusCode() != 200) {
        throw new IOException("server returned HTTP status " + resp.statusCode() + " (expected 200)");
      }
      String type = resp.headers().firstValue("Content-Type").orElse("");
      if (!JSON_TYPE.matcher(type.strip()).matches()) {
        throw new IOException("unsupported content type \"" + type + "\" (expected application/json)");
      }
      byte[] bytes = body.readNBytes(TargetGroupDecoder.MAX_BYTES + 1);
      List<TargetGroup> groups = TargetGroupDecoder.decode(bytes, TargetGroupDecoder.Format.JSON, url.toString());
      return groups.stream().map(g -> g.withLabel("__meta_url", url.toString())).toList();
    }
  }

  private static String seconds(Duration d) {
    return java.math.BigDecimal.valueOf(d.toMillis(), 3).stripTrailingZeros().toPlainString();
  }

  @Override
  public void close() {
    stop.countDown();
    Thread t;
    synchronized (this) {
      t = thread;
    }
    if (t != null) {
      t.interrupt();
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    client.shutdownNow();
  }
}
