package io.cairn.gateway.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.gateway.server.RequestHead;
import io.cairn.gateway.server.Target;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedirectionsTest {
  private static final Target NEXT = Target.Respond.text(200, "next\n");

  private static RequestHead head(String ep, String method, String host, String uri, boolean tls) {
    return new RequestHead(ep, "HTTP/1.1", method, uri, host, new DefaultHttpHeaders(),
        new InetSocketAddress("127.0.0.1", 5555), tls);
  }

  private static Target.Respond route(Redirections.Rule rule, RequestHead h) {
    return (Target.Respond) new Redirections(Map.of("web", rule), x -> NEXT).route(h);
  }

  @Test
  void permanentIs301ForGetAnd308Otherwise() {
    Redirections.Rule rule = new Redirections.Rule("https", 8443, true);
    Target.Respond get = route(rule, head("web", "GET", "example.com:8080", "/a?b=c", false));
    assertThat(get.status()).isEqualTo(301);
    assertThat(get.headers()).containsEntry("Location", "https://example.com:8443/a?b=c");
    assertThat(new String(get.body(), StandardCharsets.UTF_8)).isEqualTo("Moved Permanently");
    assertThat(route(rule, head("web", "POST", "example.com", "/", false)).status()).isEqualTo(308);
  }

  @Test
  void temporaryIs302ForGetAnd307Otherwise() {
    Redirections.Rule rule = new Redirections.Rule("https", 8443, false);
    assertThat(route(rule, head("web", "GET", "example.com", "/", false)).status()).isEqualTo(302);
    assertThat(route(rule, head("web", "PUT", "example.com", "/", false)).status()).isEqualTo(307);
  }

  @Test
  void port443IsLeftOutAndIpv6HostsKeepTheirBrackets() {
    Redirections.Rule rule = new Redirections.Rule("https", 443, true);
    assertThat(route(rule, head("web", "GET", "example.com:80", "/x", false)).headers())
        .containsEntry("Location", "https://example.com/x");
    assertThat(route(rule, head("web", "GET", "[::1]:80", "/x", false)).headers())
        .containsEntry("Location", "https://[::1]/x");
  }

  @Test
  void otherEntryPointsAndTlsRequestsGoOn() {
    Redirections r = new Redirections(Map.of("web", new Redirections.Rule("https", 443, true)), x -> NEXT);
    assertThat(r.route(head("websecure", "GET", "example.com", "/", false))).isSameAs(NEXT);
    assertThat(r.route(head("web", "GET", "example.com", "/", true))).isSameAs(NEXT);
    assertThat(((Target.Respond) r.route(head("web", "GET", "", "/", false))).status()).isEqualTo(400);
  }

  @Test
  void rulesComeFromTheStaticEntryPointsWithTheTargetsBoundPort() throws Exception {
    io.cairn.gateway.config.StaticConfig config = io.cairn.gateway.config.StaticConfig.fromArgs(java.util.List.of(
        "--entryPoints.web.address=:80", "--entryPoints.websecure.address=:443",
        "--entryPoints.web.http.redirections.entryPoint.to=websecure",
        "--entryPoints.web.http.redirections.entryPoint.permanent=false",
        "--entryPoints.alt.address=:81", "--entryPoints.alt.http.redirections.entryPoint.to=:8443"));
    Redirections r = Redirections.of(config.entryPoints(),
        name -> name.equals("websecure") ? java.util.OptionalInt.of(9443) : java.util.OptionalInt.empty(), x -> NEXT);
    Target.Respond web = (Target.Respond) r.route(head("web", "GET", "h", "/", false));
    assertThat(web.status()).isEqualTo(302);
    assertThat(web.headers()).containsEntry("Location", "https://h:9443/");
    assertThat(((Target.Respond) r.route(head("alt", "GET", "h", "/", false))).headers())
        .containsEntry("Location", "https://h:8443/");
    assertThat(r.route(head("websecure", "GET", "h", "/", false))).isSameAs(NEXT);
  }
}
