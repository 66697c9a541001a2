package io.cairn.gateway.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.gateway.config.DynamicConfig;
import io.cairn.gateway.router.BasicRequest;
import io.cairn.gateway.router.RequestView;
import io.cairn.gateway.service.Route;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RoutingTest {
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  private static final String CONFIG = """
      http:
        routers:
          api:
            rule: "Host(`example.com`) && PathPrefix(`/api`)"
            service: api
            middlewares: [strip]
          web:
            rule: "Host(`example.com`)"
            entryPoints: [web]
            service: site
          secure:
            rule: "Host(`example.com`)"
            service: site@file
            tls: {}
          broken:
            rule: "Host(`x`)"
            service: rest@internal
        middlewares:
          strip:
            stripPrefix:
              prefixes: [/api]
        services:
          api:
            loadBalancer:
              servers:
                - url: http://127.0.0.1:9001
                - url: http://127.0.0.1:9002
                  weight: 2
          site:
            weighted:
              services:
                - name: v1
                  weight: 1
                - name: v2
                  weight: 0
          v1:
            loadBalancer:
              servers: [{url: "http://127.0.0.1:9101"}]
          v2:
            loadBalancer:
              servers: [{url: "http://127.0.0.1:9102"}]
      """;

  private static RequestView get(String host, String path) {
    return BasicRequest.of("GET", host, path, java.util.Map.of(), "10.0.0.1:5555");
  }

  @Test
  void routersAreSplitByEntryPointAndTlsAndLeadToTheirServices() throws Exception {
    DynamicConfig config = DynamicConfig.parse(CONFIG, "dynamic.yml");
    try (Routing routing = Routing.build(config, Set.of("web", "websecure"), "file", "v3", scheduler)) {
      Routing.Routed api = routing.match("websecure", false, get("example.com", "/api/users")).orElseThrow();
      assertThat(api.router()).isEqualTo("api@file");
      assertThat(api.middlewares()).containsExactly("strip@file");
      List<String> servers = new java.util.ArrayList<>();
      for (int i = 0; i < 3; i++) {
        Route r = api.service().route(List.of()).orElseThrow();
        servers.add(r.target().url().toString());
        r.finished(false);
      }
      assertThat(servers).containsExactly("http://127.0.0.1:9002", "http://127.0.0.1:9001", "http://127.0.0.1:9002");

      assertThat(routing.match("web", false, get("example.com", "/")).orElseThrow().router()).isEqualTo("web@file");
      assertThat(routing.match("websecure", false, get("example.com", "/"))).isEmpty();
      Routing.Routed secure = routing.match("websecure", true, get("example.com", "/")).orElseThrow();
      assertThat(secure.router()).isEqualTo("secure@file");
      Route r = secure.service().route(List.of()).orElseThrow();
      assertThat(r.target().url()).hasToString("http://127.0.0.1:9101"); // v2 has weight 0
      r.finished(false);
      assertThat(routing.match("web", false, get("other.com", "/"))).isEmpty();
      assertThat(routing.warnings()).anyMatch(w -> w.contains("broken@file") && w.contains("rest@internal"));
    }
  }
}
