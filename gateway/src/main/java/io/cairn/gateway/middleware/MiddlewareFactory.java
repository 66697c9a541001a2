package io.cairn.gateway.middleware;

import io.cairn.gateway.config.Headers;
import io.cairn.gateway.config.Middleware.AddPrefix;
import io.cairn.gateway.config.Middleware.BasicAuth;
import io.cairn.gateway.config.Middleware.CircuitBreaker;
import io.cairn.gateway.config.Middleware.IpAllowList;
import io.cairn.gateway.config.Middleware.RateLimit;
import io.cairn.gateway.config.Middleware.RedirectRegex;
import io.cairn.gateway.config.Middleware.RedirectScheme;
import io.cairn.gateway.config.Middleware.ReplacePath;
import io.cairn.gateway.config.Middleware.ReplacePathRegex;
import io.cairn.gateway.config.Middleware.StripPrefix;
import io.cairn.gateway.config.Middleware.StripPrefixRegex;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.LongSupplier;
import io.cairn.common.text.re2.GoRegex;
import java.util.regex.Pattern;

/**
 * Builds runnable middlewares from configuration records. Build once per configuration snapshot
 * (rate-limit buckets, in-flight counts and breaker state live in the built objects: a rebuilt
 * middleware starts fresh). Thread-safe.
 *
 * <p>Errors: every bad option throws {@link MiddlewareException} naming the middleware (bad
 * regex, bad IP/CIDR, unreadable {@code usersFile}, bad user line, bad circuit-breaker
 * expression, unknown chain reference, empty {@code addPrefix} or {@code redirectScheme}).
 */
public final class MiddlewareFactory {
  private final LongSupplier nanoTime;
  private final Function<String, BucketStore> bucketStores;

  /**
   * @param nanoTime a monotonic clock in nanoseconds ({@code System::nanoTime} in production)
   * @param bucketStores the token-bucket store for each {@code rateLimit} middleware, by name
   */
  public MiddlewareFactory(LongSupplier nanoTime, Function<String, BucketStore> bucketStores) {
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    this.bucketStores = Objects.requireNonNull(bucketStores, "bucketStores");
  }

  /** System clock, in-memory buckets bounded to 65536 sources per middleware. */
  public static MiddlewareFactory standard() {
    return new MiddlewareFactory(System::nanoTime,
        name -> new LocalBucketStore(LocalBucketStore.DEFAULT_MAX_SOURCES));
  }

