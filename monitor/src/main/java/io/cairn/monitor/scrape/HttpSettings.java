package io.cairn.monitor.scrape;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * How a target is fetched, after Prometheus's {@code http_client_config}.
 *
 * @param authorization the whole {@code Authorization} header value ({@code basic_auth}, {@code
 *     bearer_token} and {@code authorization} all end up here; see the factories); empty = none
 * @param tls the TLS settings (used for {@code https} targets)
 * @param followRedirects {@code follow_redirects} (Prometheus default true)
 */
public record HttpSettings(Optional<String> authorization, TlsSettings tls, boolean followRedirects) {
  /** No authorization, default TLS, redirects followed: Prometheus's defaults. */
  public static final HttpSettings DEFAULT = new HttpSettings(Optional.empty(), TlsSettings.DEFAULT, true);

  public HttpSettings {
    Objects.requireNonNull(authorization, "authorization");
    Objects.requireNonNull(tls, "tls");
  }

  /** {@code basic_auth}: {@code Basic base64(user:password)}. */
  public static String basicAuth(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** {@code bearer_token} or {@code authorization} with the default type: {@code Bearer token}. */
  public static String bearer(String token) {
    return "Bearer " + token;
  }

  public HttpSettings withAuthorization(String headerValue) {
    return new HttpSettings(Optional.of(headerValue), tls, followRedirects);
  }

  @Override
  public String toString() {
    return "HttpSettings[authorization=" + (authorization.isPresent() ? "<secret>" : "none") + ", tls=" + tls
        + ", followRedirects=" + followRedirects + "]";
  }
}
