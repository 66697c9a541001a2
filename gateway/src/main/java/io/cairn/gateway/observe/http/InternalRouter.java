package io.cairn.gateway.observe.http;

import io.cairn.gateway.observe.ExchangeObserver;
import io.cairn.gateway.observe.RouteFacts;
import io.cairn.gateway.server.RequestHead;
import io.cairn.gateway.server.RequestRouter;
import io.cairn.gateway.server.Target;
import java.util.Objects;

/**
 * An entry point's router with Traefik's internal services in front: {@code ping@internal}
 * ({@code /ping}), {@code prometheus@internal} ({@code /metrics}), {@code api@internal} ({@code
 * <basePath>api/...}) and {@code dashboard@internal} ({@code <basePath>dashboard/}, and {@code
 * <basePath>} redirected there with 302); every other request goes to the gateway's own router.
 * Each internal answer notes its internal router and service for the access log and metrics. Also
 * gives the entry point its {@link ExchangeObserver}. Thread-safe; never blocks.
 */
public final class InternalRouter implements RequestRouter {
  private final RequestRouter next;
  private final ExchangeObserver observer;
  private final InternalAnswers internal;

  /** @param internal what this entry point serves itself ({@link InternalAnswers#none()} for nothing) */
  public InternalRouter(RequestRouter next, ExchangeObserver observer, InternalAnswers internal) {
    this.next = Objects.requireNonNull(next, "next");
    this.observer = Objects.requireNonNull(observer, "observer");
    this.internal = Objects.requireNonNull(internal, "internal");
  }

  @Override
  public Target route(RequestHead head) {
    return route(head, new RouteFacts());
  }

  @Override
  public Target route(RequestHead head, RouteFacts facts) {
    String path = head.path();
    String query = head.uri().indexOf('?') < 0 ? "" : head.uri().substring(head.uri().indexOf('?') + 1);
    boolean read = head.method().equals("GET") || head.method().equals("HEAD");
    if (internal.ping() && path.equals("/ping") && read) {
      facts.router("ping@internal").service("ping@internal");
      return Target.Respond.text(200, "OK");
    }
    if (internal.metrics() != null && path.equals("/metrics") && read) {
      facts.router("prometheus@internal").service("prometheus@internal");
      return internal.metricsAnswer();
    }
    String base = internal.basePath();
    if (internal.api() != null && path.startsWith(base + "api/") && read) {
      facts.router("api@internal").service("api@internal");
      return internal.apiAnswer(path, query);
    }
    if (internal.api() != null && read) {
      Target.Respond dashboard = internal.dashboardAnswer(path);
      if (dashboard != null) {
        boolean redirect = dashboard.status() != 200;
        facts.router(redirect ? "dashboard_redirect@internal" : "dashboard@internal").service("dashboard@internal");
        return dashboard;
      }
    }
    return next.route(head, facts);
  }

  @Override
  public ExchangeObserver observer() {
    return observer;
  }
}
