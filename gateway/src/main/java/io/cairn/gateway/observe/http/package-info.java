/**
 * The HTTP side of observability: Traefik's internal services served by the entry points and the
 * wiring of the access log and metrics into the gateway.
 *
 * <h2>Parts</h2>
 *
 * <ul>
 *   <li>{@link io.cairn.gateway.observe.http.Observability}: built by {@code GatewayServer} from
 *       the static configuration; gives each entry point its router ({@link
 *       io.cairn.gateway.observe.http.InternalRouter}) and observer; counts reloads.
 *   <li>{@link io.cairn.gateway.observe.http.InternalAnswers}: what each internal service answers.
 *   <li>{@link io.cairn.gateway.observe.http.InternalRouter}: {@code /ping} ({@code OK}), {@code
 *       /metrics}, {@code <basePath>api/...}, {@code <basePath>dashboard/} ({@code <basePath>}
 *       redirects there with 302, {@code dashboard} with 301); GET and HEAD only; everything else
 *       goes to the gateway's routers. Internal answers are logged under Traefik's internal router
 *       names ({@code api@internal}, {@code dashboard@internal}, {@code prometheus@internal},
 *       {@code ping@internal}).
 *   <li>{@code ApiHandler}: Traefik's read-only API over an {@link
 *       io.cairn.gateway.observe.http.ApiState} snapshot; {@code ConfigJson} renders the config
 *       records with Go's {@code omitempty}.
 *   <li>{@code dashboard.html} (a resource next to these classes): one page, no external assets,
 *       vanilla JS that reads the API every 5 s.
 * </ul>
 *
 * <h2>Decisions</h2>
 *
 * <ul>
 *   <li>Where: as Traefik, the API and dashboard only with {@code api.insecure}, on the {@code
 *       traefik} entry point (default {@code :8080}, added when needed); {@code /metrics} on {@code
 *       metrics.prometheus.entryPoint} and {@code /ping} on {@code ping.entryPoint} (both default
 *       {@code traefik}) unless their {@code manualRouting} is set. Dynamic routers may name
 *       {@code api@internal}, {@code dashboard@internal}, {@code ping@internal}, {@code
 *       prometheus@internal} or {@code noop@internal} (Traefik's secure mode): the gateway runs the
 *       router's middlewares, then answers from {@link
 *       io.cairn.gateway.observe.http.InternalAnswers} with the request as the middlewares left it; a
 *       service that is not configured answers 404 (Traefik leaves such a router out, which also
 *       ends in 404).
 *   <li>Router status is {@code enabled}, or {@code disabled} with an error when its service was
 *       not built; services show {@code serverStatus} (UP/DOWN from the balancer's health) for
 *       load balancers only, as Traefik. TCP and UDP sections are empty.
 *   <li>{@code /api/version} answers cairn's version with codename {@code cairn}.
 * </ul>
 */
package io.cairn.gateway.observe.http;
