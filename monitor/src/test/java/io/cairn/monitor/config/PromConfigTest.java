package io.cairn.monitor.config;

import io.cairn.common.text.PromDuration;
import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.monitor.relabel.Action;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Defaults and every field of a valid configuration. */
class PromConfigTest {
  private static final Path BASE = Path.of("/etc/prom");

  private static PromConfig parse(String yaml) throws ConfigException {
    return PromConfig.parse(yaml, BASE);
  }

  @Test
  void emptyFileGivesDefaults() throws Exception {
    for (String empty : List.of("", "# just a comment\n", "global:\n", "global: {}\n")) {
      PromConfig c = parse(empty);
      assertThat(c.global()).isEqualTo(GlobalConfig.DEFAULT);
      assertThat(c.scrapeConfigs()).isEmpty();
    }
    assertThat(GlobalConfig.DEFAULT.scrapeInterval()).isEqualTo(PromDuration.ofMinutes(1));
    assertThat(GlobalConfig.DEFAULT.scrapeTimeout()).isEqualTo(PromDuration.ofSeconds(10));
  }

  @Test
  void scrapeDefaultsComeFromGlobal() throws Exception {
    PromConfig c = parse("global:\n  scrape_interval: 5s\nscrape_configs:\n  - job_name: a\n  - job_name: b\n    scrape_interval: 1m\n");
    assertThat(c.global().scrapeTimeout()).as("capped at the interval").isEqualTo(PromDuration.ofSeconds(5));
    ScrapeConfig a = c.scrapeConfig("a");
    assertThat(a.scrapeInterval()).isEqualTo(PromDuration.ofSeconds(5));
    assertThat(a.scrapeTimeout()).isEqualTo(PromDuration.ofSeconds(5));
    assertThat(c.scrapeConfig("b").scrapeTimeout()).isEqualTo(PromDuration.ofSeconds(5));
    assertThat(a.metricsPath()).isEqualTo("/metrics");
    assertThat(a.scheme()).isEqualTo("http");
    assertThat(a.honorTimestamps()).isTrue();
    assertThat(a.honorLabels()).isFalse();
    assertThat(a.http()).isEqualTo(HttpClientConfig.DEFAULT);
    assertThat(a.sampleLimit()).isZero();
    assertThat(a.bodySizeLimit()).isZero();
    assertThat(c.scrapeConfig("nope")).isNull();
  }

  @Test
  void everyScrapeField() throws Exception {
    String yaml = """
        global:
          scrape_interval: 30s
          scrape_timeout: 20s
          evaluation_interval: 2m
          query_log_file: q.log
          external_labels: {region: eu, env: ""}
        rule_files: [rules/*.yml, /abs/r.yml]
        scrape_configs:
          - job_name: full
            scrape_interval: 1m
            scrape_timeout: 15s
            metrics_path: /m
            scheme: https
            params: {module: [a, b]}
            honor_labels: yes
            honor_timestamps: false
            sample_limit: 10
            target_limit: 0x10
            label_limit: 3
            label_name_length_limit: 4
            label_value_length_limit: 5
            body_size_limit: 10MB
            basic_auth: {username: u, password_file: secrets/p}
            tls_config: {ca_file: ca.pem, cert_file: c.pem, key_file: k.pem, server_name: s, insecure_skip_verify: true, min_version: TLS12}
            proxy_url: http://proxy:3128
            follow_redirects: false
            enable_http2: false
            static_configs:
              - targets: ['h1:9100', h2:9100]
                labels: {dc: one}
            file_sd_configs:
              - files: [sd/*.json]
            http_sd_configs:
              - url: https://sd.example/targets
                refresh_interval: 2m
                authorization: {credentials_file: tok}
            kv_sd_configs:
              - {}
              - endpoints: ["kv1:2379", "kv2:2379"]
                prefix: /svc/
            relabel_configs:
              - source_labels: [__address__]
                regex: '([^:]+):.*'
                target_label: host
              - action: hashmod
                source_labels: [host]
                modulus: 4
                target_label: shard
            metric_relabel_configs:
              - action: labeldrop
                regex: tmp_.*
        """;
    PromConfig c = parse(yaml);
    assertThat(c.global()).isEqualTo(new GlobalConfig(PromDuration.ofSeconds(30), PromDuration.ofSeconds(20),
        PromDuration.ofMinutes(2), Map.of("region", "eu", "env", ""), "/etc/prom/q.log"));
    assertThat(c.ruleFiles()).containsExactly("/etc/prom/rules/*.yml", "/abs/r.yml");
    ScrapeConfig s = c.scrapeConfig("full");
    assertThat(s.scrapeTimeout()).isEqualTo(PromDuration.ofSeconds(15));
    assertThat(s.metricsPath()).isEqualTo("/m");
    assertThat(s.scheme()).isEqualTo("https");
    assertThat(s.params()).isEqualTo(Map.of("module", List.of("a", "b")));
    assertThat(s.honorLabels()).isTrue();
    assertThat(s.honorTimestamps()).isFalse();
    assertThat(List.of(s.sampleLimit(), s.targetLimit(), s.labelLimit(), s.labelNameLengthLimit(), s.labelValueLengthLimit()))
        .containsExactly(10L, 16L, 3L, 4L, 5L);
    assertThat(s.bodySizeLimit()).isEqualTo(10L << 20);
    assertThat(s.http().basicAuth()).isEqualTo(new BasicAuth("u", "", "/etc/prom/secrets/p"));
    assertThat(s.http().tlsConfig()).isEqualTo(new TlsConfig("/etc/prom/ca.pem", "/etc/prom/c.pem", "/etc/prom/k.pem", "s", true, "TLS12", ""));
    assertThat(s.http().proxyUrl()).isEqualTo("http://proxy:3128");
    assertThat(s.http().followRedirects()).isFalse();
    assertThat(s.http().enableHttp2()).isFalse();
    assertThat(s.staticConfigs()).containsExactly(new TargetGroup(List.of("h1:9100", "h2:9100"), Map.of("dc", "one")));
    assertThat(s.fileSdConfigs()).containsExactly(new FileSdConfig(List.of("/etc/prom/sd/*.json"), PromDuration.ofMinutes(5)));
    HttpSdConfig h = s.httpSdConfigs().get(0);
    assertThat(h.url()).isEqualTo("https://sd.example/targets");
    assertThat(h.refreshInterval()).isEqualTo(PromDuration.ofMinutes(2));
    assertThat(h.http().authorization()).isEqualTo(new Authorization("Bearer", "", "/etc/prom/tok"));
    assertThat(s.kvSdConfigs().get(0)).isEqualTo(new KvSdConfig(List.of("127.0.0.1:2379"), "/cairn/targets/", TlsConfig.DEFAULT, null));
    assertThat(s.kvSdConfigs().get(1).endpoints()).containsExactly("kv1:2379", "kv2:2379");
    assertThat(s.kvSdConfigs().get(1).prefix()).isEqualTo("/svc/");
    assertThat(s.relabelConfigs()).hasSize(2);
    assertThat(s.relabelConfigs().get(0).regex().expr()).isEqualTo("([^:]+):.*");
    assertThat(s.relabelConfigs().get(1).action()).isEqualTo(Action.HASHMOD);
    assertThat(s.relabelConfigs().get(1).modulus()).isEqualTo(4);
    assertThat(s.metricRelabelConfigs().get(0).action()).isEqualTo(Action.LABELDROP);
  }

