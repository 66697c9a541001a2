package io.cairn.monitor.scrape;

import io.cairn.common.text.PromDuration;
import io.cairn.tsdb.model.Label;
import io.cairn.tsdb.model.Labels;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * From discovered labels to target labels, as Prometheus 2.42's {@code scrape.PopulateLabels}.
 *
 * <ol>
 *   <li>Defaults are added where the discovered labels lack them: {@code job}, {@code
 *       __scrape_interval__}, {@code __scrape_timeout__}, {@code __metrics_path__}, {@code
 *       __scheme__}; each {@code params} entry sets {@code __param_<name>} to its first value.
 *       The result is the "discovered labels" shown by the targets API.
 *   <li>The relabel step runs ({@code relabel_configs}; null = the target is dropped).
 *   <li>{@code __address__} must be present; without a port, {@code :80} or {@code :443} is added
 *       by scheme; it must not contain "/". A changed {@code __scrape_interval__} or {@code
 *       __scrape_timeout__} must parse and not be 0, and the timeout must not exceed the interval.
 *   <li>{@code instance} defaults to the address; {@code __meta_*} labels go; the URL is built
 *       from {@code __scheme__}, {@code __address__}, {@code __metrics_path__} and params overlaid
 *       by {@code __param_*}; the target's public labels are those without a {@code __} prefix.
 * </ol>
 *
 * <p>cairn compares the effective timeout with the effective interval (2.42 only when both were
 * relabelled), and validates label names ({@code [a-zA-Z_][a-zA-Z0-9_]*}).
 */
public final class TargetLabels {
  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

  private TargetLabels() {}

  /** The job-level inputs of {@code PopulateLabels} (from {@code scrape_config}). */
  public record Defaults(
      String jobName, String scheme, String metricsPath, Duration interval, Duration timeout, Map<String, List<String>> params) {
    public Defaults {
      Objects.requireNonNull(jobName, "jobName");
      Objects.requireNonNull(scheme, "scheme");
      Objects.requireNonNull(metricsPath, "metricsPath");
      params = Map.copyOf(params);
    }

    /** Prometheus's defaults for a job: http, /metrics, 1m interval, 10s timeout, no params. */
    public static Defaults of(String jobName) {
      return new Defaults(jobName, "http", "/metrics", Duration.ofMinutes(1), Duration.ofSeconds(10), Map.of());
    }

    public Defaults withIntervals(Duration newInterval, Duration newTimeout) {
      return new Defaults(jobName, scheme, metricsPath, newInterval, newTimeout, params);
    }
  }

  /** What became of one discovered target. */
  public sealed interface Result {
    /** The labels after defaults, before relabelling. */
    Labels discoveredLabels();
  }

  /** A target to scrape. {@code labels} are the public target labels. */
  public record Kept(Labels labels, Labels discoveredLabels, URI url, Duration interval, Duration timeout) implements Result {
    public ScrapeTarget toTarget(ScrapeSettings settings) {
      return new ScrapeTarget(labels, discoveredLabels, url, interval, timeout, settings);
    }
  }

  /** Relabelling dropped the target. */
  public record Dropped(Labels discoveredLabels) implements Result {}

  /** The target is invalid; {@code error} says why (Prometheus logs it and skips the target). */
  public record Failed(Labels discoveredLabels, String error) implements Result {}

  /**
   * Runs {@code PopulateLabels}.
   *
   * @param discovered the target's labels from service discovery (group labels merged in)
   * @param relabel the {@code relabel_configs} step; returns null to drop the target
   */
  public static Result populate(Labels discovered, Defaults defaults, Function<Labels, Labels> relabel) {
    Labels.Builder b = discovered.toBuilder();
    setIfAbsent(b, "job", defaults.jobName());
    setIfAbsent(b, "__scrape_interval__", new io.cairn.common.text.PromDuration(defaults.interval().toMillis()).toString());
    setIfAbsent(b, "__scrape_timeout__", new io.cairn.common.text.PromDuration(defaults.timeout().toMillis()).toString());
    setIfAbsent(b, "__metrics_path__", defaults.metricsPath());
    setIfAbsent(b, "__scheme__", defaults.scheme());
    defaults.params().forEach((k, v) -> {
      if (!v.isEmpty()) {
        b.set("__param_" + k, v.getFirst());
      }
    });
    Labels pre = b.build();
    Labels relabelled = relabel.apply(pre);
    if (relabelled == null) {
      return new Dropped(pre);
    }
    try {
      return kept(relabelled, pre, defaults);
    } catch (IllegalArgumentException e) {
      return new Failed(pre, e.getMessage());
    }
  }

