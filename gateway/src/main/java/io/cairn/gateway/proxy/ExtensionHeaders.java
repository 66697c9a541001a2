package io.cairn.gateway.proxy;

import io.netty.handler.codec.http.HttpHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Netty's HTTP/2-to-HTTP conversion adds {@code x-http2-*} extension headers (stream id, scheme,
 * …) to what it decodes; they describe our hop, not the message, so they never leave the proxy.
 */
final class ExtensionHeaders {
  private ExtensionHeaders() {}

  static void strip(HttpHeaders h) {
    List<String> names = new ArrayList<>();
    for (Map.Entry<String, String> e : h) {
      if (e.getKey().regionMatches(true, 0, "x-http2-", 0, 8)) {
        names.add(e.getKey());
      }
    }
    names.forEach(h::remove);
  }
}
