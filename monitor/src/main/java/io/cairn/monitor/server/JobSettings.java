package io.cairn.monitor.server;

import io.cairn.monitor.config.Authorization;
import io.cairn.monitor.config.BasicAuth;
import io.cairn.monitor.config.ConfigException;
import io.cairn.monitor.config.HttpClientConfig;
import io.cairn.monitor.config.ScrapeConfig;
import io.cairn.monitor.config.TlsConfig;
import io.cairn.monitor.relabel.Relabel;
import io.cairn.monitor.scrape.HttpSettings;
import io.cairn.monitor.scrape.MetricRelabeling;
import io.cairn.monitor.scrape.ScrapeLimits;
import io.cairn.monitor.scrape.ScrapeSettings;
import io.cairn.monitor.scrape.TargetLabels;
import io.cairn.monitor.scrape.TlsSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Maps one {@code scrape_configs} entry onto the scrape package's settings. */
final class JobSettings {
  private static final int MAX_SECRET_FILE_BYTES = 64 * 1024;

  private JobSettings() {}

  static TargetLabels.Defaults defaults(ScrapeConfig sc) {
    return new TargetLabels.Defaults(sc.jobName(), sc.scheme(), sc.metricsPath(),
        sc.scrapeInterval().toDuration(), sc.scrapeTimeout().toDuration(), sc.params());
  }

  /**
   * The settings of every target of the job.
   *
   * @throws ConfigException if a password or credentials file cannot be read
   */
  static ScrapeSettings settings(ScrapeConfig sc) throws ConfigException {
    ScrapeLimits limits = new ScrapeLimits(clamp(sc.sampleLimit()), clamp(sc.labelLimit()),
        clamp(sc.labelNameLengthLimit()), clamp(sc.labelValueLengthLimit()), Math.max(0, sc.bodySizeLimit()));
    var relabels = sc.metricRelabelConfigs();
    MetricRelabeling mr = relabels.isEmpty()
        ? MetricRelabeling.NONE
        : new MetricRelabeling(relabels, l -> Relabel.process(l, relabels));
    return new ScrapeSettings(sc.honorLabels(), sc.honorTimestamps(), limits, mr, http(sc.jobName(), sc.http()));
  }

  static HttpSettings http(String job, HttpClientConfig c) throws ConfigException {
    Optional<String> auth = Optional.empty();
    BasicAuth basic = c.basicAuth();
    if (basic != null) {
      String password = basic.passwordFile() == null || basic.passwordFile().isEmpty()
          ? nullToEmpty(basic.password())
          : secret(job, "password_file", basic.passwordFile());
      auth = Optional.of(HttpSettings.basicAuth(nullToEmpty(basic.username()), password));
    }
    Authorization a = c.authorization();
    if (a != null) {
      String credentials = a.credentialsFile() == null || a.credentialsFile().isEmpty()
          ? nullToEmpty(a.credentials())
          : secret(job, "credentials_file", a.credentialsFile());
      String type = a.type() == null || a.type().isEmpty() ? "Bearer" : a.type();
      auth = Optional.of(type + " " + credentials);
    }
    TlsConfig t = c.tlsConfig() == null ? TlsConfig.DEFAULT : c.tlsConfig();
    TlsSettings tls = new TlsSettings(path(t.caFile()), path(t.certFile()), path(t.keyFile()),
        t.serverName().isEmpty() ? Optional.empty() : Optional.of(t.serverName()), t.insecureSkipVerify());
    return new HttpSettings(auth, tls, c.followRedirects());
  }

  private static Optional<Path> path(String s) {
    return s == null || s.isEmpty() ? Optional.empty() : Optional.of(Path.of(s));
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  /** A secret file's content without the trailing newline, as Prometheus reads it. */
  private static String secret(String job, String field, String file) throws ConfigException {
    try {
      Path p = Path.of(file);
      if (Files.size(p) > MAX_SECRET_FILE_BYTES) {
        throw new ConfigException("job " + job + ": " + field + " " + file + " is larger than " + MAX_SECRET_FILE_BYTES + " bytes");
      }
      String s = Files.readString(p, StandardCharsets.UTF_8);
      return s.endsWith("\n") ? s.substring(0, s.length() - (s.endsWith("\r\n") ? 2 : 1)) : s;
    } catch (IOException e) {
      throw new ConfigException("job " + job + ": cannot read " + field + " " + file + ": " + e.getMessage());
    }
  }

  private static int clamp(long v) {
    return v <= 0 ? 0 : (int) Math.min(v, Integer.MAX_VALUE);
  }
}
