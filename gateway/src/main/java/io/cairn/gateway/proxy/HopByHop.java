package io.cairn.gateway.proxy;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Removes hop-by-hop headers (RFC 9110 7.6.1) as Go's {@code httputil.ReverseProxy} does: the
 * headers named in {@code Connection}, then {@code Connection}, {@code Keep-Alive}, {@code TE},
 * {@code Trailer}, {@code Transfer-Encoding}, {@code Upgrade} and every {@code Proxy-*} header
 * (which also drops the httpoxy {@code Proxy} header). Like Go, a request's {@code TE: trailers}
 * is kept, since it is the one TE value an end-to-end protocol (gRPC) depends on.
 */
final class HopByHop {
  private static final List<CharSequence> FIXED = List.of(
      HttpHeaderNames.CONNECTION, HttpHeaderNames.KEEP_ALIVE, HttpHeaderNames.TE,
      HttpHeaderNames.TRAILER, HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderNames.UPGRADE);

  private HopByHop() {}

  /**
   * Go's {@code upgradeType}: the {@code Upgrade} value when {@code Connection} lists {@code
   * upgrade}, else null. Any protocol passes (as in Traefik) except {@code h2c}: the entry point
   * speaks h2c itself and an h2c upgrade is never forwarded (the request goes on without it).
   */
  static String upgradeType(HttpHeaders h) {
    boolean listed = false;
    for (String value : h.getAll(HttpHeaderNames.CONNECTION)) {
      for (String token : value.split(",")) {
        listed |= token.strip().equalsIgnoreCase("upgrade");
      }
    }
    String type = h.get(HttpHeaderNames.UPGRADE);
    if (!listed || type == null || type.isBlank()) {
      return null;
    }
    for (String token : type.split(",")) {
      if (token.strip().equalsIgnoreCase("h2c")) {
        return null;
      }
    }
    return type.strip();
  }

  static void strip(HttpHeaders h, boolean request) {
    boolean teTrailers = request && h.containsValue(HttpHeaderNames.TE, "trailers", true);
    for (String value : h.getAll(HttpHeaderNames.CONNECTION)) {
      for (String token : value.split(",")) {
        String name = token.strip();
        if (!name.isEmpty()) {
          h.remove(name);
        }
      }
    }
    for (CharSequence name : FIXED) {
      h.remove(name);
    }
    List<String> proxyHeaders = new ArrayList<>();
    for (Map.Entry<String, String> e : h) {
      if (e.getKey().regionMatches(true, 0, "proxy", 0, 5)) {
        proxyHeaders.add(e.getKey());
      }
    }
    proxyHeaders.forEach(h::remove);
    if (teTrailers) {
      h.set(HttpHeaderNames.TE, "trailers");
    }
  }
}
