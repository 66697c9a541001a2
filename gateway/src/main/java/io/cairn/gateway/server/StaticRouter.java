package io.cairn.gateway.server;

import java.net.URI;
import java.util.Objects;

/**
 * Sends every request to one upstream: the router behind {@code cairn gateway --from :8443 --to
 * 127.0.0.1:9000}. Immutable and thread-safe.
 */
public final class StaticRouter implements RequestRouter {
  private final Target.Proxy target;

  public StaticRouter(URI upstream) {
    this.target = Target.Proxy.to(Objects.requireNonNull(upstream, "upstream"));
  }

  /** Parses {@code host:port} or {@code http://host:port}. */
  public static StaticRouter to(String upstream) {
    Objects.requireNonNull(upstream, "upstream");
    String spelled = upstream.contains("://") ? upstream : "http://" + upstream;
    return new StaticRouter(URI.create(spelled));
  }

  @Override
  public Target route(RequestHead head) {
    return target;
  }

  @Override
  public String toString() {
    return "StaticRouter[" + target.upstream() + "]";
  }
}
