package io.cairn.gateway.observe;

import io.netty.handler.codec.http.HttpHeaders;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The facts of one finished exchange, handed to every {@link ExchangeObserver} once. Immutable apart
 * from {@code requestHeaders}, which is the request's own header object: observers only read it.
 *
 * @param sequence the request's number since start, from 1 (Traefik's {@code RequestCount})
 * @param start wall-clock time the request head was routed (Traefik's {@code StartUTC})
 * @param durationNanos from routing the head to writing the response's last byte (or the end)
 * @param entryPoint the entry point's name
 * @param protocol {@code HTTP/1.0}, {@code HTTP/1.1} or {@code HTTP/2.0}; {@code -} for a request
 *     the server refused before parsing it whole
 * @param method the request method; {@code -} when refused before parsing
 * @param uri the request target as sent (origin form); {@code -} when refused before parsing
 * @param host the {@code Host} (or {@code :authority}) as sent; empty when none
 * @param clientAddr the peer as Go's {@code RemoteAddr}: {@code ip:port}, IPv6 in brackets
 * @param tlsVersion {@code 1.2}, {@code 1.3}…, empty over cleartext
 * @param tlsCipher the cipher suite's IANA name, empty over cleartext
 * @param requestHeaders the request headers (read-only; empty when refused before parsing)
 * @param status the status sent to the client (499 when the client left before a response)
 * @param requestBytes request body bytes read
 * @param responseBytes response body bytes written
 * @param originStatus the upstream's status, 0 when the gateway answered itself
 * @param originBytes the upstream's body bytes, 0 when the gateway answered itself
 * @param router the router's qualified name ({@code web@file}), empty when none matched
 * @param service the service's qualified name, empty when none was chosen
 * @param serviceUrl the server URL the request went to, empty when none
 * @param user the authenticated user (basicAuth), empty when none
 * @param retryAttempts how many times the request was retried
 */
public record ExchangeRecord(
    long sequence,
    Instant start,
    long durationNanos,
    String entryPoint,
    String protocol,
    String method,
    String uri,
    String host,
    String clientAddr,
    String tlsVersion,
    String tlsCipher,
    HttpHeaders requestHeaders,
    int status,
    long requestBytes,
    long responseBytes,
    int originStatus,
    long originBytes,
    String router,
    String service,
    String serviceUrl,
    String user,
    int retryAttempts) {
  private static final AtomicLong SEQUENCE = new AtomicLong();

  public ExchangeRecord {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(entryPoint, "entryPoint");
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(clientAddr, "clientAddr");
    Objects.requireNonNull(tlsVersion, "tlsVersion");
    Objects.requireNonNull(tlsCipher, "tlsCipher");
    Objects.requireNonNull(requestHeaders, "requestHeaders");
    Objects.requireNonNull(router, "router");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(serviceUrl, "serviceUrl");
    Objects.requireNonNull(user, "user");
    if (status < 100 || status > 999) {
      throw new IllegalArgumentException("status " + status + " is out of range; expected 100..999");
    }
  }

  /** The next request number (Traefik's process-wide {@code RequestCount}). */
  public static long nextSequence() {
    return SEQUENCE.incrementAndGet();
  }

  /** Whether the request arrived over TLS. */
  public boolean tls() {
    return !tlsVersion.isEmpty();
  }

  /** The client's IP: {@link #clientAddr()} without the port and brackets. */
  public String clientHost() {
    int colon = clientAddr.lastIndexOf(':');
    String h = colon < 0 ? clientAddr : clientAddr.substring(0, colon);
    return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
  }

  /** The client's port as text, {@code -} when the address has none. */
  public String clientPort() {
    int colon = clientAddr.lastIndexOf(':');
    return colon < 0 || clientAddr.endsWith("]") ? "-" : clientAddr.substring(colon + 1);
  }

  /** The first value of request header {@code name}, empty when absent. */
  public String header(String name) {
    String v = requestHeaders.get(name);
    return v == null ? "" : v;
  }
}
