package io.cairn.gateway.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.gateway.config.DynamicConfig;
import io.cairn.gateway.config.EntryPoint;
import io.cairn.gateway.config.Router;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EntryPointModelsTest {
  @Test
  void entryPointTlsAndMiddlewaresBecomeRouterDefaultsSplittingRoutersOnSeveralEntryPoints() throws Exception {
    DynamicConfig config = DynamicConfig.parse("""
        http:
          routers:
            both:
              rule: "Host(`a`)"
              service: s
              middlewares: [own]
            secureOnly:
              rule: "Host(`b`)"
              entryPoints: [websecure]
              service: s
        """, null);
    Map<String, EntryPoint> eps = new LinkedHashMap<>();
    eps.put("web", EntryPoint.at(":80"));
    EntryPoint secure = EntryPoint.at(":443");
    eps.put("websecure", new EntryPoint(secure.address(), new EntryPoint.Http(Optional.empty(), List.of("hsts"),
        Optional.of(new Router.Tls("", "", List.of()))), secure.http2(), secure.http3(), secure.transport(),
        secure.forwardedHeaders()));

    Map<String, Router> routers = EntryPointModels.apply(config, eps).http().routers();

    assertThat(routers).containsOnlyKeys("both", "websecure-both", "secureOnly");
    assertThat(routers.get("both").entryPoints()).containsExactly("web");
    assertThat(routers.get("both").tls()).isEmpty();
    assertThat(routers.get("both").middlewares()).containsExactly("own");
    assertThat(routers.get("websecure-both").entryPoints()).containsExactly("websecure");
    assertThat(routers.get("websecure-both").tls()).isPresent();
    assertThat(routers.get("websecure-both").middlewares()).containsExactly("hsts", "own");
    assertThat(routers.get("secureOnly").tls()).isPresent();
  }

  @Test
  void withoutModelsTheConfigurationIsUnchanged() throws Exception {
    DynamicConfig config = DynamicConfig.parse("""
        http:
          routers:
            r:
              rule: "Host(`a`)"
              service: s
        """, null);
    assertThat(EntryPointModels.apply(config, Map.of("web", EntryPoint.at(":80")))).isSameAs(config);
  }
}
