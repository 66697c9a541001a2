package io.cairn.gateway.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cairn.gateway.config.ConfigException;
import io.cairn.gateway.config.StaticConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The static options this package reads, decoded from Traefik-style flags. */
class ObserveConfigTest {
  @Test
  void defaultsAreTraefiks() throws ConfigException {
    StaticConfig c = StaticConfig.fromArgs(List.of("--accessLog", "--metrics.prometheus", "--ping"));
    StaticConfig.AccessLog log = c.accessLog().orElseThrow();
    assertThat(log.fields()).isEqualTo(new StaticConfig.AccessLogFields("keep", Map.of(), "drop", Map.of()));
    assertThat(log.filters()).isEmpty();
    StaticConfig.Prometheus p = c.prometheus().orElseThrow();
    assertThat(p.entryPoint()).isEqualTo("traefik");
    assertThat(p.addEntryPointsLabels()).isTrue();
    assertThat(p.addRoutersLabels()).isFalse();
    assertThat(p.addServicesLabels()).isTrue();
    assertThat(p.headerLabels()).isEmpty();
    assertThat(c.ping()).contains(new StaticConfig.Ping("traefik", false, 503));
    assertThat(c.entryPoints()).containsKey("traefik");
  }

  @Test
  void fieldsFiltersAndHeaderLabels() throws ConfigException {
    StaticConfig c = StaticConfig.fromArgs(List.of("--accessLog.format=json", "--accessLog.fields.defaultMode=drop",
        "--accessLog.fields.names.ClientHost=keep", "--accessLog.fields.headers.defaultMode=keep",
        "--accessLog.fields.headers.names.Authorization=redact", "--accessLog.filters.statusCodes[0]=500-599",
        "--accessLog.filters.retryAttempts", "--accessLog.filters.minDuration=10ms",
        "--metrics.prometheus.headerLabels.useragent=User-Agent", "--metrics.prometheus.addRoutersLabels"));
    StaticConfig.AccessLog log = c.accessLog().orElseThrow();
    assertThat(log.fields()).isEqualTo(new StaticConfig.AccessLogFields("drop", Map.of("ClientHost", "keep"), "keep",
        Map.of("Authorization", "redact")));
    assertThat(log.filters()).contains(new StaticConfig.AccessLogFilters(List.of("500-599"), true, Duration.ofMillis(10)));
    assertThat(c.prometheus().orElseThrow().headerLabels()).isEqualTo(Map.of("useragent", "User-Agent"));
    assertThat(c.prometheus().orElseThrow().addRoutersLabels()).isTrue();
  }

  @Test
  void badModesAndCodesAreProblems() {
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> StaticConfig.fromArgs(List.of(
        "--accessLog.fields.defaultMode=redact", "--accessLog.fields.headers.names.X=hide",
        "--accessLog.filters.statusCodes[0]=5xx")));
    assertThat(e.getMessage()).contains("accessLog.fields.defaultMode", "expected keep, drop, got \"redact\"",
        "expected keep, drop, redact, got \"hide\"", "expected status codes or ranges like 404 or 500-599, got \"5xx\"");
  }
}
