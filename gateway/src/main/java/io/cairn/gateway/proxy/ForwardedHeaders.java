package io.cairn.gateway.proxy;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code X-Forwarded-*} and {@code X-Real-Ip} headers as Traefik sets them with its default
 * (untrusted) forwarded-headers settings: first every incoming managed X- header is deleted,
 * including underscore spellings such as {@code X_Forwarded_For} (Traefik's {@code
 * DeleteXForwardedHeaders}); then {@code X-Real-Ip} = client IP, {@code X-Forwarded-Proto} = http,
 * https, ws or wss, {@code X-Forwarded-Port} = the Host's port or 80/443, {@code X-Forwarded-Host} =
 * Host, {@code X-Forwarded-Server} = this host's name, and {@code X-Forwarded-For} = client IP
 * (Go's reverse proxy appends to the list the middleware already emptied).
 */
final class ForwardedHeaders {
  private static final Set<String> MANAGED = Set.of(
      "x-forwarded-proto", "x-forwarded-scheme", "x-forwarded-for", "x-forwarded-host",
      "x-forwarded-port", "x-forwarded-server", "x-forwarded-uri", "x-forwarded-method",
      "x-forwarded-prefix", "x-forwarded-tls-client-cert", "x-forwarded-tls-client-cert-info",
      "x-scheme", "x-real-ip");

  private ForwardedHeaders() {}

  static boolean isManaged(String name) {
    return MANAGED.contains(name.replace('_', '-').toLowerCase(Locale.ROOT));
  }

  static boolean isWebSocket(HttpHeaders h) {
    return h.containsValue(HttpHeaderNames.CONNECTION, "upgrade", true)
        && h.containsValue(HttpHeaderNames.UPGRADE, "websocket", true);
  }

  /**
   * @param host the client's Host (after absolute-form resolution), possibly empty
   * @param clientIp the TCP peer's IP without zone
   */
  static void apply(HttpHeaders h, String host, String clientIp, boolean tls, boolean webSocket,
      String serverName) {
    List<String> remove = new ArrayList<>();
    for (Map.Entry<String, String> e : h) {
      String key = e.getKey();
      if ((key.charAt(0) == 'x' || key.charAt(0) == 'X')
          && MANAGED.contains(key.replace('_', '-').toLowerCase(Locale.ROOT))) {
        remove.add(key);
      }
    }
    remove.forEach(h::remove);
    h.set("X-Real-Ip", clientIp);
    h.set("X-Forwarded-Proto", webSocket ? (tls ? "wss" : "ws") : (tls ? "https" : "http"));
    h.set("X-Forwarded-Port", port(host, tls));
    if (!host.isEmpty()) {
      h.set("X-Forwarded-Host", host);
    }
    h.set("X-Forwarded-Server", serverName);
    h.set("X-Forwarded-For", clientIp);
  }

  /** Go's {@code forwardedPort}: the port in Host if it has one, else 443 on TLS, else 80. */
  static String port(String host, boolean tls) {
    int colon = host.lastIndexOf(':');
    int bracket = host.lastIndexOf(']');
    if (colon > bracket && colon < host.length() - 1) {
      return host.substring(colon + 1);
    }
    return tls ? "443" : "80";
  }

  /** The client IP as Go prints it: no brackets, no IPv6 zone. */
  static String clientIp(java.net.InetSocketAddress address) {
    String ip = address.getAddress() != null ? address.getAddress().getHostAddress()
        : address.getHostString();
    int zone = ip.indexOf('%');
    return zone < 0 ? ip : ip.substring(0, zone);
  }
}
