package io.cairn.gateway.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An HTTP middleware ({@code http.middlewares.NAME}): exactly one kind, with Traefik's option
 * names and defaults ({@code pkg/config/dynamic/middlewares.go} and the middlewares' own
 * defaults). The decoder refuses none or several kinds. The {@code headers} kind is {@link
 * Headers} (it has thirty options); the rest are here.
 *
 * <p>Not supported (refused by the decoder with a message saying so): {@code digestAuth}, {@code
 * passTLSClientCert}, {@code contentType}, {@code grpcWeb}, {@code plugin}.
 */
public sealed interface Middleware permits Headers, Middleware.AddPrefix, Middleware.StripPrefix,
    Middleware.StripPrefixRegex, Middleware.ReplacePath, Middleware.ReplacePathRegex, Middleware.Chain,
    Middleware.IpAllowList, Middleware.Errors, Middleware.RateLimit, Middleware.RedirectRegex,
    Middleware.RedirectScheme, Middleware.BasicAuth, Middleware.ForwardAuth, Middleware.InFlightReq,
    Middleware.Buffering, Middleware.CircuitBreaker, Middleware.Compress, Middleware.Retry {

  /** {@code addPrefix.prefix}: put before the path (should start with {@code /}). */
  record AddPrefix(String prefix) implements Middleware {
    public AddPrefix {
      Objects.requireNonNull(prefix, "prefix");
    }
  }

  /** {@code stripPrefix.prefixes}: the first matching prefix is removed from the path. */
  record StripPrefix(List<String> prefixes) implements Middleware {
    public StripPrefix {
      prefixes = Checks.list(prefixes);
    }
  }

  /** {@code stripPrefixRegex.regex}: the first regex matching a path prefix removes it. */
  record StripPrefixRegex(List<String> regex) implements Middleware {
    public StripPrefixRegex {
      regex = Checks.list(regex);
    }
  }

  /** {@code replacePath.path}: the new path (the old one goes to {@code X-Replaced-Path}). */
  record ReplacePath(String path) implements Middleware {
    public ReplacePath {
      Objects.requireNonNull(path, "path");
    }
  }

  /** {@code replacePathRegex}: path rewritten by regex and replacement ({@code $1} groups). */
  record ReplacePathRegex(String regex, String replacement) implements Middleware {
    public ReplacePathRegex {
      Objects.requireNonNull(regex, "regex");
      Objects.requireNonNull(replacement, "replacement");
    }
  }

  /** {@code chain.middlewares}: other middlewares applied in order. */
  record Chain(List<String> middlewares) implements Middleware {
    public Chain {
      middlewares = Checks.list(middlewares);
    }
  }

  /**
   * {@code ipAllowList}: only clients in {@code sourceRange} (IPs or CIDRs) pass.
   *
   * @param rejectStatusCode status for refused clients (default 403; 0 in the file also means 403)
   */
  record IpAllowList(List<String> sourceRange, Optional<IpStrategy> ipStrategy, int rejectStatusCode)
      implements Middleware {
    public static final int DEFAULT_REJECT_STATUS = 403;

    public IpAllowList {
      sourceRange = Checks.list(sourceRange);
      Objects.requireNonNull(ipStrategy, "ipStrategy");
    }
  }

  /**
   * How the client IP is found: {@code depth} > 0 takes that position from the right of {@code
   * X-Forwarded-For}; else the first entry not in {@code excludedIPs}; else the peer address.
   */
  record IpStrategy(int depth, List<String> excludedIPs) {
    public IpStrategy {
      excludedIPs = Checks.list(excludedIPs);
    }
  }

  /**
   * What groups requests as one source for {@code rateLimit} and {@code inFlightReq}; at most one
   * criterion may be set. None set means the peer address (an {@code ipStrategy} of its own).
   */
  record SourceCriterion(Optional<IpStrategy> ipStrategy, String requestHeaderName, boolean requestHost) {
    public SourceCriterion {
      Objects.requireNonNull(ipStrategy, "ipStrategy");
      Objects.requireNonNull(requestHeaderName, "requestHeaderName");
    }
  }

  /** {@code errors}: statuses ({@code "500-599"}, {@code "404,418"}) answered by {@code service}'s {@code query}. */
  record Errors(List<String> status, String service, String query) implements Middleware {
    public Errors {
      status = Checks.list(status);
      Objects.requireNonNull(service, "service");
      Objects.requireNonNull(query, "query");
    }
  }

  /**
   * {@code rateLimit}: a token bucket per source; rate = average / period.
   *
   * @param average requests per period; 0 (default) disables limiting
   * @param period default 1s
   * @param burst bucket size (default 1)
   */
  record RateLimit(long average, Duration period, long burst, Optional<SourceCriterion> sourceCriterion)
      implements Middleware {
    public static final Duration DEFAULT_PERIOD = Duration.ofSeconds(1);
    public static final long DEFAULT_BURST = 1;

    public RateLimit {
      Objects.requireNonNull(period, "period");
      Objects.requireNonNull(sourceCriterion, "sourceCriterion");
    }
  }

  /** {@code redirectRegex}: redirect to the URL rewritten by regex (301/308 if permanent, else 302/307). */
  record RedirectRegex(String regex, String replacement, boolean permanent) implements Middleware {
    public RedirectRegex {
      Objects.requireNonNull(regex, "regex");
      Objects.requireNonNull(replacement, "replacement");
    }
  }

  /** {@code redirectScheme}: redirect to {@code scheme} (and {@code port}, if given). */
  record RedirectScheme(String scheme, String port, boolean permanent) implements Middleware {
    public RedirectScheme {
      Objects.requireNonNull(scheme, "scheme");
      Objects.requireNonNull(port, "port");
    }
  }

  /**
   * {@code basicAuth}: {@code users} as {@code name:hash} (htpasswd: bcrypt, SHA1, MD5/apr1).
   *
   * @param realm default {@code traefik}
   * @param headerField header to put the user name into, or empty
   */
  record BasicAuth(List<String> users, String usersFile, String realm, boolean removeHeader, String headerField)
      implements Middleware {
    public static final String DEFAULT_REALM = "traefik";

    public BasicAuth {
      users = Checks.list(users);
      Objects.requireNonNull(usersFile, "usersFile");
      Objects.requireNonNull(realm, "realm");
      Objects.requireNonNull(headerField, "headerField");
    }
  }

  /**
   * {@code forwardAuth}: asks {@code address} whether to let the request through.
   *
   * @param addAuthCookiesToResponse names of the cookies copied from a 2xx auth answer to the
   *     response, replacing the service's cookies of those names
   * @param maxBodySize with {@code forwardBody}, the largest body forwarded; -1 (default) is no limit
   *     (cairn still holds at most 16 MiB)
   */
  record ForwardAuth(
      String address,
      Optional<ClientTls> tls,
      boolean trustForwardHeader,
      List<String> authResponseHeaders,
      String authResponseHeadersRegex,
      List<String> authRequestHeaders,
      List<String> addAuthCookiesToResponse,
      String headerField,
      boolean forwardBody,
      long maxBodySize,
      boolean preserveLocationHeader)
      implements Middleware {
    public ForwardAuth {
      Objects.requireNonNull(address, "address");
      Objects.requireNonNull(tls, "tls");
      authResponseHeaders = Checks.list(authResponseHeaders);
      Objects.requireNonNull(authResponseHeadersRegex, "authResponseHeadersRegex");
      authRequestHeaders = Checks.list(authRequestHeaders);
      addAuthCookiesToResponse = Checks.list(addAuthCookiesToResponse);
      Objects.requireNonNull(headerField, "headerField");
    }
  }

  /** TLS towards an auth server: CA, client certificate and key (file paths or PEM content). */
  record ClientTls(String ca, String cert, String key, boolean insecureSkipVerify) {
    /** No settings: the JDK's trust, no client certificate, host names verified. */
    public static final ClientTls DEFAULTS = new ClientTls("", "", "", false);

    public ClientTls {
      Objects.requireNonNull(ca, "ca");
      Objects.requireNonNull(cert, "cert");
      Objects.requireNonNull(key, "key");
    }
  }

  /** {@code inFlightReq}: at most {@code amount} concurrent requests per source. */
  record InFlightReq(long amount, Optional<SourceCriterion> sourceCriterion) implements Middleware {
    public InFlightReq {
      Objects.requireNonNull(sourceCriterion, "sourceCriterion");
    }
  }

  /**
   * {@code buffering}: body size limits; 0 max means no maximum; mem thresholds default 1 MiB.
   *
   * @param retryExpression e.g. {@code IsNetworkError() && Attempts() < 2}, or empty
   */
  record Buffering(
      long maxRequestBodyBytes,
      long memRequestBodyBytes,
      long maxResponseBodyBytes,
      long memResponseBodyBytes,
      String retryExpression)
      implements Middleware {
    public static final long DEFAULT_MEM_BYTES = 1024 * 1024;

    public Buffering {
      Objects.requireNonNull(retryExpression, "retryExpression");
    }
  }

  /**
   * {@code circuitBreaker}: opens when {@code expression} (e.g. {@code NetworkErrorRatio() >
   * 0.5}) holds. Defaults: checkPeriod 100ms, fallbackDuration 10s, recoveryDuration 10s,
   * responseCode 503.
   */
  record CircuitBreaker(
      String expression, Duration checkPeriod, Duration fallbackDuration, Duration recoveryDuration, int responseCode)
      implements Middleware {
    public static final Duration DEFAULT_CHECK_PERIOD = Duration.ofMillis(100);
    public static final Duration DEFAULT_FALLBACK = Duration.ofSeconds(10);
    public static final Duration DEFAULT_RECOVERY = Duration.ofSeconds(10);
    public static final int DEFAULT_RESPONSE_CODE = 503;

    public CircuitBreaker {
      Objects.requireNonNull(expression, "expression");
      Objects.requireNonNull(checkPeriod, "checkPeriod");
      Objects.requireNonNull(fallbackDuration, "fallbackDuration");
      Objects.requireNonNull(recoveryDuration, "recoveryDuration");
    }
  }

  /**
   * {@code compress}: response compression. Defaults: minResponseBodyBytes 1024, encodings
   * {@code zstd, br, gzip} (preference order), no default encoding.
   */
  record Compress(
      List<String> excludedContentTypes,
      List<String> includedContentTypes,
      int minResponseBodyBytes,
      List<String> encodings,
      String defaultEncoding)
      implements Middleware {
    public static final int DEFAULT_MIN_BYTES = 1024;
    public static final List<String> DEFAULT_ENCODINGS = List.of("zstd", "br", "gzip");

    public Compress {
      excludedContentTypes = Checks.list(excludedContentTypes);
      includedContentTypes = Checks.list(includedContentTypes);
      encodings = Checks.list(encodings);
      Objects.requireNonNull(defaultEncoding, "defaultEncoding");
    }
  }

  /** {@code retry}: up to {@code attempts} tries, backing off from {@code initialInterval} (0: at once). */
  record Retry(int attempts, Duration initialInterval) implements Middleware {
    public Retry {
      Objects.requireNonNull(initialInterval, "initialInterval");
    }
  }
}
