package io.cairn.gateway.runtime;

import io.cairn.gateway.compress.Compression;
import io.cairn.gateway.compress.Encoding;
import io.cairn.gateway.config.Middleware;
import io.cairn.gateway.config.Service;
import io.cairn.gateway.files.FileServer;
import io.cairn.gateway.files.FileServerSpec;
import io.cairn.gateway.middleware.Chain;
import io.cairn.gateway.middleware.Completion;
import io.cairn.gateway.middleware.Deferred;
import io.cairn.gateway.middleware.Exchange;
import io.cairn.gateway.middleware.HeaderMap;
import io.cairn.gateway.middleware.ResponseHead;
import io.cairn.gateway.proxy.BodyFilter;
import io.cairn.gateway.server.RequestHead;
import io.cairn.gateway.server.Target;
import io.cairn.gateway.service.FileServerService;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The gateway's side of {@code fileServer} services and of the {@code compress} middleware: builds
 * the file server of a service, answers a routed request from it (with the path as the router's
 * middlewares rewrote it, e.g. after {@code stripPrefix}, and their response edits), and finds
 * the compression a router's chain asks for (the first {@code compress} in it).
 */
final class FileAnswers {
  private FileAnswers() {}

  /** A chain's compress policy and the encoding negotiated for one request. */
  record Compress(Compression policy, Encoding encoding) {}

  static FileServerService service(String name, Service.FileServer fs) {
    List<Encoding> encodings = fs.precompressed().stream()
        .map(e -> Encoding.byToken(e).orElseThrow(() -> new IllegalArgumentException("unsupported precompressed encoding " + e)))
        .toList();
    return new FileServerService(name, new FileServer(
        new FileServerSpec(Path.of(fs.root()), fs.index(), fs.browse(), encodings, List.of())));
  }

  /** The compression for {@code head} under {@code chain}, or empty (no compress middleware, or nothing negotiated). */
  static Optional<Compress> compression(Chain chain, RequestHead head) {
    for (Deferred d : chain.deferred()) {
      if (d.config() instanceof Middleware.Compress c) {
        Compression policy;
        try {
          policy = Compression.of(c);
        } catch (IllegalArgumentException e) {
          return Optional.empty(); // Traefik refuses such a middleware; the validator reports it
        }
        return policy.negotiate(head.method(), head.headers().get(HttpHeaderNames.CONTENT_TYPE),
                head.headers().getAll(HttpHeaderNames.ACCEPT_ENCODING))
            .map(e -> new Compress(policy, e));
      }
    }
    return Optional.empty();
  }

  /**
   * Answers a routed request from a file server; completes the middlewares' exchange.
   *
   * @param authCookies forwardAuth's {@code Set-Cookie} values for the response ({@code
   *     addAuthCookiesToResponse}), added to a streamed answer as to a proxied one
   */
  static Target serve(FileServerService files, RequestHead head, Exchange exchange, Chain chain, List<String> authCookies) {
    Target t = files.files().serve(head.method(), exchange.requestUri(), head.headers());
    if (!(t instanceof Target.Stream s)) {
      exchange.complete(new Completion(t instanceof Target.Respond r ? r.status() : 200, false, Duration.ZERO));
      return t;
    }
    HeaderMap map = new HeaderMap();
    s.headers().forEach(map::add);
    authCookies.forEach(c -> map.add("Set-Cookie", c));
    ResponseHead response = new ResponseHead(s.status(), map);
    chain.onResponse(exchange, response);
    HttpHeaders h = new DefaultHttpHeaders();
    response.headers().forEach((k, v) -> {
      if (!k.equalsIgnoreCase("content-length")) {
        h.add(k, v);
      }
    });
    int status = response.status();
    BodyFilter filter = BodyFilter.NONE;
    Optional<Compress> compress = compression(chain, head);
    if (compress.isPresent()) {
      h.set(HttpHeaderNames.CONTENT_LENGTH, s.length());
      filter = compress.get().policy().start(compress.get().encoding(), status, h, false);
      h.remove(HttpHeaderNames.CONTENT_LENGTH);
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (String name : h.names()) {
      if (!name.equalsIgnoreCase("set-cookie")) {
        out.put(name, String.join(", ", h.getAll(name)));
      }
    }
    exchange.complete(new Completion(status, false, Duration.ZERO));
    return new Target.Stream(status, out, s.parts(), filter, h.getAll(HttpHeaderNames.SET_COOKIE));
  }
}
