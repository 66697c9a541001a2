package io.cairn.gateway.server;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;

/**
 * TLS for an entry point whose certificates are chosen per handshake (package {@code tls}): makes
 * the handler that runs the handshake of one accepted connection, typically an {@code SniHandler}
 * that replaces itself with an {@code SslHandler}. Such an entry point takes TLS and cleartext on the
 * same port, as Traefik's do: a connection whose first bytes are a TLS record gets this handler, any
 * other the cleartext pipeline.
 *
 * <p>Called on the connection's event loop, concurrently for different connections; must not block.
 */
@FunctionalInterface
public interface ConnectionTls {
  /** A new handshake handler for {@code ch}. */
  ChannelHandler newHandler(Channel ch);
}
