package io.cairn.gateway.acme;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.gateway.config.Domain;
import io.cairn.gateway.config.HttpConfig;
import io.cairn.gateway.config.Router;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RouterDomainsTest {

  private static Router router(String rule, Optional<Router.Tls> tls) {
    return new Router(List.of(), List.of(), "svc", rule, "", 0, tls);
  }

  private static HttpConfig http(Map<String, Router> routers) {
    return new HttpConfig(routers, Map.of(), Map.of(), Map.of());
  }

  @Test
  void hostNamesOfTheRuleMakeOneListAndTlsDomainsOneListEach() {
    var routers = new LinkedHashMap<String, Router>();
    routers.put("web", router("Host(`Example.test`) || (Host(`www.example.test`) && PathPrefix(`/a`))",
        Optional.of(new Router.Tls("le", "", List.of()))));
    routers.put("api", router("Host(`api.example.test`)", Optional.of(new Router.Tls("le", "",
        List.of(new Domain("main.test", List.of("alt.test")), new Domain("", List.of("only-san.test")))))));
    routers.put("other", router("Host(`other.test`)", Optional.of(new Router.Tls("other", "", List.of()))));
    routers.put("plain", router("Host(`plain.test`)", Optional.empty()));
    routers.put("dup", router("Host(`example.test`) || Host(`www.example.test`)",
        Optional.of(new Router.Tls("le", "", List.of()))));

    assertThat(RouterDomains.forResolver("le", http(routers), "v3")).containsExactly(
        List.of("example.test", "www.example.test"),
        List.of("main.test", "alt.test"),
        List.of("only-san.test"));
  }

  @Test
  void negatedHostsAndRulesWithoutHostContributeNothing() {
    var routers = new LinkedHashMap<String, Router>();
    routers.put("not", router("Host(`a.test`) && !Host(`b.test`)",
        Optional.of(new Router.Tls("le", "", List.of()))));
    routers.put("path", router("PathPrefix(`/`)", Optional.of(new Router.Tls("le", "", List.of()))));
    assertThat(RouterDomains.forResolver("le", http(routers), "v3")).containsExactly(List.of("a.test"));
  }

  @Test
  void v2RulesWithSeveralHostArgumentsAreRead() {
    var routers = Map.of("old", new Router(List.of(), List.of(), "svc", "Host(`a.test`, `b.test`)", "v2", 0,
        Optional.of(new Router.Tls("le", "", List.of()))));
    assertThat(RouterDomains.forResolver("le", http(routers), "v3"))
        .containsExactly(List.of("a.test", "b.test"));
  }
}
