package io.cairn.monitor.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The config is written back exactly as Prometheus 2.42's /api/v1/status/config showed it for the same file. */
class ConfigYamlTest {
  @Test
  void rendersAsPrometheusDoes() throws Exception {
    Path dir = Path.of("/etc/prom");
    PromConfig c = PromConfig.parse("""
        global:
          scrape_interval: 15s
          external_labels: {dc: eu1, a: "true"}
          query_log_file: q.log
        rule_files: [r/*.yml]
        scrape_configs:
          - job_name: j1
            honor_labels: true
            honor_timestamps: false
            params: {module: [a, b], x: ["1"]}
            body_size_limit: 10MB
            sample_limit: 5
            target_limit: 6
            label_limit: 7
            label_name_length_limit: 8
            label_value_length_limit: 9
            scheme: https
            metrics_path: /m
            basic_auth: {username: u, password: p}
            tls_config: {insecure_skip_verify: true, server_name: s, min_version: TLS12}
            follow_redirects: false
            static_configs: [{targets: ["a:1"]}]
            file_sd_configs: [{files: [f.json]}]
            http_sd_configs: [{url: "http://x/sd", refresh_interval: 30s}]
            relabel_configs:
              - {source_labels: [a, b], separator: ",", regex: "[a-z]+", target_label: x, replacement: "${1}y"}
              - {action: hashmod, modulus: 4, source_labels: [c], target_label: h}
              - {action: labelmap, regex: "__meta_(.+)"}
              - {action: keep, regex: "", source_labels: [c]}
          - job_name: j2
            scrape_interval: 5s
            bearer_token: tok
            static_configs: [{targets: ["b:2", "c:3"], labels: {z: "1", y: ""}}]
        """, dir);
    // Prometheus 2.42.0's answer for this file (captured from the real server)
    assertThat(ConfigYaml.render(c, dir)).isEqualTo("""
        global:
          scrape_interval: 15s
          scrape_timeout: 10s
          evaluation_interval: 1m
          query_log_file: q.log
          external_labels:
            a: "true"
            dc: eu1
        rule_files:
        - r/*.yml
        scrape_configs:
        - job_name: j1
          honor_labels: true
          honor_timestamps: false
          params:
            module:
            - a
            - b
            x:
            - "1"
          scrape_interval: 15s
          scrape_timeout: 10s
          metrics_path: /m
          scheme: https
          body_size_limit: 10MiB
          sample_limit: 5
          target_limit: 6
          label_limit: 7
          label_name_length_limit: 8
          label_value_length_limit: 9
          basic_auth:
            username: u
            password: <secret>
          tls_config:
            server_name: s
            insecure_skip_verify: true
            min_version: 771
          follow_redirects: false
          enable_http2: true
          relabel_configs:
          - source_labels: [a, b]
            separator: ','
            regex: '[a-z]+'
            target_label: x
            replacement: ${1}y
            action: replace
          - source_labels: [c]
            separator: ;
            regex: (.*)
            modulus: 4
            target_label: h
            replacement: $1
            action: hashmod
          - separator: ;
            regex: __meta_(.+)
            replacement: $1
            action: labelmap
          - source_labels: [c]
            separator: ;
            regex: null
            replacement: $1
            action: keep
          file_sd_configs:
          - files:
            - f.json
            refresh_interval: 5m
          http_sd_configs:
          - follow_redirects: true
            enable_http2: true
            refresh_interval: 30s
            url: http://x/sd
          static_configs:
          - targets:
            - a:1
        - job_name: j2
          honor_timestamps: true
          scrape_interval: 5s
          scrape_timeout: 5s
          metrics_path: /metrics
          scheme: http
          authorization:
            type: Bearer
            credentials: <secret>
          follow_redirects: true
          enable_http2: true
          static_configs:
          - targets:
            - b:2
            - c:3
            labels:
              "y": ""
              z: "1"
        """);
  }

  @Test
  void quotesAsYamlV2() {
    assertThat(YamlEmit.scalar("", false)).isEqualTo("\"\"");
    assertThat(YamlEmit.scalar("on", false)).isEqualTo("\"on\"");
    assertThat(YamlEmit.scalar("1.5", false)).isEqualTo("\"1.5\"");
    assertThat(YamlEmit.scalar("10:30", false)).isEqualTo("\"10:30\"");
    assertThat(YamlEmit.scalar("127.0.0.1:2", false)).isEqualTo("127.0.0.1:2");
    assertThat(YamlEmit.scalar("a: b", false)).isEqualTo("'a: b'");
    assertThat(YamlEmit.scalar("*x'", false)).isEqualTo("'*x'''");
    assertThat(YamlEmit.scalar("a,b", true)).isEqualTo("'a,b'");
    assertThat(Base2Bytes.format(0)).isEqualTo("0B");
    assertThat(Base2Bytes.format(1536)).isEqualTo("1KiB512B");
    assertThat(Base2Bytes.format(1L << 30)).isEqualTo("1GiB");
  }

  @Test
  void rendersAlertingAsPrometheusDoes() throws Exception {
    PromConfig c = PromConfig.parse("""
        global:
          external_labels: {region: eu}
        alerting:
          alert_relabel_configs:
            - action: labeldrop
              regex: foo
          alertmanagers:
            - static_configs:
                - targets: ['127.0.0.1:1', 'amhost', 'drop:9093']
              relabel_configs:
                - source_labels: [__address__]
                  regex: 'drop.*'
                  action: drop
            - scheme: https
              path_prefix: /am
              api_version: v1
              timeout: 3s
              static_configs:
                - targets: ['h2']
        """, null);
    // the alerting part of Prometheus 2.42.0's /api/v1/status/config for this file
    assertThat(ConfigYaml.render(c, null)).contains("""
        alerting:
          alert_relabel_configs:
          - separator: ;
            regex: foo
            replacement: $1
            action: labeldrop
          alertmanagers:
          - follow_redirects: true
            enable_http2: true
            scheme: http
            timeout: 10s
            api_version: v2
            relabel_configs:
            - source_labels: [__address__]
              separator: ;
              regex: drop.*
              replacement: $1
              action: drop
            static_configs:
            - targets:
              - 127.0.0.1:1
              - amhost
              - drop:9093
          - follow_redirects: true
            enable_http2: true
            scheme: https
            path_prefix: /am
            timeout: 3s
            api_version: v1
            static_configs:
            - targets:
              - h2
        """);
  }
}