  @Test
  void legacyBearerTokenBecomesAuthorization() throws Exception {
    PromConfig c = parse("scrape_configs:\n  - job_name: a\n    bearer_token: t\n  - job_name: b\n    bearer_token_file: f\n"
        + "  - job_name: c\n    authorization: {type: Token, credentials: x}\n");
    assertThat(c.scrapeConfig("a").http().authorization()).isEqualTo(new Authorization("Bearer", "t", ""));
    assertThat(c.scrapeConfig("b").http().authorization()).isEqualTo(new Authorization("Bearer", "", "/etc/prom/f"));
    assertThat(c.scrapeConfig("c").http().authorization()).isEqualTo(new Authorization("Token", "x", ""));
  }

  @Test
  void opaqueSectionsAreKept() throws Exception {
    PromConfig c = parse("""
        alerting:
          alertmanagers: [{static_configs: [{targets: ['am:9093']}]}]
        remote_write: [{url: 'http://rw/api'}]
        remote_read: [{url: 'http://rr/api'}]
        storage: {tsdb: {out_of_order_time_window: 10m}}
        tracing: {endpoint: 'otel:4317'}
        """);
    assertThat(c.alerting().alertmanagers()).hasSize(1);
    assertThat(c.remoteWrite()).containsExactly(Map.of("url", "http://rw/api"));
    assertThat(c.remoteRead()).hasSize(1);
    assertThat(c.storage()).containsKey("tsdb");
    assertThat(c.tracing()).containsEntry("endpoint", "otel:4317");
  }

  @Test
  void yamlNullMeansGoZeroValue() throws Exception {
    ScrapeConfig s = parse("scrape_configs:\n  - job_name: a\n    honor_timestamps:\n    scrape_interval: ~\n").scrapeConfig("a");
    assertThat(s.honorTimestamps()).isFalse();
    assertThat(s.scrapeInterval()).isEqualTo(PromDuration.ofMinutes(1));
  }

  @Test
  void anchorsAndMergeKeys() throws Exception {
    PromConfig c = parse("""
        scrape_configs:
          - &base
            job_name: a
            scrape_interval: 7s
          - <<: *base
            job_name: b
        """);
    assertThat(c.scrapeConfig("b").scrapeInterval()).isEqualTo(PromDuration.ofSeconds(7));
  }

  @Test
  void loadResolvesAgainstTheFilesDirectory(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("prometheus.yml");
    Files.writeString(file, "scrape_configs:\n  - job_name: a\n    basic_auth: {username: u, password_file: pw}\n");
    PromConfig c = PromConfig.load(file);
    assertThat(c.scrapeConfig("a").http().basicAuth().passwordFile()).isEqualTo(dir.toAbsolutePath().resolve("pw").toString());
  }
}