  /**
   * Builds middleware {@code name}.
   *
   * @param lookup resolves the names a {@code chain} refers to (already built middlewares); it
   *     returns null for an unknown name. Cycles are the caller's to refuse (the config validator
   *     does).
   */
  public Middleware build(String name, io.cairn.gateway.config.Middleware config,
      Function<String, Middleware> lookup) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(lookup, "lookup");
    try {
      return switch (config) {
        case StripPrefix s -> new io.cairn.gateway.middleware.StripPrefix(s.prefixes());
        case StripPrefixRegex s -> new io.cairn.gateway.middleware.StripPrefixRegex(
            regexes(name, s.regex().stream().map(String::strip).toList()));
        case AddPrefix a -> {
          if (a.prefix().isEmpty()) {
            throw new MiddlewareException(name, "addPrefix.prefix cannot be empty");
          }
          yield new io.cairn.gateway.middleware.AddPrefix(a.prefix());
        }
        case ReplacePath r -> new io.cairn.gateway.middleware.ReplacePath(r.path());
        case ReplacePathRegex r -> new io.cairn.gateway.middleware.ReplacePathRegex(
            regex(name, r.regex().strip()), r.replacement().strip());
        case Headers h -> new HeadersMiddleware(h, regexes(name, h.accessControlAllowOriginListRegex()));
        case BasicAuth b -> BasicAuthBuilder.build(name, b);
        case RedirectScheme r -> redirectScheme(name, r);
        case RedirectRegex r -> new Redirect(regex(name, r.regex()), r.replacement(), r.permanent(),
            Redirect::regexUrl);
        case IpAllowList a -> ipAllowList(name, a);
        case RateLimit r -> rateLimit(name, r);
        case io.cairn.gateway.config.Middleware.InFlightReq r -> {
          if (r.amount() <= 0) {
            throw new MiddlewareException(name, "inFlightReq.amount must be 1 or more, got " + r.amount());
          }
          yield new InFlightReq(r.amount(), SourceExtractor.of(r.sourceCriterion(), true));
        }
        case CircuitBreaker c -> circuitBreaker(name, c);
        case io.cairn.gateway.config.Middleware.Retry r -> {
          if (r.attempts() <= 0) {
            throw new MiddlewareException(name, "retry.attempts must be 1 or more, got " + r.attempts());
          }
          yield new RetryPolicy(r.attempts(), r.initialInterval());
        }
        case io.cairn.gateway.config.Middleware.Chain c -> chain(name, c, lookup);
        case io.cairn.gateway.config.Middleware.Compress c -> new Deferred(name, c);
        case io.cairn.gateway.config.Middleware.ForwardAuth f -> new ForwardAuthCheck(f);
        case io.cairn.gateway.config.Middleware.Errors e -> new Deferred(name, e);
        case io.cairn.gateway.config.Middleware.Buffering b -> new Deferred(name, b);
      };
    } catch (IllegalArgumentException e) {
      throw new MiddlewareException(name, e.getMessage(), e);
    }
  }

  private static GoRegex regex(String name, String regex) {
    try {
      return GoRegex.compileUnanchored(regex);
    } catch (IllegalArgumentException e) {
      throw new MiddlewareException(name, "bad regular expression " + regex + ": " + e.getMessage(), e);
    }
  }

  private static List<Pattern> regexes(String name, List<String> regexes) {
    return regexes.stream().map(r -> regex(name, r).pattern()).toList();
  }

  private static Middleware redirectScheme(String name, RedirectScheme r) {
    if (r.scheme().isEmpty()) {
      throw new MiddlewareException(name, "redirectScheme: you must provide a target scheme");
    }
    String port = "";
    if (!r.port().isEmpty() && !(r.scheme().equals("http") && r.port().equals("80")
        || r.scheme().equals("https") && r.port().equals("443"))) {
      port = ":" + r.port();
    }
    GoRegex uri = GoRegex.compileUnanchored("^(https?:\\/\\/)?(\\[[\\w:.]+\\]|[\\w\\._-]+)?(:\\d+)?(.*)$");
    return new Redirect(uri, r.scheme() + "://${2}" + port + "${4}", r.permanent(), Redirect::schemeUrl);
  }

  private static Middleware ipAllowList(String name, IpAllowList a) {
    if (a.sourceRange().isEmpty()) {
      throw new MiddlewareException(name, "ipAllowList.sourceRange: no IP or CIDR given");
    }
    int reject = a.rejectStatusCode() == 0 ? IpAllowList.DEFAULT_REJECT_STATUS : a.rejectStatusCode();
    return new io.cairn.gateway.middleware.IpAllowList(IpRanges.of(a.sourceRange()),
        ClientIp.of(a.ipStrategy()), reject);
  }

  private Middleware rateLimit(String name, RateLimit r) {
    if (r.average() < 0 || r.period().isNegative()) {
      throw new MiddlewareException(name, "rateLimit: expected average >= 0 and period >= 0, got average "
          + r.average() + ", period " + r.period());
    }
    RateLimitSpec spec = r.average() == 0 ? null : RateLimitSpec.of(r.average(), r.period(), r.burst());
    return new io.cairn.gateway.middleware.RateLimit(spec, SourceExtractor.of(r.sourceCriterion(), false),
        bucketStores.apply(name), nanoTime);
  }

  private Middleware circuitBreaker(String name, CircuitBreaker c) {
    CbExpression condition = CbParser.parse(c.expression());
    int code = c.responseCode() == 0 ? CircuitBreaker.DEFAULT_RESPONSE_CODE : c.responseCode();
    return new io.cairn.gateway.middleware.CircuitBreaker(condition, c.checkPeriod().toNanos(),
        c.fallbackDuration().toNanos(), c.recoveryDuration().toNanos(), code, nanoTime);
  }

  private static Middleware chain(String name, io.cairn.gateway.config.Middleware.Chain c,
      Function<String, Middleware> lookup) {
    List<Middleware> parts = new ArrayList<>();
    for (String ref : c.middlewares()) {
      Middleware m = lookup.apply(ref);
      if (m == null) {
        throw new MiddlewareException(name, "chain refers to unknown middleware \"" + ref + "\"");
      }
      parts.add(m);
    }
    return new Chain(parts);
  }
}
