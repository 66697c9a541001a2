package io.cairn.gateway.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code errors}: a listed status gets the error service's page, with the original status. */
class ErrorPagesTest {
  @TempDir
  Path dir;

  private static String config(String appUrl, TestBackend pages) {
    return """
        http:
          routers:
            all:
              rule: "PathPrefix(`/`)"
              service: app
              middlewares: [pages]
          middlewares:
            pages:
              errors:
                status: ["500-599", "404"]
                service: pages
                query: "errors/{status}.html?from={url}"
          services:
            app:
              loadBalancer:
                servers: [{url: "%s"}]
            pages:
              loadBalancer:
                servers: [{url: "%s"}]
        """.formatted(appUrl, pages.url());
  }

  @Test
  void aListedStatusIsAnsweredWithTheErrorPageAndOthersPassThrough() throws Exception {
    try (TestBackend app = new TestBackend("app"); TestBackend pages = new TestBackend("the error page");
        GatewayHarness g = new GatewayHarness(dir, config(app.url(), pages))) {
      pages.responseHeaders.put("X-Page", "yes");
      assertThat(g.get("/fine").body()).isEqualTo("app");
      assertThat(pages.hits()).isZero();

      app.status(503);
      HttpResponse<String> r = g.get("/broken?a=1");
      assertThat(r.statusCode()).isEqualTo(503);
      assertThat(r.body()).isEqualTo("the error page");
      assertThat(r.headers().firstValue("x-page")).hasValue("yes");
      assertThat(pages.seen.getFirst().method()).isEqualTo("GET");
      assertThat(pages.seen.getFirst().uri()).isEqualTo("/errors/503.html?from=%2Fbroken%3Fa%3D1");

      app.status(418);
      HttpResponse<String> teapot = g.get("/tea");
      assertThat(teapot.statusCode()).isEqualTo(418);
      assertThat(teapot.body()).isEqualTo("app");
      assertThat(pages.hits()).isEqualTo(1);
      assertThat(g.get("/keep-alive-still-works").statusCode()).isEqualTo(418);
    }
  }

  @Test
  void theProxysOwn502IsCaughtAndAMissingPageFallsBackToTheStatusText() throws Exception {
    try (TestBackend pages = new TestBackend("page");
        GatewayHarness g = new GatewayHarness(dir, config("http://127.0.0.1:1", pages))) {
      HttpResponse<String> r = g.get("/");
      assertThat(r.statusCode()).isEqualTo(502);
      assertThat(r.body()).isEqualTo("page");
      pages.stop();
      HttpResponse<String> fallback = g.get("/");
      assertThat(fallback.statusCode()).isEqualTo(502);
      assertThat(fallback.body()).isEqualTo("Bad Gateway");
    }
  }

  @Test
  void statusRangesParseAsTraefiks() {
    assertThat(ErrorPages.ranges(List.of("404", "500-599", "401,403"))).containsExactly(
        new int[] {404, 404}, new int[] {500, 599}, new int[] {401, 401}, new int[] {403, 403});
    assertThat(ErrorPages.pageTarget("/{status}.html", 404, "/x")).isEqualTo("/404.html");
    assertThat(ErrorPages.pageTarget("", 404, "/x")).isEqualTo("/");
  }
}