  private static Kept kept(Labels lset, Labels pre, Defaults defaults) {
    String addr = lset.get("__address__");
    if (addr.isEmpty()) {
      throw new IllegalArgumentException("no address");
    }
    String scheme = lset.get("__scheme__");
    if (GoHostPort.needsPort(addr)) {
      addr = switch (scheme) {
        case "http", "" -> addr + ":80";
        case "https" -> addr + ":443";
        default -> throw new IllegalArgumentException("invalid scheme: \"" + scheme + "\" (expected http or https)");
      };
    }
    if (addr.contains("/")) {
      throw new IllegalArgumentException("\"" + addr + "\" is not a valid hostname");
    }
    Duration interval = duration(lset.get("__scrape_interval__"), "interval");
    Duration timeout = duration(lset.get("__scrape_timeout__"), "timeout");
    if (timeout.compareTo(interval) > 0) {
      throw new IllegalArgumentException("scrape timeout cannot be greater than scrape interval (\""
          + lset.get("__scrape_timeout__") + "\" > \"" + lset.get("__scrape_interval__") + "\")");
    }
    Labels.Builder pub = Labels.builder();
    for (Label l : lset) {
      if (!LABEL_NAME.matcher(l.name()).matches()) {
        throw new IllegalArgumentException("invalid label name \"" + l.name() + "\" (expected [a-zA-Z_][a-zA-Z0-9_]*)");
      }
      if (!l.name().startsWith("__")) {
        pub.set(l.name(), l.value());
      }
    }
    if (pub.get("instance").isEmpty()) {
      pub.set("instance", addr);
    }
    if (scheme.isEmpty()) {
      scheme = "http";
    }
    return new Kept(pub.build(), pre, url(lset, scheme, addr, defaults.params()), interval, timeout);
  }

  private static Duration duration(String text, String what) {
    Duration d;
    try {
      d = io.cairn.common.text.PromDuration.parse(text).toDuration();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("error parsing scrape " + what + ": " + e.getMessage());
    }
    if (d.isZero()) {
      throw new IllegalArgumentException("scrape " + what + " cannot be 0");
    }
    return d;
  }

  private static URI url(Labels lset, String scheme, String addr, Map<String, List<String>> params) {
    var merged = new java.util.TreeMap<String, List<String>>();
    params.forEach((k, v) -> merged.put(k, new java.util.ArrayList<>(v)));
    for (Label l : lset) {
      if (l.name().startsWith("__param_")) {
        String k = l.name().substring("__param_".length());
        List<String> v = merged.computeIfAbsent(k, x -> new java.util.ArrayList<>());
        if (v.isEmpty()) {
          v.add(l.value());
        } else {
          v.set(0, l.value());
        }
      }
    }
    StringBuilder q = new StringBuilder();
    merged.forEach((k, vs) -> vs.forEach(v -> q.append(q.isEmpty() ? "" : "&").append(escape(k)).append('=').append(escape(v))));
    String path = lset.get("__metrics_path__");
    try {
      String base = new URI(scheme, addr, path.isEmpty() ? null : path, null, null).toString();
      return URI.create(q.isEmpty() ? base : base + "?" + q);
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new IllegalArgumentException("cannot build a scrape URL from scheme \"" + scheme + "\", address \"" + addr
          + "\" and metrics path \"" + path + "\": " + e.getMessage());
    }
  }

  /** Go's {@code url.QueryEscape}. */
  private static String escape(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("*", "%2A").replace("%7E", "~");
  }

  private static void setIfAbsent(Labels.Builder b, String name, String value) {
    if (b.get(name).isEmpty()) {
      b.set(name, value);
    }
  }
}
