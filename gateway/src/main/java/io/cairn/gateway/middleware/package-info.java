/**
 * Traefik's HTTP middlewares on a small Netty-free model the proxy drives.
 *
 * <h2>Seam with the proxy</h2>
 *
 * <ol>
 *   <li>Build once per configuration: {@link io.cairn.gateway.middleware.MiddlewareFactory#build}
 *       (name, config record, lookup of already built middlewares for {@code chain}) for each
 *       middleware, then a {@link io.cairn.gateway.middleware.Chain} per router. Bad options throw
 *       {@link io.cairn.gateway.middleware.MiddlewareException} naming the middleware.
 *   <li>Per request: new {@link io.cairn.gateway.middleware.Exchange}(method, scheme, host as
 *       received, origin-form target, headers, peer IP, peer port, tls); {@code
 *       chain.onRequest(ex)}.
 *   <li>{@link io.cairn.gateway.middleware.Outcome.Respond}: send it (add {@code
 *       Content-Length}), after {@code chain.onResponse(ex, head)} on a {@link
 *       io.cairn.gateway.middleware.ResponseHead} made from it; the service is not called.
 *   <li>{@link io.cairn.gateway.middleware.Outcome.Proceed}: wait {@code delay()} (schedule, do
 *       not block the event loop), make the {@code chain.forwardAuths()} calls ({@link
 *       io.cairn.gateway.middleware.ForwardAuthCheck} says what to send and what the answer
 *       means), forward with {@code ex.method()}, {@code ex.host()}, {@code ex.requestUri()} and
 *       {@code ex.requestHeaders()}; retry as {@code chain.retryPolicy()} says; on the upstream
 *       response head call {@code chain.onResponse(ex, head)} before writing it. The runtime
 *       package does all this.
 *   <li>Always, once, at the end: {@code ex.complete(new Completion(status, networkError,
 *       latency))} — it releases {@code inFlightReq} slots and feeds {@code circuitBreaker}.
 *   <li>{@code chain.deferred()} lists {@code compress}, {@code errors} and {@code buffering},
 *       which the proxy must carry out itself from their config records.
 * </ol>
 *
 * <h2>Decisions</h2>
 *
 * <ul>
 *   <li>Paths follow Go's {@code URL.Path}/{@code URL.RawPath}, which Traefik's middlewares
 *       work on; the request URI sent upstream is Go's {@code RequestURI()}. Absolute-form
 *       request targets are not modelled: the proxy passes origin form and the host apart.
 *   <li>{@code stripPrefix}: the raw path is stripped of the characters encoding the prefix
 *       ({@code /ap%69/…} for {@code /api/}); a strip leaving a {@code .}/{@code ..} segment
 *       answers 400 {@code Bad Request} (newer Traefik's tests expect 400; its body is a guess).
 *   <li>Regexes are Go's, through the shared {@link io.cairn.common.text.re2.GoRegex} (RE2 syntax
 *       and Go's compile errors; unanchored, as Traefik compiles them); replacements expand as Go's
 *       {@code ReplaceAllString} ({@code $1x} is group {@code 1x}: write {@code ${1}x}).
 *   <li>{@code redirectScheme} keeps IPv6 brackets in the host (Go's {@code SplitHostPort}
 *       drops them when a port is present, which Traefik only undoes for absolute-form targets).
 *       The {@code Location} is the rewritten text, not re-serialised through a URL parser.
 *   <li>{@code headers}: the options of unrolled/secure that our record lacks ({@code
 *       sslRedirect}, {@code sslHost}, {@code featurePolicy}, cross-origin policies, CSP nonces)
 *       are not implemented. Security headers are set first, custom and CORS response headers
 *       after, so custom values win (Traefik's wrapping order).
 *   <li>{@code rateLimit}: buckets through the {@link io.cairn.gateway.middleware.BucketStore}
 *       seam; with the kv provider, {@link io.cairn.gateway.middleware.ClusterBucketStore} gives
 *       each of the n live gateway nodes 1/n of the rate and burst (decision: no kv round trip on
 *       the request path; a source hitting one node only gets that node's share); in memory at most 65,536 sources per middleware, idle buckets
 *       (ttl as Traefik) evicted first, then least recently used. A refused request does not
 *       consume a token (x/time/rate's cancel restores it, approximately). Delays in a chain add
 *       up and are waited before forwarding, after every middleware ran.
 *   <li>{@code inFlightReq} defaults its source to the host, {@code rateLimit} to the peer IP,
 *       as Traefik.
 *   <li>{@code circuitBreaker}: a response counts as a network error when the proxy says so or
 *       its status is 502/504 (oxy counts those). Latencies are kept in a log-linear histogram
 *       (exact below 128 ms, 1/64 above) instead of HdrHistogram. Numeric arguments may be
 *       integers or floats ({@code LatencyAtQuantileMS(50)} is accepted, oxy wants a float).
 *   <li>{@code basicAuth}: users in {@code usersFile} override inline ones; bcrypt via
 *       at.favre.lib:bcrypt ({@code $2x$} unsupported by it: never matches).
 * </ul>
 */
package io.cairn.gateway.middleware;
