package io.cairn.gateway.proxy;

import io.netty.channel.ChannelHandler;
import java.util.Objects;

/**
 * User event the proxy fires on an HTTP/1.1 client channel right after it wrote a {@code 101
 * Switching Protocols} response (a WebSocket or other {@code Upgrade} the upstream accepted): the
 * connection stops being HTTP. The server, on this event, removes its HTTP codecs and request
 * handler and puts {@link #relay} in the handler's place, so that from then on raw bytes flow
 * between the client and the upstream (with the server's idle timer still in front of it).
 *
 * <p>Bytes the server's decoder had already read past the upgrade request must be passed on to
 * {@code relay} (Netty's decoders do this when removed). The exchange counts as complete.
 *
 * @param relay the handler that relays bytes to and from the upstream connection
 */
public record Upgraded(ChannelHandler relay) {
  public Upgraded {
    Objects.requireNonNull(relay, "relay");
  }
}
