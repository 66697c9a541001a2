package io.cairn.gateway.compress;

import io.cairn.gateway.config.Middleware;
import io.cairn.gateway.proxy.BodyFilter;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@code compress} middleware's policy, in two steps: {@link #negotiate} on the request (method,
 * request {@code Content-Type}, {@code Accept-Encoding}) and {@link #start} on the response head
 * (status, {@code Content-Encoding}, {@code Content-Type}, {@code Content-Length}), which edits the
 * head and returns the body filter. Immutable and thread-safe.
 */
public final class Compression {
  private static final Map<Middleware.Compress, Compression> CACHE = new ConcurrentHashMap<>();

  private final List<MediaType> excluded;
  private final List<MediaType> included;
  private final int minSize;
  private final List<Encoding> encodings;
  private final Optional<Encoding> defaultEncoding;

  private Compression(List<MediaType> excluded, List<MediaType> included, int minSize,
      List<Encoding> encodings, Optional<Encoding> defaultEncoding) {
    this.excluded = excluded;
    this.included = included;
    this.minSize = minSize;
    this.encodings = encodings;
    this.defaultEncoding = defaultEncoding;
  }

  /**
   * The policy of {@code config}, checked as Traefik's {@code compress.New} checks it.
   *
   * @throws IllegalArgumentException naming the bad option
   */
  public static Compression of(Middleware.Compress config) {
    Compression known = CACHE.get(config);
    if (known != null) {
      return known;
    }
    if (!config.excludedContentTypes().isEmpty() && !config.includedContentTypes().isEmpty()) {
      throw new IllegalArgumentException("excludedContentTypes and includedContentTypes options are mutually exclusive");
    }
    List<MediaType> excluded = new ArrayList<>(List.of(new MediaType("application/grpc", Map.of())));
    for (String t : config.excludedContentTypes()) {
      excluded.add(MediaType.parse(t).orElseThrow(() -> new IllegalArgumentException(
          "parsing excluded media type: \"" + t + "\" is not type/subtype[; name=value]")));
    }
    List<MediaType> included = new ArrayList<>();
    for (String t : config.includedContentTypes()) {
      included.add(MediaType.parse(t).orElseThrow(() -> new IllegalArgumentException(
          "parsing included media type: \"" + t + "\" is not type/subtype[; name=value]")));
    }
    if (config.encodings().isEmpty()) {
      throw new IllegalArgumentException("at least one encoding must be specified");
    }
    List<Encoding> encodings = new ArrayList<>();
    for (String e : config.encodings()) {
      encodings.add(Encoding.byToken(e).orElseThrow(() -> new IllegalArgumentException(
          "unsupported encoding: " + e + " (expected zstd, br or gzip)")));
    }
    Optional<Encoding> def = Optional.empty();
    if (!config.defaultEncoding().isEmpty()) {
      def = Encoding.byToken(config.defaultEncoding()).filter(encodings::contains);
      if (def.isEmpty()) {
        throw new IllegalArgumentException("unsupported default encoding: " + config.defaultEncoding()
            + " (expected one of encodings " + config.encodings() + ")");
      }
    }
    int min = config.minResponseBodyBytes() > 0 ? config.minResponseBodyBytes() : Middleware.Compress.DEFAULT_MIN_BYTES;
    Compression c = new Compression(List.copyOf(excluded), List.copyOf(included), min, List.copyOf(encodings), def);
    if (CACHE.size() > 1024) {
      CACHE.clear(); // configurations come and go with reloads; keep the cache small
    }
    CACHE.put(config, c);
    return c;
  }

  /**
   * The request side: the encoding to compress the response with, or empty. Not for {@code HEAD},
   * nor when the request's {@code Content-Type} is excluded ({@code application/grpc} always is);
   * without {@code Accept-Encoding} only a configured {@code defaultEncoding} is used.
   *
   * @param acceptEncoding the request's {@code Accept-Encoding} lines; empty list when absent
   */
  public Optional<Encoding> negotiate(String method, String requestContentType, List<String> acceptEncoding) {
    if (method.equals("HEAD")) {
      return Optional.empty();
    }
    Optional<MediaType> type = requestContentType == null ? Optional.empty() : MediaType.parse(requestContentType);
    if (type.isPresent() && excluded.stream().anyMatch(x -> x.type().equals(type.get().type()))) {
      return Optional.empty();
    }
    if (acceptEncoding.isEmpty()) {
      return defaultEncoding;
    }
    return AcceptEncoding.choose(acceptEncoding, encodings, defaultEncoding);
  }

  /**
   * The response side, once an encoding was negotiated: adds {@code Vary: Accept-Encoding} and,
   * when the response is to be compressed, sets {@code Content-Encoding}, removes {@code
   * Content-Length} (and {@code Accept-Ranges}) and returns the filter; else {@link BodyFilter#NONE}.
   * Not compressed: bodiless statuses (1xx, 204, 304), a response that already has a {@code
   * Content-Encoding} or a {@code Content-Range}, an excluded or not included or unparsable {@code
   * Content-Type}, a known {@code Content-Length} below {@code minResponseBodyBytes}.
   *
   * @param flushEachPiece flush the codec after every body piece (proxied streams)
   */
  public BodyFilter start(Encoding encoding, int status, HttpHeaders headers, boolean flushEachPiece) {
    if (!headers.containsValue(HttpHeaderNames.VARY, "Accept-Encoding", true)) {
      headers.add(HttpHeaderNames.VARY, "Accept-Encoding");
    }
    if (status < 200 || status == 204 || status == 304
        || !headers.get(HttpHeaderNames.CONTENT_ENCODING, "").isEmpty()
        || headers.contains(HttpHeaderNames.CONTENT_RANGE)) {
      return BodyFilter.NONE;
    }
    String ct = headers.get(HttpHeaderNames.CONTENT_TYPE, "");
    if (!ct.isEmpty()) {
      Optional<MediaType> type = MediaType.parse(ct);
      if (type.isEmpty()
          || !included.isEmpty() && included.stream().noneMatch(p -> p.matches(type.get()))
          || excluded.stream().anyMatch(p -> p.matches(type.get()))) {
        return BodyFilter.NONE;
      }
    }
    String length = headers.get(HttpHeaderNames.CONTENT_LENGTH);
    if (length != null) {
      try {
        if (Long.parseLong(length.strip()) < minSize) {
          return BodyFilter.NONE;
        }
      } catch (NumberFormatException e) {
        return BodyFilter.NONE;
      }
    }
    headers.remove(HttpHeaderNames.CONTENT_LENGTH);
    headers.remove(HttpHeaderNames.ACCEPT_RANGES);
    headers.set(HttpHeaderNames.CONTENT_ENCODING, encoding.token());
    return new CompressFilter(encoding, flushEachPiece);
  }

  /** The configured encodings, in preference order. */
  public List<Encoding> encodings() {
    return encodings;
  }
}
