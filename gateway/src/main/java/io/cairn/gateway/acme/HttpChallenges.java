package io.cairn.gateway.acme;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The HTTP-01 responder: the key authorizations of the challenges in flight, by token.
 *
 * <p>How the server side uses it (as Traefik's highest-priority challenge router): on the entry
 * point named by {@code httpChallenge.entryPoint}, before routing, every request whose path starts
 * with {@link #PATH_PREFIX} is answered from {@link #answer(String)}: when present, {@code 200}
 * with {@code Content-Type: text/plain; charset=utf-8} and the key authorization as the body; when
 * empty, {@code 404} with an empty body, as Traefik. The {@code Host} header is not checked
 * (Traefik does): tokens are unguessable and live only while their challenge does.
 *
 * <p>Thread-safe and non-blocking: lookups are a concurrent map read. One instance may be shared by
 * every resolver of the gateway.
 */
public final class HttpChallenges {

  /** Where the CA looks for the key authorization (RFC 8555 section 8.3). */
  public static final String PATH_PREFIX = "/.well-known/acme-challenge/";

  private final ConcurrentHashMap<String, String> byToken = new ConcurrentHashMap<>();

  /** The key authorization for {@code token}, or empty when no challenge with that token is live. */
  public Optional<String> keyAuthorization(String token) {
    Objects.requireNonNull(token, "token");
    return Optional.ofNullable(byToken.get(token));
  }

  /**
   * The answer for a request path (without query string), or empty when the path is not a
   * challenge path or the token is unknown.
   */
  public Optional<String> answer(String path) {
    Objects.requireNonNull(path, "path");
    if (!path.startsWith(PATH_PREFIX)) {
      return Optional.empty();
    }
    String token = path.substring(PATH_PREFIX.length());
    if (token.isEmpty() || token.indexOf('/') >= 0) {
      return Optional.empty();
    }
    return keyAuthorization(token);
  }

  /** Whether any challenge is live (the server may skip the path check when none is). */
  public boolean isEmpty() {
    return byToken.isEmpty();
  }

  void publish(String token, String keyAuthorization) {
    byToken.put(Objects.requireNonNull(token, "token"), Objects.requireNonNull(keyAuthorization));
  }

  void withdraw(String token) {
    byToken.remove(token);
  }
}
