package io.cairn.gateway.tls;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OCSP stapling for file certificates: for each certificate whose AIA names an OCSP responder and
 * whose chain includes its issuer, a background thread fetches the response (HTTP POST, {@code
 * application/ocsp-request}), keeps it in memory and fetches again halfway between thisUpdate and
 * nextUpdate (at least {@link #MIN_REFRESH} apart; every {@link #NO_NEXT_UPDATE_REFRESH} when the
 * responder gives no nextUpdate). A failed fetch is retried after {@link #RETRY}, and the previous
 * response stays stapled until its nextUpdate passes. Certificates without a responder, or without
 * their issuer in the chain, are served without a staple.
 *
 * <p>Thread-safe; {@link #responseFor} never blocks.
 */
final class OcspStapler implements AutoCloseable {
  static final Duration MIN_REFRESH = Duration.ofMinutes(1);
  static final Duration NO_NEXT_UPDATE_REFRESH = Duration.ofHours(1);
  static final Duration RETRY = Duration.ofMinutes(1);
  static final Duration FETCH_TIMEOUT = Duration.ofSeconds(10);

  private static final Logger log = LoggerFactory.getLogger(OcspStapler.class);

  private record Staple(byte[] der, Instant nextUpdate) {}

  private final Map<X509Certificate, Staple> staples = new ConcurrentHashMap<>();
  private final Map<X509Certificate, ScheduledFuture<?>> tasks = new ConcurrentHashMap<>();
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("gateway-ocsp").factory());
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(FETCH_TIMEOUT).build();

  /** Staples for exactly {@code keys} from now on: new ones are fetched, dropped ones forgotten. */
  synchronized void watch(List<CertifiedKey> keys) {
    Set<X509Certificate> wanted = new HashSet<>();
    for (CertifiedKey k : keys) {
      Optional<String> url = OcspRequests.responderUrl(k.leaf());
      Optional<X509Certificate> issuer = OcspRequests.issuerIn(k.chain());
      if (url.isEmpty() || issuer.isEmpty()) {
        continue;
      }
      wanted.add(k.leaf());
      tasks.computeIfAbsent(k.leaf(), leaf ->
          scheduler.schedule(() -> fetch(leaf, issuer.get(), url.get()), 0, TimeUnit.SECONDS));
    }
    tasks.keySet().removeIf(leaf -> {
      if (wanted.contains(leaf)) {
        return false;
      }
      tasks.get(leaf).cancel(false);
      staples.remove(leaf);
      return true;
    });
  }

  /** The DER OCSP response to staple for {@code key}, when one is fresh. */
  Optional<byte[]> responseFor(CertifiedKey key) {
    Staple s = staples.get(key.leaf());
    if (s == null || (s.nextUpdate() != null && !Instant.now().isBefore(s.nextUpdate()))) {
      return Optional.empty();
    }
    return Optional.of(s.der());
  }

  private void fetch(X509Certificate leaf, X509Certificate issuer, String url) {
    Duration next;
    try {
      byte[] request = OcspRequests.request(leaf, issuer);
      HttpResponse<byte[]> resp = http.send(HttpRequest.newBuilder(URI.create(url))
          .timeout(FETCH_TIMEOUT)
          .header("Content-Type", "application/ocsp-request")
          .header("Accept", "application/ocsp-response")
          .POST(HttpRequest.BodyPublishers.ofByteArray(request)).build(), HttpResponse.BodyHandlers.ofByteArray());
      if (resp.statusCode() != 200) {
        throw new IOException("responder answered HTTP " + resp.statusCode());
      }
      OcspRequests.Parsed parsed = OcspRequests.parse(resp.body(), leaf, issuer);
      staples.put(leaf, new Staple(resp.body(), parsed.nextUpdate()));
      next = parsed.nextUpdate() == null ? NO_NEXT_UPDATE_REFRESH
          : Duration.between(Instant.now(), parsed.thisUpdate().plus(
              Duration.between(parsed.thisUpdate(), parsed.nextUpdate()).dividedBy(2)));
      if (next.compareTo(MIN_REFRESH) < 0) {
        next = MIN_REFRESH;
      }
      log.debug("OCSP response for {} fetched from {}, next in {}", leaf.getSubjectX500Principal(), url, next);
    } catch (IOException | RuntimeException e) {
      log.warn("OCSP: cannot fetch the response for {} from {}: {}; retrying in {}",
          leaf.getSubjectX500Principal(), url, e.getMessage(), RETRY);
      next = RETRY;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    synchronized (this) {
      if (tasks.containsKey(leaf) && !scheduler.isShutdown()) {
        tasks.put(leaf, scheduler.schedule(() -> fetch(leaf, issuer, url), next.toMillis(), TimeUnit.MILLISECONDS));
      }
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
