package io.cairn.gateway.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Decodes {@code http.middlewares.NAME}: exactly one kind, with Traefik's defaults. */
final class MiddlewareDecoder {
  static final List<String> KINDS = List.of("addPrefix", "stripPrefix", "stripPrefixRegex", "replacePath",
      "replacePathRegex", "chain", "ipAllowList", "headers", "errors", "rateLimit", "redirectRegex",
      "redirectScheme", "basicAuth", "forwardAuth", "inFlightReq", "buffering", "circuitBreaker", "compress",
      "retry");
  static final List<String> UNSUPPORTED = List.of("digestAuth", "passTLSClientCert", "contentType", "grpcWeb",
      "plugin", "ipWhiteList");

  private MiddlewareDecoder() {}

  static Middleware middleware(Fields f, String name) {
    for (String kind : UNSUPPORTED) {
      if (f.raw(kind) != null) {
        f.problems().add(f.key(kind), "the " + kind + " middleware is not supported by cairn");
        return null;
      }
    }
    List<String> present = new ArrayList<>();
    for (String kind : KINDS) {
      if (f.raw(kind) != null) {
        present.add(kind);
      }
    }
    if (present.size() != 1) {
      if (present.size() > 1) {
        f.problems().add(f.path(), "a middleware needs exactly one kind, got " + present.size() + ": " + String.join(", ", present));
      } else {
        f.problems().add(f.path(), "a middleware needs exactly one kind (" + String.join(", ", KINDS) + "), got none");
      }
      return null;
    }
    String kind = present.getFirst();
    Optional<Fields> body = f.object(kind, kind.equals("compress"));
    if (body.isEmpty()) {
      return null;
    }
    Fields b = body.get();
    Middleware m = decode(kind, b);
    b.finish();
    return m;
  }

  private static Middleware decode(String kind, Fields b) {
    return switch (kind) {
      case "addPrefix" -> new Middleware.AddPrefix(b.string("prefix", ""));
      case "stripPrefix" -> {
        b.raw("forceSlash"); // deprecated in Traefik v2, no effect; accepted
        yield new Middleware.StripPrefix(b.strings("prefixes"));
      }
      case "stripPrefixRegex" -> new Middleware.StripPrefixRegex(b.strings("regex"));
      case "replacePath" -> new Middleware.ReplacePath(b.string("path", ""));
      case "replacePathRegex" -> new Middleware.ReplacePathRegex(b.string("regex", ""), b.string("replacement", ""));
      case "chain" -> new Middleware.Chain(b.strings("middlewares"));
      case "ipAllowList" -> {
        int status = b.integer("rejectStatusCode", 0);
        yield new Middleware.IpAllowList(b.strings("sourceRange"), ipStrategy(b),
            status == 0 ? Middleware.IpAllowList.DEFAULT_REJECT_STATUS : status);
      }
      case "headers" -> HeadersDecoder.headers(b);
      case "errors" -> new Middleware.Errors(b.strings("status"), b.string("service", ""), b.string("query", ""));
      case "rateLimit" -> new Middleware.RateLimit(b.longValue("average", 0),
          b.duration("period", Middleware.RateLimit.DEFAULT_PERIOD), b.longValue("burst", Middleware.RateLimit.DEFAULT_BURST),
          sourceCriterion(b));
      case "redirectRegex" -> new Middleware.RedirectRegex(b.string("regex", ""), b.string("replacement", ""),
          b.bool("permanent", false));
      case "redirectScheme" -> new Middleware.RedirectScheme(b.string("scheme", ""), b.string("port", ""),
          b.bool("permanent", false));
      case "basicAuth" -> new Middleware.BasicAuth(b.strings("users"), b.string("usersFile", ""),
          b.string("realm", Middleware.BasicAuth.DEFAULT_REALM), b.bool("removeHeader", false), b.string("headerField", ""));
      case "forwardAuth" -> forwardAuth(b);
      case "inFlightReq" -> new Middleware.InFlightReq(b.longValue("amount", 0), sourceCriterion(b));
      case "buffering" -> new Middleware.Buffering(b.longValue("maxRequestBodyBytes", 0),
          b.longValue("memRequestBodyBytes", Middleware.Buffering.DEFAULT_MEM_BYTES), b.longValue("maxResponseBodyBytes", 0),
          b.longValue("memResponseBodyBytes", Middleware.Buffering.DEFAULT_MEM_BYTES), b.string("retryExpression", ""));
      case "circuitBreaker" -> new Middleware.CircuitBreaker(b.string("expression", ""),
          b.duration("checkPeriod", Middleware.CircuitBreaker.DEFAULT_CHECK_PERIOD),
          b.duration("fallbackDuration", Middleware.CircuitBreaker.DEFAULT_FALLBACK),
          b.duration("recoveryDuration", Middleware.CircuitBreaker.DEFAULT_RECOVERY),
          b.integer("responseCode", Middleware.CircuitBreaker.DEFAULT_RESPONSE_CODE));
      case "compress" -> new Middleware.Compress(b.strings("excludedContentTypes"), b.strings("includedContentTypes"),
          b.integer("minResponseBodyBytes", Middleware.Compress.DEFAULT_MIN_BYTES),
          b.has("encodings") ? b.strings("encodings") : Middleware.Compress.DEFAULT_ENCODINGS,
          b.string("defaultEncoding", ""));
      case "retry" -> new Middleware.Retry(b.integer("attempts", 0), b.duration("initialInterval", Duration.ZERO));
      default -> throw new IllegalStateException("kind listed but not decoded: " + kind);
    };
  }

  private static Middleware.ForwardAuth forwardAuth(Fields b) {
    Optional<Middleware.ClientTls> tls = b.object("tls", false).map(t -> {
      t.raw("caOptional"); // deprecated in Traefik v3, no effect; accepted
      Middleware.ClientTls c = new Middleware.ClientTls(t.string("ca", ""), t.string("cert", ""), t.string("key", ""),
          t.bool("insecureSkipVerify", false));
      t.finish();
      return c;
    });
    return new Middleware.ForwardAuth(b.string("address", ""), tls, b.bool("trustForwardHeader", false),
        b.strings("authResponseHeaders"), b.string("authResponseHeadersRegex", ""), b.strings("authRequestHeaders"),
        b.strings("addAuthCookiesToResponse"), b.string("headerField", ""), b.bool("forwardBody", false),
        b.longValue("maxBodySize", -1), b.bool("preserveLocationHeader", false));
  }

  private static Optional<Middleware.IpStrategy> ipStrategy(Fields f) {
    return f.object("ipStrategy", true).map(s -> {
      Middleware.IpStrategy strategy = new Middleware.IpStrategy(s.integer("depth", 0), s.strings("excludedIPs"));
      s.finish();
      return strategy;
    });
  }

  private static Optional<Middleware.SourceCriterion> sourceCriterion(Fields f) {
    return f.object("sourceCriterion", false).map(s -> {
      Middleware.SourceCriterion c = new Middleware.SourceCriterion(ipStrategy(s), s.string("requestHeaderName", ""),
          s.bool("requestHost", false));
      s.finish();
      return c;
    });
  }
}
