package io.cairn.gateway.server;

import io.cairn.gateway.proxy.BodyFilter;
import io.cairn.gateway.proxy.ExchangeHooks;
import io.cairn.gateway.proxy.UpstreamTransport;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where a routed request goes: forwarded to an upstream, answered on the spot with bytes,
 * answered with a body the server streams (files), or answered once something it waits on is done.
 */
public sealed interface Target {

  /**
   * Forward the request to an upstream, streaming both bodies.
   *
   * @param upstream {@code http://host:port} (HTTP/1.1), {@code h2c://host:port} (HTTP/2 with prior
   *     knowledge) or {@code https://host:port} (TLS, ALPN h2 then http/1.1); a path, query or user
   *     info is not allowed (the request's own path is sent unchanged)
   * @param passHostHeader send the client's {@code Host} (Traefik's default, true) or the upstream's
   *     authority
   * @param hooks the routing layer's request/response edits and outcome callback
   * @param transport the upstream's TLS and timeout settings (Traefik's serversTransport)
   */
  record Proxy(URI upstream, boolean passHostHeader, ExchangeHooks hooks,
      UpstreamTransport transport) implements Target {
    private static final java.util.Set<String> SCHEMES = java.util.Set.of("http", "https", "h2c");

    /** A proxy target with the default transport. */
    public Proxy(URI upstream, boolean passHostHeader, ExchangeHooks hooks) {
      this(upstream, passHostHeader, hooks, UpstreamTransport.DEFAULT);
    }

    /** A proxy target without hooks. */
    public Proxy(URI upstream, boolean passHostHeader) {
      this(upstream, passHostHeader, ExchangeHooks.NONE);
    }

    public Proxy {
      Objects.requireNonNull(upstream, "upstream");
      Objects.requireNonNull(hooks, "hooks");
      Objects.requireNonNull(transport, "transport");
      Checks.requireArgument(
          upstream.getScheme() != null
              && SCHEMES.contains(upstream.getScheme().toLowerCase(java.util.Locale.ROOT)),
          "upstream %s has scheme %s; expected http, https or h2c", upstream, upstream.getScheme());
      Checks.requireArgument(
          upstream.getHost() != null && !upstream.getHost().isEmpty(),
          "upstream %s has no host; expected http://host:port", upstream);
      Checks.requireArgument(
          upstream.getRawPath() == null || upstream.getRawPath().isEmpty()
              || upstream.getRawPath().equals("/"),
          "upstream %s has a path; expected http://host:port only", upstream);
      Checks.requireArgument(
          upstream.getRawQuery() == null && upstream.getRawUserInfo() == null,
          "upstream %s has a query or user info; expected http://host:port only", upstream);
    }

    /** Proxy to {@code upstream} passing the client's Host header (Traefik's default). */
    public static Proxy to(URI upstream) {
      return new Proxy(upstream, true);
    }

    /** The upstream's port, 80 (443 for https) when the URI names none. */
    public int port() {
      return upstream.getPort() >= 0 ? upstream.getPort()
          : "https".equalsIgnoreCase(upstream.getScheme()) ? 443 : 80;
    }
  }

  /**
   * Answer directly with a complete response; the request body, if any, is read and dropped.
   *
   * @param status an HTTP status code, 200..599
   * @param headers response headers, one value each (names case-insensitive; Content-Length is
   *     computed and must not be given; Set-Cookie goes in {@code setCookies})
   * @param body the body bytes, possibly empty; the array is not copied and must not be mutated
   * @param setCookies {@code Set-Cookie} values, each sent as its own header line (cookies cannot be
   *     joined with commas as other repeated headers can, RFC 9110 section 5.3)
   */
  record Respond(int status, Map<String, String> headers, byte[] body, List<String> setCookies)
      implements Target {
    public Respond {
      Checks.requireArgument(
          status >= 200 && status <= 599, "status %s is out of range; expected 200..599", status);
      headers = Map.copyOf(headers);
      Objects.requireNonNull(body, "body");
      setCookies = List.copyOf(setCookies);
      checkHeaderNames(headers, "Respond");
    }

    /** An answer without cookies. */
    public Respond(int status, Map<String, String> headers, byte[] body) {
      this(status, headers, body, List.of());
    }

    /** A {@code text/plain; charset=utf-8} answer, the way Go's {@code http.Error} writes one. */
    public static Respond text(int status, String body) {
      return new Respond(
          status,
          Map.of("Content-Type", "text/plain; charset=utf-8", "X-Content-Type-Options", "nosniff"),
          body.getBytes(StandardCharsets.UTF_8));
    }

    /** Traefik's answer when no router matches: {@code 404 page not found\n}. */
    public static Respond notFound() {
      return text(404, "404 page not found\n");
    }
  }

