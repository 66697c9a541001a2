package io.cairn.gateway.middleware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.gateway.config.Middleware.ForwardAuth;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** forwardAuth's request and answer rules, after Traefik's forward_test.go cases. */
class ForwardAuthCheckTest {
  private static ForwardAuthCheck auth(String address, List<String> responseHeaders, String regex,
      List<String> requestHeaders, List<String> cookies, boolean preserveLocation) {
    return new ForwardAuthCheck(new ForwardAuth(address, Optional.empty(), false, responseHeaders, regex, requestHeaders,
        cookies, "", false, -1, preserveLocation));
  }

  private static ForwardAuthCheck auth(String address) {
    return auth(address, List.of(), "", List.of(), List.of(), false);
  }

  @Test
  void theAuthRequestCarriesTheHeadersButNotHopByHopOnesAndSetsTheForwardedOnes() {
    Exchange ex = Fx.req("PUT", "https://example.com:8443/a/b?c=d");
    ex.requestHeaders().add("Authorization", "Basic x").add("Connection", "keep-alive").add("Te", "trailers")
        .add("Upgrade", "h2c").add("Content-Length", "3").add("Accept", "text/html");
    HeaderMap h = auth("http://auth.local:9000/check").authRequest(ex);
    assertThat(h.get("Authorization")).isEqualTo("Basic x");
    assertThat(h.get("Accept")).isEqualTo("text/html");
    assertThat(h.contains("Connection")).isFalse();
    assertThat(h.contains("Te")).isFalse();
    assertThat(h.contains("Upgrade")).isFalse();
    assertThat(h.contains("Content-Length")).isFalse();
    assertThat(h.get("Host")).isEqualTo("auth.local:9000");
    assertThat(h.get("X-Forwarded-Method")).isEqualTo("PUT");
    assertThat(h.get("X-Forwarded-Proto")).isEqualTo("https");
    assertThat(h.get("X-Forwarded-Host")).isEqualTo("example.com:8443");
    assertThat(h.get("X-Forwarded-Uri")).isEqualTo("/a/b?c=d");
    assertThat(h.get("X-Forwarded-For")).isEqualTo("192.0.2.10");
  }

  @Test
  void authRequestHeadersKeepsOnlyTheListedHeaders() {
    Exchange ex = Fx.get("http://example.com/");
    ex.requestHeaders().add("X-Keep", "1").add("X-Drop", "2");
    HeaderMap h = auth("http://a/", List.of(), "", List.of("x-keep"), List.of(), false).authRequest(ex);
    assertThat(h.get("X-Keep")).isEqualTo("1");
    assertThat(h.contains("X-Drop")).isFalse();
    assertThat(h.get("X-Forwarded-Method")).isEqualTo("GET");
  }

  @Test
  void a2xxCopiesTheListedAndMatchingHeadersReplacingTheClientsOwn() {
    Exchange ex = Fx.get("http://example.com/");
    ex.requestHeaders().add("X-Auth-User", "forged").add("X-Auth-Group", "forged").add("X-Kept", "k");
    HeaderMap answer = new HeaderMap().add("X-Auth-User", "alice").add("x-auth-group", "admins")
        .add("X-Unlisted", "u").add("Set-Cookie", "a=1").add("Set-Cookie", " b =2; Path=/").add("Set-Cookie", "c=3");
    ForwardAuthCheck check = auth("http://a/", List.of("X-Auth-User", "X-Missing"), "^X-Auth-G", List.of(),
        List.of("a", "b"), false);
    assertThat(check.onAnswer(ex, 204, answer, new byte[0])).isEqualTo(Outcome.CONTINUE);
    assertThat(ex.requestHeaders().getAll("X-Auth-User")).containsExactly("alice");
    assertThat(ex.requestHeaders().getAll("X-Auth-Group")).containsExactly("admins");
    assertThat(ex.requestHeaders().contains("X-Unlisted")).isFalse();
    assertThat(ex.requestHeaders().get("X-Kept")).isEqualTo("k");
    assertThat(check.cookies(answer)).as("the listed names only").containsExactly("a=1", " b =2; Path=/");
    assertThat(check.cookieNames()).containsExactlyInAnyOrder("a", "b");
    assertThat(auth("http://a/").cookies(answer)).isEmpty();
  }

  @Test
  void otherAnswersGoBackWithTheirHeadersAndARelativeLocationResolved() {
    Exchange ex = Fx.get("http://example.com/");
    HeaderMap answer = new HeaderMap().add("Location", "/login?next=1").add("Connection", "close")
        .add("Content-Length", "4").add("WWW-Authenticate", "Basic");
    Outcome o = auth("http://auth.local/check").onAnswer(ex, 302, answer, "body".getBytes());
    assertThat(o).isInstanceOf(Outcome.Respond.class);
    Outcome.Respond r = (Outcome.Respond) o;
    assertThat(r.status()).isEqualTo(302);
    assertThat(r.bodyText()).isEqualTo("body");
    assertThat(r.headers().get("Location")).isEqualTo("http://auth.local/login?next=1");
    assertThat(r.headers().get("WWW-Authenticate")).isEqualTo("Basic");
    assertThat(r.headers().contains("Connection")).isFalse();
    assertThat(r.headers().contains("Content-Length")).isFalse();

    Outcome kept = auth("http://auth.local/check", List.of(), "", List.of(), List.of(), true)
        .onAnswer(ex, 302, answer, new byte[0]);
    assertThat(((Outcome.Respond) kept).headers().get("Location")).isEqualTo("/login?next=1");
    assertThat(auth("http://a/").onError().status()).isEqualTo(500);
  }

  @Test
  void theAddressMustBeAnHttpOrHttpsUrl() {
    assertThat(auth("http://a:1/p?q=1").addressTarget()).isEqualTo("/p?q=1");
    assertThat(auth("http://a:1").addressTarget()).isEqualTo("/");
    assertThat(auth("https://a/").tls()).as("https: default TLS settings").isPresent();
    assertThat(auth("http://a/").tls()).isEmpty();
    assertThatThrownBy(() -> auth("ftp://a/")).hasMessageContaining("expected http(s)://host[:port]/path");
    assertThatThrownBy(() -> auth("not a url")).hasMessageContaining("forwardAuth.address");
    assertThat(ForwardAuthCheck.canonical("x-auth-GROUP")).isEqualTo("X-Auth-Group");
  }
}
