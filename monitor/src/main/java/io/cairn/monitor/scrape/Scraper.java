package io.cairn.monitor.scrape;

import io.cairn.monitor.textparse.ContentTypes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.zip.GZIPInputStream;

/**
 * One target's HTTP fetch, as Prometheus's {@code targetScraper}: GET with its headers, status
 * 200 required, gzip decoded, the decoded body bounded by {@code body_size_limit}, the whole
 * exchange bounded by the scrape timeout. {@code http://} targets are fetched by {@link Http1Fetch}
 * over a kept-alive connection (redirects to follow are then fetched again by the JDK client, which
 * also fetches every {@code https://} target). Used by one loop thread at a time; {@link #cancel} may
 * be called from any thread.
 */
final class Scraper {
  /** The {@code User-Agent} of every scrape: Prometheus's, so exporters treat cairn alike. */
  static final String USER_AGENT = "Prometheus/2.42.0";

  /** A fetched body and its {@code Content-Type} (null if absent). */
  record Body(byte[] bytes, String contentType) {}

  /** A failed fetch; {@code bodyTooLarge} when {@code body_size_limit} was hit. */
  static final class ScrapeFailure extends Exception {
    final boolean bodyTooLarge;

    ScrapeFailure(String message, boolean bodyTooLarge) {
      super(message, null, false, false);
      this.bodyTooLarge = bodyTooLarge;
    }
  }

  private final HttpClient client;
  private final ScrapeTarget target;
  private final HttpRequest request;
  /** The fetch of {@code http://} targets; null for others, which the JDK client fetches. */
  private final Http1Fetch plain;
  private volatile CompletableFuture<?> inFlight;
  private volatile boolean cancelled;

  Scraper(HttpClient client, ScrapeTarget target) {
    this.client = client;
    this.target = target;
    List<String> headers = new ArrayList<>();
    HttpRequest.Builder b = HttpRequest.newBuilder(target.url())
        .GET()
        .timeout(target.timeout());
    BiConsumer<String, String> header = (name, value) -> {
      b.header(name, value);
      headers.add(name + ": " + value);
    };
    header.accept("Accept", ContentTypes.SCRAPE_ACCEPT_HEADER);
    header.accept("Accept-Encoding", "gzip");
    header.accept("User-Agent", USER_AGENT);
    header.accept("X-Prometheus-Scrape-Timeout-Seconds", GoDurations.seconds(target.timeout().toMillis()));
    target.settings().http().authorization().ifPresent(a -> header.accept("Authorization", a));
    this.request = b.build();
    this.plain = "http".equalsIgnoreCase(target.url().getScheme()) ? new Http1Fetch(target.url(), headers) : null;
  }

  /** Fetches the target once, within its timeout. */
  Body scrape() throws ScrapeFailure, InterruptedException {
    if (cancelled) {
      throw failure("context canceled"); // the loop is stopping: no new exchange
    }
    long limit = target.settings().limits().effectiveBodyLimit();
    // a gzip body may be slightly larger than what it decodes to; the decoded size is checked below
    long rawCap = limit + limit / 512 + 1024;
    if (plain != null) {
      Http1Fetch.Response r = fetchPlain(rawCap);
      if (r != null) {
        return accept(r.status(), r.body(), r.contentEncoding(), r.contentType(), limit);
      }
      // a redirect to follow: the JDK client follows it as Go's client would
    }
    CompletableFuture<HttpResponse<byte[]>> f = client.sendAsync(request, info -> new BoundedBody(rawCap));
    inFlight = f;
    HttpResponse<byte[]> resp;
    try {
      resp = f.get(target.timeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      throw failure("context deadline exceeded");
    } catch (CancellationException e) {
      throw failure("context canceled");
    } catch (ExecutionException e) {
      throw translate(e.getCause());
    } finally {
      inFlight = null;
    }
    return accept(resp.statusCode(), resp.body(), resp.headers().firstValue("Content-Encoding").orElse(null),
        resp.headers().firstValue("Content-Type").orElse(null), limit);
  }

  /** The plain fetch's answer, or null when it is a redirect to follow. */
  private Http1Fetch.Response fetchPlain(long rawCap) throws ScrapeFailure {
    Http1Fetch.Response r;
    try {
      r = plain.get(System.nanoTime() + target.timeout().toNanos(), rawCap);
    } catch (IOException e) {
      if (cancelled) {
        throw failure("context canceled");
      }
      throw translate(e);
    }
    boolean redirect = switch (r.status()) {
      case 301, 302, 303, 307, 308 -> true;
      default -> false;
    };
    return redirect && target.settings().http().followRedirects() ? null : r;
  }

  private Body accept(int status, byte[] body, String contentEncoding, String contentType, long limit) throws ScrapeFailure {
    if (status != 200) {
      throw new ScrapeFailure("server returned HTTP status " + status + " (expected 200)", false);
    }
    if (contentEncoding != null && contentEncoding.strip().equalsIgnoreCase("gzip")) {
      body = gunzip(body, limit);
    }
    if (target.settings().limits().bodySizeLimitBytes() > 0 ? body.length >= limit : body.length > limit) {
      throw tooLarge(limit);
    }
    return new Body(body, contentType);
  }

  /** Aborts a fetch in progress, if any, and every later one: for a loop that is stopping. */
  void cancel() {
    cancelled = true;
    if (plain != null) {
      plain.abort();
    }
    CompletableFuture<?> f = inFlight;
    if (f != null) {
      f.cancel(true);
    }
  }

  /** Closes the kept-alive connection, if any; for a loop that ends. */
  void close() {
    if (plain != null) {
      plain.close();
    }
  }

  private ScrapeFailure translate(Throwable t) {
    if (t instanceof BoundedBody.TooLarge) {
      return tooLarge(target.settings().limits().effectiveBodyLimit());
    }
    if (t instanceof HttpTimeoutException || t instanceof Http1Fetch.DeadlineExceeded) {
      return failure("context deadline exceeded");
    }
    if (t instanceof ConnectException) {
      return failure("connection refused (" + t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage()) + ")");
    }
    Throwable root = t;
    while (root.getCause() != null && root.getMessage() == null) {
      root = root.getCause();
    }
    return failure(root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName());
  }

  private ScrapeFailure failure(String what) {
    return new ScrapeFailure("Get \"" + target.url() + "\": " + what, false);
  }

  private static ScrapeFailure tooLarge(long limit) {
    return new ScrapeFailure("body size limit exceeded (limit " + limit + " bytes)", true);
  }

  private static byte[] gunzip(byte[] raw, long limit) throws ScrapeFailure {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(raw.length * 4, 1 << 20));
      byte[] buf = new byte[16384];
      for (int n; (n = in.read(buf)) > 0; ) {
        if (out.size() + (long) n > limit) {
          throw tooLarge(limit);
        }
        out.write(buf, 0, n);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new ScrapeFailure("gzip: invalid body (" + e.getMessage() + ")", false);
    }
  }
}