  /**
   * Answer with a body streamed from its parts (files are read piece by piece, never held in
   * memory); the request body, if any, is read and dropped. HTTP/1.1 cleartext sends a single file
   * part with zero-copy {@code sendfile}; TLS, HTTP/2, several parts or a filter use chunked reads
   * of {@value #CHUNK_SIZE} bytes, written only while the client keeps up. {@code HEAD} gets the
   * head only. A file that cannot be opened when the answer starts gives 404 (gone) or 500.
   *
   * @param status an HTTP status code, 200..599 (204 and 304 are sent without a body)
   * @param headers response headers; Content-Length is computed (the parts' total) unless a filter
   *     is set, and must not be given
   * @param parts the body, in order
   * @param filter what the body goes through (compression), {@link BodyFilter#NONE} for nothing;
   *     the server closes it when the answer ends or fails
   * @param setCookies {@code Set-Cookie} values, each sent as its own header line (as for {@link
   *     Respond}; Set-Cookie must not be in {@code headers})
   */
  record Stream(int status, Map<String, String> headers, List<Part> parts, BodyFilter filter,
      List<String> setCookies) implements Target {
    /** Bytes read from a file at a time. */
    public static final int CHUNK_SIZE = 32 * 1024;

    public Stream {
      Checks.requireArgument(
          status >= 200 && status <= 599, "status %s is out of range; expected 200..599", status);
      headers = Map.copyOf(headers);
      parts = List.copyOf(parts);
      Objects.requireNonNull(filter, "filter");
      setCookies = List.copyOf(setCookies);
      checkHeaderNames(headers, "Stream");
    }

    /** A streamed answer without cookies. */
    public Stream(int status, Map<String, String> headers, List<Part> parts, BodyFilter filter) {
      this(status, headers, parts, filter, List.of());
    }

    /** The body's length before any filter. */
    public long length() {
      long n = 0;
      for (Part p : parts) {
        n += switch (p) {
          case Part.Bytes b -> b.bytes().length;
          case Part.FileRange f -> f.length();
        };
      }
      return n;
    }
  }

  /**
   * Answer later, once {@code start} (called on the request's event loop) completes with a {@link
   * Respond} or a {@link Stream}: for answers that first wait on something else without blocking the
   * loop (a forwardAuth call, a rate-limit delay before a file). The request body is read and
   * dropped meanwhile. A failed stage, or one that completes with a {@link Proxy} or another
   * Deferred, is answered 500. If the client has gone when the stage completes, nothing is written
   * (a Stream's filter is closed).
   */
  record Deferred(java.util.function.Function<io.netty.channel.EventLoop, java.util.concurrent.CompletionStage<Target>> start)
      implements Target {
    public Deferred {
      Objects.requireNonNull(start, "start");
    }
  }

  /** A piece of a {@link Stream}'s body. */
  sealed interface Part {
    /** Literal bytes (not copied; must not be mutated). */
    record Bytes(byte[] bytes) implements Part {
      public Bytes {
        Objects.requireNonNull(bytes, "bytes");
      }
    }

    /** {@code length} bytes of {@code file} from {@code offset}. */
    record FileRange(Path file, long offset, long length) implements Part {
      public FileRange {
        Objects.requireNonNull(file, "file");
        Checks.requireArgument(offset >= 0 && length >= 0,
            "file range %s+%s is negative; expected offset >= 0 and length >= 0", offset, length);
      }
    }
  }

  /** Content-Length is the server's to compute, and Set-Cookie values travel apart (one line each). */
  private static void checkHeaderNames(Map<String, String> headers, String kind) {
    for (String name : headers.keySet()) {
      Checks.requireArgument(
          !name.equalsIgnoreCase("content-length"),
          "%s computes Content-Length itself; remove header %s", kind, name);
      Checks.requireArgument(
          !name.equalsIgnoreCase("set-cookie"),
          "%s takes Set-Cookie values in setCookies, one per cookie; remove header %s", kind, name);
    }
  }
}
