package io.cairn.gateway.router;

/**
 * A router whose rule cannot be used.
 *
 * @param router the router's name
 * @param message what is wrong, worded like Traefik's
 */
public record RouteError(String router, String message) {
  @Override
  public String toString() {
    return "router " + router + ": " + message;
  }
}
