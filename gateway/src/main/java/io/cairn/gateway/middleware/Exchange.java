package io.cairn.gateway.middleware;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One request as the middlewares see and change it, Netty-free. Mutable and not thread-safe: the
 * proxy hands it to one pipeline, which runs on one thread at a time.
 *
 * <p>Paths follow Go's {@code net/url}, as Traefik's middlewares see them: {@link #path()} is the
 * decoded path ({@code URL.Path}); {@link #rawPath()} is the path as sent when it differs from
 * {@code GoPath.escape(path)} (e.g. it keeps {@code %2F}), else {@code ""} ({@code URL.RawPath}).
 * {@link #escapedPath()} and {@link #requestUri()} give what to send upstream. {@link #host()} is
 * the request's host as received ({@code Host} header or {@code :authority}, port included, Go's
 * {@code req.Host}). {@link #remoteIp()} is the peer's address text without brackets ({@code
 * 192.0.2.1}, {@code ::1}).
 *
 * <p>The proxy must call {@link #complete} exactly once when the request ends, whatever the
 * outcome (middleware answer, upstream response fully sent, error, client gone): {@code
 * inFlightReq} releases its slot and {@code circuitBreaker} records the result there.
 */
public final class Exchange {
  private final String method;
  private final String scheme;
  private final boolean tls;
  private final String remoteIp;
  private final int remotePort;
  private final HeaderMap requestHeaders;
  private String host;
  private String path;
  private String rawPath;
  private String rawQuery;
  private String user = "";
  private final List<Consumer<Completion>> completionHooks = new ArrayList<>(2);
  private final Map<Object, Integer> progress = new IdentityHashMap<>(4);
  private boolean completed;

  /**
   * @param target the origin-form request target as received: raw path, then optional {@code
   *     ?query} (e.g. {@code /a%2Fb?x=1}); must start with {@code /} or be {@code *}
   */
  public Exchange(String method, String scheme, String host, String target, HeaderMap headers,
      String remoteIp, int remotePort, boolean tls) {
    this.method = Objects.requireNonNull(method, "method");
    this.scheme = Objects.requireNonNull(scheme, "scheme");
    this.host = Objects.requireNonNull(host, "host");
    this.requestHeaders = Objects.requireNonNull(headers, "headers");
    this.remoteIp = Objects.requireNonNull(remoteIp, "remoteIp");
    this.remotePort = remotePort;
    this.tls = tls;
    Objects.requireNonNull(target, "target");
    int q = target.indexOf('?');
    String raw = q < 0 ? target : target.substring(0, q);
    this.rawQuery = q < 0 ? "" : target.substring(q + 1);
    String decoded = GoPath.unescape(raw);
    if (decoded == null) {
      throw new IllegalArgumentException("target has a bad percent escape, expected %XX: " + target);
    }
    this.path = decoded;
    this.rawPath = GoPath.rawPathFor(decoded, raw);
  }

  public String method() {
    return method;
  }

  /** {@code http} or {@code https} as the client connected. */
  public String scheme() {
    return scheme;
  }

  public boolean tls() {
    return tls;
  }

  public String host() {
    return host;
  }

  /** Changes the host sent upstream (the {@code headers} middleware's custom {@code Host}). */
  public void host(String host) {
    this.host = Objects.requireNonNull(host, "host");
  }

  public String path() {
    return path;
  }

  public String rawPath() {
    return rawPath;
  }

  /** Sets Go's {@code URL.Path} and {@code URL.RawPath} together (raw may be {@code ""}). */
  public void path(String path, String rawPath) {
    this.path = Objects.requireNonNull(path, "path");
    this.rawPath = Objects.requireNonNull(rawPath, "rawPath");
  }

  public String rawQuery() {
    return rawQuery;
  }

  public void rawQuery(String rawQuery) {
    this.rawQuery = Objects.requireNonNull(rawQuery, "rawQuery");
  }

  /** Go's {@code URL.EscapedPath()}: the raw path when it is a valid encoding of the path. */
  public String escapedPath() {
    if (!rawPath.isEmpty() && GoPath.validEncoded(rawPath) && path.equals(GoPath.unescape(rawPath))) {
      return rawPath;
    }
    return GoPath.escape(path);
  }

  /** Go's {@code URL.RequestURI()}: escaped path ({@code /} if empty) and {@code ?query}. */
  public String requestUri() {
    String p = escapedPath();
    if (p.isEmpty()) {
      p = "/";
    }
    return rawQuery.isEmpty() ? p : p + "?" + rawQuery;
  }

  public HeaderMap requestHeaders() {
    return requestHeaders;
  }

  public String remoteIp() {
    return remoteIp;
  }

  public int remotePort() {
    return remotePort;
  }

  /** The user {@code basicAuth} authenticated ({@code ""} if none), for the access log. */
  public String user() {
    return user;
  }

  void user(String user) {
    this.user = user;
  }

  /** Registers {@code hook} to run when the request ends; hooks run in registration order. */
  public void onComplete(Consumer<Completion> hook) {
    completionHooks.add(Objects.requireNonNull(hook, "hook"));
  }

  /**
   * Ends the exchange: runs the completion hooks once. Later calls do nothing. A hook that throws
   * does not stop the others; the first exception is rethrown after all ran.
   */
  public void complete(Completion completion) {
    Objects.requireNonNull(completion, "completion");
    if (completed) {
      return;
    }
    completed = true;
    RuntimeException first = null;
    for (Consumer<Completion> hook : completionHooks) {
      try {
        hook.accept(completion);
      } catch (RuntimeException e) {
        if (first == null) {
          first = e;
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  public boolean completed() {
    return completed;
  }

  int progress(Object chain) {
    return progress.getOrDefault(chain, 0);
  }

  void progress(Object chain, int ran) {
    progress.put(chain, ran);
  }
}
