package io.cairn.gateway.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.gateway.config.DynamicConfig;
import io.cairn.gateway.router.BasicRequest;
import io.cairn.gateway.router.RequestView;
import io.cairn.gateway.service.Route;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Several providers in one routing, each in its own namespace (Traefik's {@code name@provider}). */
class RoutingProvidersTest {
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  private static RequestView get(String path) {
    return BasicRequest.of("GET", "example.com", path, Map.of(), "10.0.0.1:5555");
  }

  private static String server(Routing.Routed routed) {
    Route r = routed.service().route(List.of()).orElseThrow();
    r.finished(false);
    return r.target().url().toString();
  }

  @Test
  void sameNamesStayApartAndSuffixedReferencesCrossProviders() throws Exception {
    DynamicConfig file = DynamicConfig.parse("""
        http:
          routers:
            api: {rule: "Path(`/file`)", service: api, middlewares: [strip]}
          middlewares:
            strip: {stripPrefix: {prefixes: [/file]}}
          services:
            api: {loadBalancer: {servers: [{url: "http://127.0.0.1:9001"}]}}
        """, "file.yml");
    DynamicConfig etcd = DynamicConfig.parse("""
        http:
          routers:
            api: {rule: "Path(`/etcd`)", service: api}
            cross: {rule: "Path(`/cross`)", service: api@file, middlewares: [strip@file]}
            missing: {rule: "Path(`/missing`)", service: nothere@file}
            badmw: {rule: "Path(`/badmw`)", service: api, middlewares: [strip@consul]}
          services:
            api: {loadBalancer: {servers: [{url: "http://127.0.0.1:9002"}]}}
        """, "etcd.yml");
    try (Routing routing = Routing.build(Map.of("file", file, "etcd", etcd), Set.of("web"), "v3", scheduler)) {
      Routing.Routed f = routing.match("web", false, get("/file")).orElseThrow();
      assertThat(f.router()).isEqualTo("api@file");
      assertThat(f.middlewares()).containsExactly("strip@file");
      assertThat(server(f)).isEqualTo("http://127.0.0.1:9001");

      Routing.Routed e = routing.match("web", false, get("/etcd")).orElseThrow();
      assertThat(e.router()).isEqualTo("api@etcd");
      assertThat(server(e)).isEqualTo("http://127.0.0.1:9002");

      Routing.Routed cross = routing.match("web", false, get("/cross")).orElseThrow();
      assertThat(cross.router()).isEqualTo("cross@etcd");
      assertThat(cross.middlewares()).containsExactly("strip@file");
      assertThat(server(cross)).isEqualTo("http://127.0.0.1:9001");

      assertThat(routing.match("web", false, get("/missing"))).isEmpty();
      assertThat(routing.match("web", false, get("/badmw"))).isEmpty();
      assertThat(routing.warnings()).anyMatch(w -> w.contains("missing@etcd") && w.contains("nothere@file"))
          .anyMatch(w -> w.contains("badmw@etcd") && w.contains("no provider named consul"));
    }
  }
}
