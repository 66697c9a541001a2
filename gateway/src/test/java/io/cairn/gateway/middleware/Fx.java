package io.cairn.gateway.middleware;

import io.cairn.gateway.config.Headers;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Test fixtures: exchanges and configuration records with Traefik's defaults. */
final class Fx {
  private Fx() {}

  static Exchange get(String url) {
    return req("GET", url);
  }

  /** An exchange for {@code METHOD scheme://host[:port]/target}; https means TLS. */
  static Exchange req(String method, String url) {
    int schemeEnd = url.indexOf("://");
    String scheme = url.substring(0, schemeEnd);
    String rest = url.substring(schemeEnd + 3);
    int slash = rest.indexOf('/');
    int q = rest.indexOf('?');
    int cut = slash < 0 ? (q < 0 ? rest.length() : q) : (q >= 0 && q < slash ? q : slash);
    String host = rest.substring(0, cut);
    String target = rest.substring(cut);
    if (target.isEmpty() || target.startsWith("?")) {
      target = "/" + target;
    }
    return new Exchange(method, scheme, host, target, new HeaderMap(), "192.0.2.10", 34567, scheme.equals("https"));
  }

  static Exchange fromIp(String remoteIp) {
    return new Exchange("GET", "http", "localhost", "/", new HeaderMap(), remoteIp, 1234, false);
  }

  /** A {@code headers} record with every option at its default but those in {@code set}. */
  static Headers headers(Map<String, Object> set) {
    RecordComponent[] comps = Headers.class.getRecordComponents();
    Object[] args = new Object[comps.length];
    Class<?>[] types = new Class<?>[comps.length];
    for (int i = 0; i < comps.length; i++) {
      types[i] = comps[i].getType();
      Object v = set.get(comps[i].getName());
      if (v == null) {
        Class<?> t = types[i];
        v = t == boolean.class ? false : t == long.class ? 0L : t == String.class ? "" : t == List.class ? List.of() : Map.of();
      }
      args[i] = v;
    }
    try {
      return Headers.class.getDeclaredConstructor(types).newInstance(args);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  static final Function<String, Middleware> NO_REFS = n -> null;

  static Middleware build(io.cairn.gateway.config.Middleware cfg) {
    return MiddlewareFactory.standard().build("test", cfg, NO_REFS);
  }

  /** Runs {@code m} on {@code ex} and, when it goes on, a 200 response with {@code upstream} headers. */
  static ResponseHead run(Middleware m, Exchange ex, HeaderMap upstream) {
    Outcome o = m.onRequest(ex);
    ResponseHead head = o instanceof Outcome.Respond r
        ? new ResponseHead(r.status(), new HeaderMap(r.headers()))
        : new ResponseHead(200, upstream);
    if (!(o instanceof Outcome.Respond)) {
      m.onResponse(ex, head);
    }
    return head;
  }
}
