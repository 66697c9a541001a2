package io.cairn.gateway.proxy;

import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * What the routing layer adds to one proxied exchange: the rewritten request target (middlewares,
 * a server URL's path), request and response header edits (middlewares, sticky cookies), and the
 * outcome (in-flight counts, passive health). All methods run on the client's event loop and must
 * not block. {@link #NONE} changes nothing.
 */
public interface ExchangeHooks {
  ExchangeHooks NONE = new ExchangeHooks() {};

  /** The request target sent upstream, given the origin-form target the client sent. */
  default String target(String clientTarget) {
    return clientTarget;
  }

  /** Edits the headers sent upstream, after the forwarded headers were set. */
  default void requestHeaders(HttpHeaders headers) {}

  /** Edits the upstream's response head before it is written to the client. */
  default void responseHead(HttpResponse response) {}

  /**
   * The filter the response body goes through (compression), asked once right after {@link
   * #responseHead} with the head as it will be written; {@link BodyFilter#NONE} (the default)
   * passes the body unchanged.
   */
  default BodyFilter responseBody(HttpResponse response) {
    return BodyFilter.NONE;
  }

  /**
   * Called exactly once when the exchange ends: {@code failed} when the upstream failed (no
   * connection, a timeout, a broken response), false when the response completed or the client went
   * away.
   */
  default void done(boolean failed) {}

  /**
   * The attempt failed before any response byte went to the client and the request can be sent
   * again (no connection could be made, so nothing was sent; or a body-less idempotent request
   * whose connection broke before the response head). Returns where to send it next, having edited
   * {@code head} (target, Host) for that upstream, or null to answer the error (502/504). Called
   * at most once per failed attempt; {@link #done} is still called once at the very end.
   */
  default Retry retry(HttpRequest head) {
    return null;
  }

  /**
   * A piece of the request body on its way upstream, before it is written (the proxy still owns
   * it: copy, do not retain or release). For mirroring.
   */
  default void requestContent(HttpContent content) {}

  /** Where and when to try a failed request again ({@code upstream} is {@code http://host:port}). */
  record Retry(URI upstream, Duration delay) {
    public Retry {
      Objects.requireNonNull(upstream, "upstream");
      Objects.requireNonNull(delay, "delay");
    }
  }
}
