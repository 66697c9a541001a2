package io.cairn.monitor.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.common.text.PromDuration;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The alerting section: defaults, and errors worded as Prometheus 2.42's (captured from promtool). */
class AlertingConfigTest {
  private static PromConfig parse(String yaml) throws ConfigException {
    return PromConfig.parse(yaml, Path.of("/etc/prom"));
  }

  @Test
  void defaultsAndFields() throws Exception {
    PromConfig c = parse("""
        alerting:
          alert_relabel_configs: [{action: labeldrop, regex: tmp}]
          alertmanagers:
            - static_configs: [{targets: ["am:9093"]}]
            - scheme: https
              path_prefix: /am
              timeout: 3s
              api_version: v1
              authorization: {credentials_file: tok}
              file_sd_configs: [{files: [am/*.json]}]
        """);
    AlertmanagerConfig a = c.alerting().alertmanagers().get(0);
    assertThat(a.scheme()).isEqualTo("http");
    assertThat(a.pathPrefix()).isEmpty();
    assertThat(a.timeout()).isEqualTo(PromDuration.ofSeconds(10));
    assertThat(a.apiVersion()).isEqualTo("v2");
    assertThat(a.http()).isEqualTo(HttpClientConfig.DEFAULT);
    assertThat(a.staticConfigs().get(0).targets()).containsExactly("am:9093");
    AlertmanagerConfig b = c.alerting().alertmanagers().get(1);
    assertThat(b.apiVersion()).isEqualTo("v1");
    assertThat(b.timeout()).isEqualTo(PromDuration.ofSeconds(3));
    assertThat(b.http().authorization().credentialsFile()).isEqualTo("/etc/prom/tok");
    assertThat(b.fileSdConfigs().get(0).files()).containsExactly("/etc/prom/am/*.json");
    assertThat(c.alerting().alertRelabelConfigs()).hasSize(1);
    assertThat(parse("alerting:\n").alerting()).isEqualTo(AlertingConfig.EMPTY);
    assertThat(parse("global: {}\n").alerting().isEmpty()).isTrue();
  }

  @Test
  void errorsAsPrometheus() {
    assertThatThrownBy(() -> parse("alerting:\n  alertmanagers:\n    - api_version: v3\n"))
        .hasMessage("expected Alertmanager api version to be one of [v1 v2] but got v3");
    assertThatThrownBy(() -> parse("alerting:\n  alertmanagers:\n    - foo: bar\n"))
        .hasMessage("yaml: unmarshal errors:\n  line 3: field foo not found in type config.AlertmanagerConfig");
    assertThatThrownBy(() -> parse("alerting:\n  foo: 1\n"))
        .hasMessage("yaml: unmarshal errors:\n  line 2: field foo not found in type config.plain");
    assertThatThrownBy(() -> parse("alerting:\n  alertmanagers: {}\n"))
        .hasMessage("yaml: unmarshal errors:\n  line 2: cannot unmarshal !!map into config.AlertmanagerConfigs");
    assertThatThrownBy(() -> parse("alerting:\n  alert_relabel_configs:\n    -\n"))
        .hasMessage("empty or null alert relabeling rule");
    assertThatThrownBy(() -> parse("alerting:\n  alertmanagers:\n    - relabel_configs:\n        -\n"))
        .hasMessage("empty or null Alertmanager target relabeling rule");
    assertThatThrownBy(() -> parse("alerting:\n  alertmanagers:\n    - static_configs: [{targets: ['http://a:1']}]\n"))
        .hasMessage("\"http://a:1\" is not a valid hostname");
  }

  @Test
  void aNullAlertmanagerIsRefusedWherePrometheusCrashes() {
    assertThatThrownBy(() -> parse("alerting:\n  alertmanagers:\n    -\n")).hasMessageContaining("empty or null Alertmanager config");
  }

  @Test
  void otherDiscoveryMechanismsAreNamed() {
    assertThatThrownBy(() -> parse("alerting:\n  alertmanagers:\n    - dns_sd_configs: [{names: [a]}]\n"))
        .hasMessageContaining("dns_sd_configs is a Prometheus service discovery that cairn does not implement for Alertmanagers");
  }
}
