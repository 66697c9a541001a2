package io.cairn.monitor.notifier;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Posts one batch to one Alertmanager, with cairn's bounded retry policy: at most {@link
 * #MAX_ATTEMPTS} attempts, {@link #FIRST_BACKOFF} before the second and twice that before the
 * third, and all of them within the set's timeout (an attempt gets what is left of it; no retry
 * starts that could not finish in time). Retried: connection errors, 5xx and 429; not retried: other
 * statuses (a refused batch will be refused again). Any 2xx is success, as in Prometheus.
 * Stateless; thread-safe.
 */
final class Delivery {
  static final int MAX_ATTEMPTS = 3;
  static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
  /** Prometheus's User-Agent: cairn answers as Prometheus 2.42 everywhere. */
  static final String USER_AGENT = "Prometheus/2.42.0";
  /** How much of an error response body goes into the error message. */
  static final int MAX_ERROR_BODY = 512;

  /** The outcome: null error for success; attempts made. */
  record Result(String error, int attempts) {
    boolean ok() {
      return error == null;
    }
  }

  private Delivery() {}

  static Result post(HttpClient client, String url, Optional<String> authorization, String body, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Duration backoff = FIRST_BACKOFF;
    String error = null;
    int attempt = 0;
    while (attempt < MAX_ATTEMPTS) {
      attempt++;
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        error = error == null ? "timeout of " + timeout + " reached" : error;
        break;
      }
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
          .timeout(Duration.ofNanos(left))
          .header("User-Agent", USER_AGENT)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
      authorization.ifPresent(a -> b.header("Authorization", a));
      boolean retryable;
      try {
        HttpResponse<InputStream> resp = client.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        int status = resp.statusCode();
        if (status / 100 == 2) {
          resp.body().close(); // unread: the request timeout ends with the headers, a body may never come
          return new Result(null, attempt);
        }
        String text = errorText(resp.body(), deadline);
        error = "bad response status " + status + (text.isEmpty() ? "" : ": " + text);
        retryable = status / 100 == 5 || status == 429;
      } catch (IOException | IllegalArgumentException e) {
        error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        retryable = true;
      }
      if (!retryable || attempt == MAX_ATTEMPTS || System.nanoTime() + backoff.toNanos() >= deadline) {
        break;
      }
      Thread.sleep(backoff);
      backoff = backoff.multipliedBy(2);
    }
    return new Result(error, attempt);
  }

  /**
   * The start of an error body, read by {@code deadline} at the latest (the client's timeout ends
   * with the headers); what came until then, or empty.
   */
  private static String errorText(InputStream in, long deadline) throws InterruptedException {
    FutureTask<String> read = new FutureTask<>(() -> {
      try (in) {
        return new String(in.readNBytes(MAX_ERROR_BODY), StandardCharsets.UTF_8).strip();
      }
    });
    Thread reader = Thread.ofVirtual().name("notifier-error-body").start(read);
    try {
      return read.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      return "";
    } catch (TimeoutException e) {
      reader.interrupt(); // the response stream's reads are interruptible
      return "";
    } catch (InterruptedException e) {
      reader.interrupt();
      throw e;
    }
  }
}
