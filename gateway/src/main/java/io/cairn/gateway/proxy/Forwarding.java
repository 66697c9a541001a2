package io.cairn.gateway.proxy;

import io.netty.handler.codec.http.HttpContent;

/** One request in flight through a {@link Forwarder}. All methods are called on the client loop. */
public interface Forwarding {

  /**
   * The next piece of the request body; ownership passes to the callee, which releases it. A
   * {@code LastHttpContent} ends the body (it may carry bytes and trailers).
   */
  void content(HttpContent content);

  /** The client channel's writability changed: resume reading the upstream if it is writable. */
  void clientWritabilityChanged();

  /**
   * The client went away or its request body turned out malformed: stop, release what is held,
   * and close the upstream connection (it is in an unknown state). Idempotent; writes nothing.
   */
  void abort();
}
