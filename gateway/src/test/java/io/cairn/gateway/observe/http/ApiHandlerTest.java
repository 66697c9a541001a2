package io.cairn.gateway.observe.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.gateway.config.DynamicConfig;
import io.cairn.gateway.config.EntryPoint;
import io.cairn.gateway.runtime.Routing;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApiHandlerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private ScheduledExecutorService scheduler;
  private Routing routing;
  private ApiHandler api;

  @BeforeEach
  void setUp() throws Exception {
    DynamicConfig config = DynamicConfig.parse("""
        http:
          routers:
            web-app:
              rule: Host(`a.test`)
              service: app
              middlewares: [strip]
              entryPoints: [web]
            broken:
              rule: Path(`/b`)
              service: missing
          middlewares:
            strip:
              stripPrefix:
                prefixes: [/api]
          services:
            app:
              loadBalancer:
                servers:
                  - url: http://10.0.0.1:80
                  - url: http://10.0.0.2:80
        """, "dynamic.yml");
    scheduler = Executors.newSingleThreadScheduledExecutor();
    routing = Routing.build(config, Set.of("web", "traefik"), "file", "v3", scheduler);
    ApiState state = new ApiState(config, "file", routing.services(),
        Map.of("web", EntryPoint.at(":80"), "traefik", EntryPoint.at(":8080")), "prometheus", true, Instant.EPOCH);
    api = new ApiHandler(() -> state);
  }

  @AfterEach
  void tearDown() {
    routing.close();
    scheduler.shutdownNow();
  }

  private JsonNode get(String path, String query, int status) throws Exception {
    ApiHandler.Answer a = api.handle(path, query);
    assertThat(a.status()).as(a.body()).isEqualTo(status);
    assertThat(a.body()).endsWith("\n");
    return JSON.readTree(a.body());
  }

  @Test
  void routersAsTraefikListsThem() throws Exception {
    JsonNode routers = get("/http/routers", "", 200);
    assertThat(routers).hasSize(2);
    JsonNode broken = routers.get(0);
    assertThat(broken.get("name").asText()).isEqualTo("broken@file");
    assertThat(broken.get("status").asText()).isEqualTo("disabled");
    assertThat(broken.get("error").get(0).asText()).isEqualTo("the service \"missing@file\" does not exist");
    assertThat(broken.get("using").toString()).isEqualTo("[\"traefik\",\"web\"]");
    JsonNode app = routers.get(1);
    assertThat(app.toString()).isEqualTo("{\"entryPoints\":[\"web\"],\"middlewares\":[\"strip\"],\"service\":\"app\","
        + "\"rule\":\"Host(`a.test`)\",\"using\":[\"web\"],\"status\":\"enabled\",\"name\":\"web-app@file\","
        + "\"provider\":\"file\"}");
    assertThat(get("/http/routers/web-app@file", "", 200)).isEqualTo(app);
    assertThat(get("/http/routers/web-app", "", 404).get("message").asText()).isEqualTo("router not found");
  }

  @Test
  void servicesWithServerStatusAndMiddlewaresWithTheirKind() throws Exception {
    JsonNode svc = get("/http/services/app@file", "", 200);
    assertThat(svc.get("loadBalancer").get("servers").get(1).get("url").asText()).isEqualTo("http://10.0.0.2:80");
    assertThat(svc.get("serverStatus").toString())
        .isEqualTo("{\"http://10.0.0.1:80\":\"UP\",\"http://10.0.0.2:80\":\"UP\"}");
    assertThat(svc.get("usedBy").toString()).isEqualTo("[\"web-app@file\"]");
    assertThat(svc.get("type").asText()).isEqualTo("loadbalancer");
    JsonNode mw = get("/http/middlewares/strip@file", "", 200);
    assertThat(mw.get("stripPrefix").get("prefixes").toString()).isEqualTo("[\"/api\"]");
    assertThat(mw.get("type").asText()).isEqualTo("stripprefix");
    assertThat(mw.get("usedBy").toString()).isEqualTo("[\"web-app@file\"]");
  }

  @Test
  void overviewEntryPointsRawDataVersion() throws Exception {
    JsonNode o = get("/overview", "", 200);
    assertThat(o.at("/http/routers").toString()).isEqualTo("{\"total\":2,\"warnings\":0,\"errors\":1}");
    assertThat(o.at("/features/metrics").asText()).isEqualTo("prometheus");
    assertThat(o.at("/features/accessLog").asBoolean()).isTrue();
    assertThat(o.at("/providers").toString()).isEqualTo("[\"File\"]");
    JsonNode eps = get("/entrypoints", "", 200);
    assertThat(eps.get(0).get("name").asText()).isEqualTo("traefik");
    assertThat(eps.get(1).get("address").asText()).isEqualTo(":80");
    assertThat(get("/entrypoints/web", "", 200).get("name").asText()).isEqualTo("web");
    assertThat(get("/rawdata", "", 200).at("/services/app@file/serverStatus").size()).isEqualTo(2);
    assertThat(get("/version", "", 200).get("startDate").asText()).isEqualTo("1970-01-01T00:00:00Z");
    get("/nothing", "", 404);
  }

  @Test
  void searchStatusAndPages() throws Exception {
    assertThat(get("/http/routers", "search=web", 200)).hasSize(1);
    assertThat(get("/http/routers", "status=disabled", 200).get(0).get("name").asText()).isEqualTo("broken@file");
    ApiHandler.Answer first = api.handle("/http/routers", "per_page=1");
    assertThat(first.headers()).containsEntry("X-Next-Page", "2");
    ApiHandler.Answer second = api.handle("/http/routers", "per_page=1&page=2");
    assertThat(second.headers()).containsEntry("X-Next-Page", "1");
    assertThat(JSON.readTree(second.body()).get(0).get("name").asText()).isEqualTo("web-app@file");
    assertThat(api.handle("/http/routers", "per_page=1&page=9").status()).isEqualTo(400);
    assertThat(api.handle("/http/routers/%zz", "").status()).isEqualTo(400);
  }

  @Test
  void goDurations() {
    assertThat(ConfigJson.goDuration(Duration.ofSeconds(30))).isEqualTo("30s");
    assertThat(ConfigJson.goDuration(Duration.ofSeconds(90))).isEqualTo("1m30s");
    assertThat(ConfigJson.goDuration(Duration.ofMillis(250))).isEqualTo("250ms");
    assertThat(ConfigJson.goDuration(Duration.ofHours(2))).isEqualTo("2h0m0s");
  }
}
