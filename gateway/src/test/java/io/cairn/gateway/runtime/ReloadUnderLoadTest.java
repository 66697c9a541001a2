package io.cairn.gateway.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watched dynamic file rewritten several times (servers and rule changed, the rule still
 * matching) while the real {@code wrk} runs: no failed request, and the last configuration serves.
 */
class ReloadUnderLoadTest {
  @TempDir
  Path dir;

  private static String config(String rule, List<TestBackend> servers) {
    StringBuilder list = new StringBuilder();
    for (TestBackend s : servers) {
      list.append("                  - url: \"").append(s.url()).append("\"\n");
    }
    return """
        http:
          routers:
            all:
              rule: "%s"
              service: app
          services:
            app:
              loadBalancer:
                servers:
        %s""".formatted(rule, list);
  }

  @Test
  void reloadsUnderLoadFailNoRequestAndTheLastConfigurationServes() throws Exception {
    try (TestBackend a = new TestBackend("a"); TestBackend b = new TestBackend("b"); TestBackend c = new TestBackend("c");
        GatewayHarness g = new GatewayHarness(dir, config("PathPrefix(`/`)", List.of(a)))) {
      for (int i = 0; i < 20; i++) {
        assertThat(g.get("/warm").body()).isEqualTo("a");
      }
      Wrk wrk = Wrk.start(g.url("/load"), 8, 7);
      List<String> rules = List.of("PathPrefix(`/load`) || PathPrefix(`/warm`)", "PathPrefix(`/`) && !Host(`nowhere`)",
          "Path(`/load`) || PathPrefix(`/`)", "PathPrefix(`/lo`)");
      List<List<TestBackend>> servers = List.of(List.of(b), List.of(a, b), List.of(a, c), List.of(c));
      for (int i = 0; i < rules.size(); i++) {
        Thread.sleep(1000);
        g.rewrite(config(rules.get(i), servers.get(i)));
      }
      String report = wrk.await();
      Wrk.assertClean(report);
      assertThat(b.hits()).as("b served after the first reload").isPositive();
      String last = "";
      for (int i = 0; i < 100 && !last.equals("c"); i++) {
        last = g.get("/load").body();
        Thread.sleep(50);
      }
      assertThat(last).isEqualTo("c");
      long aNow = a.hits();
      long bNow = b.hits();
      for (int i = 0; i < 10; i++) {
        assertThat(g.get("/load").body()).isEqualTo("c");
      }
      assertThat(g.get("/warm").statusCode()).as("the last rule no longer matches /warm").isEqualTo(404);
      assertThat(a.hits()).isEqualTo(aNow);
      assertThat(b.hits()).isEqualTo(bNow);
    }
  }
}
