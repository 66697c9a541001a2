package io.cairn.gateway.router;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A plain, immutable {@link RequestView}: for tests, and for packages that already hold the
 * request's parts. The canonical constructor takes values already normalised as {@link
 * RequestView} documents; {@link #of} derives them from raw request text.
 *
 * @param method the method as received
 * @param host the canonical host (see {@link HostHeader#canonical})
 * @param path the routing path (see {@link RoutingPath#of})
 * @param query parsed query parameters (see {@link GoQuery#parse})
 * @param headerMap header values by name; copied into a case-insensitive map
 * @param clientIp the remote peer's IP, or null
 */
public record BasicRequest(
    String method,
    String host,
    String path,
    Map<String, List<String>> query,
    Map<String, List<String>> headerMap,
    InetAddress clientIp)
    implements RequestView {

  public BasicRequest {
    Checks.requireArgument(method != null, "method is null; expected e.g. GET");
    Checks.requireArgument(host != null, "host is null; expected a host or \"\"");
    Checks.requireArgument(path != null, "path is null; expected e.g. /");
    query = query == null ? Map.of() : Collections.unmodifiableMap(copy(query, false));
    headerMap = headerMap == null ? Map.of() : Collections.unmodifiableMap(copy(headerMap, true));
  }

  /**
   * A request from raw parts, normalised as Traefik does before routing.
   *
   * @param method the method
   * @param hostHeader the Host header (or {@code :authority}); null when absent
   * @param target the request target's path and query, e.g. {@code /a%20b?q=1}
   * @param headers header values by name (any case); null for none
   * @param remoteAddr the peer address as Go's {@code RemoteAddr} ({@code ip:port}, {@code
   *     [ip6]:port} or a bare IP); null when unknown
   * @throws IllegalArgumentException when the path has a bad percent-encoding
   */
  public static BasicRequest of(
      String method,
      String hostHeader,
      String target,
      Map<String, List<String>> headers,
      String remoteAddr) {
    return parse(method, hostHeader, target, headers, GoIp.fromRemoteAddr(remoteAddr));
  }

  /**
   * As {@link #of(String, String, String, Map, String)}, from the peer's socket address: its IP is
   * taken as is rather than printed and parsed back, except for what Go would not parse (an
   * unresolved address, an IPv6 address with a zone), which goes the textual way.
   */
  public static BasicRequest of(
      String method,
      String hostHeader,
      String target,
      Map<String, List<String>> headers,
      java.net.InetSocketAddress remote) {
    return parse(method, hostHeader, target, headers, clientIp(remote));
  }

  private static BasicRequest parse(
      String method, String hostHeader, String target, Map<String, List<String>> headers, InetAddress clientIp) {
    Checks.requireArgument(target != null, "target is null; expected e.g. /path?query");
    int q = target.indexOf('?');
    String rawPath = q < 0 ? target : target.substring(0, q);
    String rawQuery = q < 0 ? "" : target.substring(q + 1);
    return new BasicRequest(
        method,
        HostHeader.canonical(hostHeader),
        RoutingPath.of(rawPath.isEmpty() ? "/" : rawPath),
        GoQuery.parse(rawQuery),
        headers,
        clientIp);
  }

  private static InetAddress clientIp(java.net.InetSocketAddress remote) {
    if (remote == null) {
      return null;
    }
    InetAddress ip = remote.getAddress();
    if (ip == null || ip instanceof java.net.Inet6Address v6
        && (v6.getScopeId() != 0 || v6.getScopedInterface() != null)) {
      String host = ip == null ? remote.getHostString() : ip.getHostAddress();
      return GoIp.fromRemoteAddr((host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + remote.getPort());
    }
    return ip;
  }

  @Override
  public List<String> headers(String name) {
    List<String> values = headerMap.get(name);
    return values == null ? List.of() : values;
  }

  private static Map<String, List<String>> copy(Map<String, List<String>> in, boolean ignoreCase) {
    Map<String, List<String>> out =
        ignoreCase ? new TreeMap<>(String.CASE_INSENSITIVE_ORDER) : new TreeMap<>();
    in.forEach(
        (k, v) -> out.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v == null ? List.of() : v));
    out.replaceAll((k, v) -> List.copyOf(v));
    return out;
  }
}
