package io.cairn.kv.server;

import io.cairn.common.config.HostPort;
import io.cairn.common.config.ValueParser;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** etcd's URL-list and initial-cluster settings. */
final class Urls {
  private Urls() {}

  /** A comma-separated list of {@code http://host:port} or {@code https://host:port} URLs, as etcd's. */
  static ValueParser<List<String>> list() {
    return text -> {
      List<String> out = new ArrayList<>();
      for (String part : text.split(",")) {
        out.add(check(part.strip()));
      }
      return List.copyOf(out);
    };
  }

  /** Whether {@code url} is an {@code https://} URL. */
  static boolean isHttps(String url) {
    return "https".equals(URI.create(url).getScheme());
  }

  /** {@code name=url,name=url}, as etcd's {@code --initial-cluster}; a name may repeat for several URLs. */
  static ValueParser<Map<String, List<String>>> cluster() {
    return text -> {
      Map<String, List<String>> out = new LinkedHashMap<>();
      for (String part : text.split(",")) {
        int eq = part.indexOf('=');
        if (eq <= 0) {
          throw new IllegalArgumentException("expected name=http://host:port[,name=http://host:port...]");
        }
        out.computeIfAbsent(part.substring(0, eq).strip(), k -> new ArrayList<>())
            .add(check(part.substring(eq + 1).strip()));
      }
      return Map.copyOf(out);
    };
  }

  static String check(String url) {
    URI u;
    try {
      u = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("expected URLs like http://127.0.0.1:2379");
    }
    if (!("http".equals(u.getScheme()) || "https".equals(u.getScheme())) || u.getHost() == null || u.getPort() < 0 || u.getPort() > 65535) {
      throw new IllegalArgumentException("expected URLs like http://127.0.0.1:2379");
    }
    return url;
  }

  /** Where to listen for a URL; {@code localhost} binds the IPv4 loopback, as etcd does. */
  static HostPort listen(String url) {
    URI u = URI.create(url);
    String host = u.getHost().equals("localhost") ? "127.0.0.1" : u.getHost();
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    return new HostPort(host, u.getPort());
  }
}
