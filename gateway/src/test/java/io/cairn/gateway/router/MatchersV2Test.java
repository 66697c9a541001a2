package io.cairn.gateway.router;

import static io.cairn.gateway.router.MatchersV3Test.h;
import static io.cairn.gateway.router.MatchersV3Test.urls;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Traefik's pkg/muxer/http/matcher_v2_test.go (and its copy of v2's Test_addRoute), ported. */
class MatchersV2Test {

  static void assertUrls(String rule, Map<String, Boolean> expected) throws Exception {
    RequestMatcher m = Rules.compile(rule, "v2");
    Map<String, Boolean> got = new LinkedHashMap<>();
    expected.keySet().forEach(u -> got.put(u, m.matches(Req.get(u))));
    assertThat(got).as(rule).isEqualTo(expected);
  }

  static boolean headers(String rule, Map<String, List<String>> headers) throws Exception {
    return Req.matches(rule, "v2", Req.of("GET", "https://example.com", headers, null));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "ClientIP(`1`)", "ClientIP()", "ClientIP(``)", "Method()", "Method(``)",
      "Host()", "Host(``)", "Host(`🦭.com`)", "HostRegexp()", "HostRegexp(``)",
      "HostRegexp(`🦭.com`)", "Path()", "Path(``)", "Path(`css`)", "PathPrefix()",
      "PathPrefix(``)", "PathPrefix(`css`)", "Headers()", "Headers(`X-Forwarded-Host`)",
      "Headers(`X-Forwarded-Host`, ``)", "Headers(``, `example.com`)",
      "Headers(`X-Forwarded-Host`, `example.com`, `example.org`)", "HeaderRegexp()",
      "HeadersRegexp(`X-Forwarded-Host`)", "HeadersRegexp(`X-Forwarded-Host`, ``)",
      "HeadersRegexp(``, `example.com`)", "HeadersRegexp(`X-Forwarded-Host`,`(example.com`)",
      "HeadersRegexp(`X-Forwarded-Host`, `example.com`, `example.org`)",
      "", "rulewithnotmatcher", "Host(`locàlhost`)", "HostRegexp(`locàlhost`)", "Host(tchouk)",
      "Path(\"titi\")", "PathPrefix(\"titi\")", "HostRegexp(\"{test\")", "Headers(\"titi\")",
      "HeadersRegexp(\"titi\")", "Query(\"titi\")", "Query(\"titi={test\")",
      "Host(\"tchouk\") && Path()", "Host(\"tchouk\") && Path(\"\")",
      "Host(\"tchouk\") && Path(\"\", \"/titi\")", "ClientIP(`invalid`)",
      "PathRegexp(`/css`)", "QueryRegexp(`q`, `x`)", "Header(`a`, `b`)"})
  void refusesWhatTraefikRefuses(String rule) {
    assertThatThrownBy(() -> Rules.compile(rule, "v2")).isInstanceOf(RuleSyntaxException.class);
  }

  @Test
  void clientIp() throws Exception {
    Object[][] cases = {
        {"ClientIP(`127.0.0.1`, `192.168.1.0/24`)", "127.0.0.1", true},
        {"ClientIP(`127.0.0.1`, `192.168.1.0/24`)", "192.168.1.1", true},
        {"ClientIP(`127.0.0.1`)", "192.168.1.1", false}, {"ClientIP(`127.0.0.1`)", "1", false},
        {"ClientIP(`10.0.0.1`, `10.0.0.0`)", "10.0.0.0", true},
        {"ClientIP(`11.0.0.0/24`)", "10.0.0.0", false},
        {"ClientIP(`11.0.0.0/16`, `10.0.0.0/16`)", "10.0.0.0", true},
        {"ClientIP(`11.0.0.0`, `10.0.0.0/16`)", "10.0.0.0", true},
        {"ClientIP(`10::/16`)", "10::10", true},
    };
    for (Object[] c : cases) {
      BasicRequest req = Req.of("GET", "https://example.com", Map.of(), (String) c[1]);
      assertThat(Req.matches((String) c[0], "v2", req)).as("%s from %s", c[0], c[1])
          .isEqualTo(c[2]);
    }
  }

  @Test
  void method() throws Exception {
    String rule = "Method(`GET`, `post`)";
    assertThat(Req.matches(rule, "v2", Req.of("GET", "http://a/", Map.of(), null))).isTrue();
    assertThat(Req.matches(rule, "v2", Req.of("POST", "http://a/", Map.of(), null))).isTrue();
    assertThat(Req.matches(rule, "v2", Req.of("get", "http://a/", Map.of(), null))).isFalse();
    assertThat(Req.matches(rule, "v2", Req.of("PUT", "http://a/", Map.of(), null))).isFalse();
  }

  @Test
  void host() throws Exception {
    assertUrls("Host(`example.com`, `example.org`)", urls("https://example.com", true,
        "https://example.com:8080", true, "https://EXAMPLE.COM/path", true,
        "https://example.org", true, "https://example.net", false));
    assertUrls("Host(`example.com.`)", urls("https://example.com", true,
        "https://example.com.", true, "https://example.org.", false));
    assertUrls("Host(`xn--9t9h.com`)", urls("https://xn--9t9h.com", true,
        "https://🦭.com", false));
    assertUrls("HostHeader(`localhost`)", urls("http://localhost/foo", true,
        "http://bar/foo", false));
    assertUrls("Host(`nope,localhost`) && PathPrefix(`/bar`)", urls("http://localhost/foo",
        false));
  }

  @Test
  void hostRegexp() throws Exception {
    // Outside braces a template is literal text, so this "invalid regexp" is valid and literal.
    assertUrls("HostRegexp(`(example.com`)", urls("https://example.com", false,
        "https://example.com:8080", false, "https://example.org", false));
    assertUrls("HostRegexp(`example.com`, `example.org`)", urls("https://example.com", true,
        "https://example.com:8080", true, "https://example.com/path", true,
        "https://example.org", true, "https://exampleXcom", false));
    assertUrls("HostRegexp(`^[A-Z]+\\.com$`)", urls("https://example.com", false,
        "https://EXAMPLE.com", false));
    assertUrls("HostRegexp(`{domain:[a-zA-Z-]+\\.com}`)", urls("https://example.com", true,
        "https://example.com/path", true, "https://example.org", false));
    Map<String, Boolean> subdomains = urls("http://foo.bar.com", true, "http://bar.com", true,
        "http://fooubar.com", false, "http://barucom", false, "http://barcom", false);
    assertUrls("HostRegexp(`{subdomain:(foo\\.)?bar\\.com}`)", subdomains);
    assertUrls("HostRegexp(`{subdomain:(?:foo\\.)?bar\\.com}`)", subdomains);
    Map<String, Boolean> insensitive = urls("http://FOO.bar.com", true, "http://foo.bar.com",
        true, "http://fooubar.com", false, "http://barucom", false, "http://barcom", false);
    assertUrls("HostRegexp(`{dummy:[A-Za-z-]+\\.bar\\.com}`)", insensitive);
    assertUrls("HostRegexp(`{dummy:[a-z-]+\\.bar\\.com}`)", insensitive);
    assertUrls("HostRegexp(`foo.bar.com`)", insensitive);
    assertUrls("HostRegexp(`{sub}.bar.com`)", urls("http://a.bar.com", true,
        "http://a.b.bar.com", false));
  }

  @Test
  void path() throws Exception {
    assertUrls("Path(`/css`, `/js`)", urls("https://example.com", false,
        "https://example.com/html", false, "https://example.org/css", true,
        "https://example.com/css", true, "https://example.com/css/", false,
        "https://example.com/css/main.css", false, "https://example.com/js", true,
        "https://example.com/js/main.js", false));
    assertUrls("Path(`/css{path:(/.*)?}`)", urls("https://example.com", false,
        "https://example.com/css/main.css", true, "https://example.org/css/main.css", true,
        "https://example.com/css/components/component.css", true,
        "https://example.com/css.css", false, "https://example.com/js/main.js", false));
    assertUrls("PathPrefix(`/css`, `/js`)", urls("https://example.com", false,
        "https://example.com/html", false, "https://example.org/css", true,
        "https://example.com/css/", true, "https://example.com/css/main.css", true,
        "https://example.com/js/", true, "https://example.com/js/main.js", true));
    assertUrls("PathPrefix(`/css-{name:[0-9]?}`)", urls("https://example.com", false,
        "https://example.com/css-1/main.css", true, "https://example.org/css-222/main.css",
        true, "https://example.com/css-333333/components/component.css", true,
        "https://example.com/css.css", false, "https://example.com/js/main.js", false));
    assertUrls("Path(`/users/{id}`)", urls("https://a/users/42", true, "https://a/users/4/2",
        false));
  }

  @Test
  void headers() throws Exception {
    for (String rule : List.of("Headers(`X-Forwarded-Proto`, `https`)",
        "Headers(`x-forwarded-proto`, `https`)")) {
      assertThat(headers(rule, h("X-Forwarded-Proto", "https"))).isTrue();
      assertThat(headers(rule, h("X-Forwarded-Proto", "http", "https"))).isTrue();
      assertThat(headers(rule, h("X-Forwarded-Host", "example.com"))).isFalse();
    }
    String re = "HeadersRegexp(`X-Forwarded-Proto`, `^https?$`)";
    assertThat(headers(re, h("X-Forwarded-Proto", "http"))).isTrue();
    assertThat(headers(re, h("X-Forwarded-Proto", "HTTPS"))).isFalse();
    assertThat(headers(re, h("X-Forwarded-Proto", "ws", "https"))).isTrue();
    String tpl = "HeadersRegexp(`X-Forwarded-Proto`, `http{secure:s?}`)";
    assertThat(headers(tpl, h("X-Forwarded-Proto", "https"))).isFalse();
    assertThat(headers(tpl, h("X-Forwarded-Proto", "http{secure:s}"))).isTrue();
    assertThat(headers("HeadersRegexp(`Content-Type`, `application/(text|json)`)",
        h("Content-Type", "application/text"))).isTrue();
    assertThat(headers("Headers(`A`, `1`, `B`, `2`)",
        Map.of("A", List.of("1"), "B", List.of("2")))).as("every pair must match").isTrue();
    assertThat(headers("Headers(`A`, `1`, `B`, `2`)", h("A", "1"))).isFalse();
  }

  @Test
  void query() throws Exception {
    assertUrls("Query(`foo=bar`, `bar=baz`)", urls("http://localhost/foo?foo=bar&bar=baz",
        true, "http://localhost/foo?bar=baz", false));
    assertUrls("Query(`foo=b=ar`)", urls("http://localhost/foo?foo=b=ar", true,
        "http://localhost/foo?foo=bar", false));
    assertUrls("Query(`foo=`)", urls("http://a/?foo=", true, "http://a/?foo=x", true,
        "http://a/?bar=x", false));
    assertUrls("Query(`id={id:[0-9]+}`)", urls("http://a/?id=12", true, "http://a/?id=x",
        false, "http://a/?id=x&id=12", false));
  }

  @Test
  void addRouteOperators() throws Exception {
    assertUrls("Host(\"tchouk\",\"pouet\") && Path(\"/powpow\", \"/titi\")", urls(
        "http://tchouk/toto", false, "http://tchouk/powpow", true, "http://pouet/powpow", true,
        "http://tchouk/titi", true, "http://pouet/titi", true, "http://plopi/a", false));
    assertUrls("!(Host(\"tchouk\",\"pouet\") && Path(\"/powpow\", \"/titi\"))", urls(
        "http://tchouk/toto", true, "http://tchouk/powpow", false, "http://pouet/titi", false,
        "http://plopi/a", true));
    assertUrls("!Host(\"tchouk\") && Pathprefix(\"/titi\")", urls("http://tchouk/titi", false,
        "http://toto/powpow", false, "http://toto/titi", true));
    assertUrls("Method(`POST`)", urls("http://localhost/foo", false));
  }
}
