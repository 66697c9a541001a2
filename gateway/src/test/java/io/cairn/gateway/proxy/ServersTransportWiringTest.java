package io.cairn.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.gateway.config.DynamicConfig;
import io.cairn.gateway.router.BasicRequest;
import io.cairn.gateway.runtime.Routing;
import io.cairn.gateway.service.Route;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A service's {@code serversTransport} reaches its servers' targets as an {@link UpstreamTransport}. */
class ServersTransportWiringTest {
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  @Test
  void namedTransportsApplyAndOthersGetTheDefault() throws Exception {
    DynamicConfig config = DynamicConfig.parse("""
        http:
          routers:
            a: {rule: "PathPrefix(`/a`)", service: secure}
            b: {rule: "PathPrefix(`/b`)", service: plain}
          services:
            secure:
              loadBalancer:
                serversTransport: tls
                servers: [{url: "https://127.0.0.1:9443"}]
            plain:
              loadBalancer:
                servers: [{url: "h2c://127.0.0.1:9080"}]
          serversTransports:
            tls:
              serverName: backend.internal
              insecureSkipVerify: true
              rootCAs: [/etc/ca.pem]
              disableHTTP2: true
              certificates: [{certFile: /etc/client.crt, keyFile: /etc/client.key}]
              forwardingTimeouts: {dialTimeout: 3s, responseHeaderTimeout: 7s}
        """, "dynamic.yml");
    try (Routing routing = Routing.build(config, Set.of("web"), "file", "v3", scheduler)) {
      Route a = routing.match("web", false, BasicRequest.of("GET", "x", "/a", Map.of(), "10.0.0.1:5555"))
          .orElseThrow().service().route(List.of()).orElseThrow();
      assertThat(a.target().url()).hasToString("https://127.0.0.1:9443");
      assertThat(a.target().transport()).isEqualTo(new UpstreamTransport("backend.internal", true,
          List.of("/etc/ca.pem"), true, Duration.ofSeconds(3), Duration.ofSeconds(7),
          List.of(new UpstreamTransport.ClientCertificate("/etc/client.crt", "/etc/client.key"))));
      a.finished(false);
      Route b = routing.match("web", false, BasicRequest.of("GET", "x", "/b", Map.of(), "10.0.0.1:5555"))
          .orElseThrow().service().route(List.of()).orElseThrow();
      assertThat(b.target().transport()).isEqualTo(UpstreamTransport.DEFAULT);
      b.finished(false);
    }
  }
}
