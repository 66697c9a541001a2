package io.cairn.gateway.server;

/**
 * The seam between the entry points and routing: picks a {@link Target} for each request head.
 *
 * <p>Contract:
 *
 * <ul>
 *   <li>Called once per request, after the head passed the strict checks and before any body byte
 *       is forwarded; requests rejected by those checks (400, 408, 413, 414, 431) never get here.
 *   <li>Called on a Netty event loop, concurrently from several loops: implementations must be
 *       thread-safe and must not block (no I/O, no locks held for long). Swapping configuration
 *       means swapping an immutable snapshot behind a volatile reference.
 *   <li>Must not return null. A null result or a thrown exception is answered with 500 and logged;
 *       it does not close the connection.
 *   <li>"No router matches" is {@link Target.Respond#notFound()}, as in Traefik.
 * </ul>
 */
@FunctionalInterface
public interface RequestRouter {

  /** The target for {@code head}; never null. */
  Target route(RequestHead head);

  /**
   * As {@link #route(RequestHead)}, also noting in {@code facts} the router, service and server
   * chosen, for the access log and metrics. The entry points call this one.
   */
  default Target route(RequestHead head, io.cairn.gateway.observe.RouteFacts facts) {
    return route(head);
  }

  /** Who is told about each finished exchange of the entry points using this router. */
  default io.cairn.gateway.observe.ExchangeObserver observer() {
    return io.cairn.gateway.observe.ExchangeObserver.NONE;
  }
}
