package io.cairn.gateway.proxy;

import io.netty.channel.Channel;

/**
 * Forwards requests to upstreams: the seam between the entry points ({@code server}) and the
 * reverse proxy, so the server can be tested without sockets and the proxy without a server.
 *
 * <p>Contract:
 *
 * <ul>
 *   <li>{@link #forward} is called on {@code client}'s event loop, once per request, right after
 *       the request head was routed; it must not block. The body follows through {@link
 *       Forwarding#content}.
 *   <li>The response is written to {@code client} with {@code client.write}/{@code writeAndFlush}
 *       as one {@code HttpResponse} (1xx excluded), then zero or more {@code HttpContent} and
 *       exactly one {@code LastHttpContent} (a {@code FullHttpResponse} counts as both), all on
 *       {@code client}'s event loop. Framing (chunked or not, {@code Connection}) is the server's
 *       job; the forwarder writes no hop-by-hop headers.
 *   <li>Upgrades: on an HTTP/1.1 connection the forwarder may instead write a {@code 101}
 *       response and then fire {@link Upgraded} on {@code client}; the server then hands the
 *       connection over as raw bytes and the exchange is over.
 *   <li>If the exchange fails after the response head was written, the forwarder closes {@code
 *       client} (for HTTP/2 that resets only this stream).
 *   <li>Backpressure: the forwarder may toggle {@code client.config().setAutoRead} while the
 *       upstream cannot take more request body, and must turn it back on when it no longer needs
 *       it paused.
 * </ul>
 */
public interface Forwarder {

  /** Starts forwarding one request; never null. */
  Forwarding forward(ForwardRequest request, Channel client);
}
