package io.cairn.gateway.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Traefik's pkg/muxer/http/matcher_test.go, ported: v3 syntax (the default). */
class MatchersV3Test {

  static Map<String, Boolean> urls(Object... pairs) {
    Map<String, Boolean> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], (Boolean) pairs[i + 1]);
    }
    return m;
  }

  static void assertUrls(String rule, Map<String, Boolean> expected) throws Exception {
    RequestMatcher m = Rules.compile(rule, "");
    Map<String, Boolean> got = new LinkedHashMap<>();
    expected.keySet().forEach(u -> got.put(u, m.matches(Req.get(u))));
    assertThat(got).as(rule).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "ClientIP(`1`)", "ClientIP()", "ClientIP(``)", "ClientIP(`127.0.0.1`, `192.168.1.0/24`)",
      "Method()", "Method(``)", "Method(`GET`, `POST`)",
      "Host()", "Host(``)", "Host(`🦭.com`)", "Host(`example.com`, `example.org`)",
      "HostRegexp()", "HostRegexp(``)", "HostRegexp(`🦭.com`)", "HostRegexp(`(example.com`)",
      "HostRegexp(`example.com`, `example.org`)",
      "Path()", "Path(``)", "Path(`css`)", "Path(`/css`, `/js`)",
      "PathRegexp()", "PathRegexp(``)", "PathRegexp(`/(css`)", "PathRegexp(`/css`, `/js`)",
      "PathPrefix()", "PathPrefix(``)", "PathPrefix(`css`)", "PathPrefix(`/css`, `/js`)",
      "Header()", "Header(`X-Forwarded-Host`)", "Header(`X-Forwarded-Host`, ``)",
      "Header(``, `example.com`)", "Header(`X-Forwarded-Host`, `example.com`, `example.org`)",
      "HeaderRegexp()", "HeaderRegexp(`X-Forwarded-Host`)",
      "HeaderRegexp(`X-Forwarded-Host`, ``)", "HeaderRegexp(``, `example.com`)",
      "HeaderRegexp(`X-Forwarded-Host`,`(example.com`)",
      "HeaderRegexp(`X-Forwarded-Host`, `example.com`, `example.org`)",
      "Query()", "Query(``)", "Query(``, `traefik`)", "Query(`q`, ``)",
      "Query(`q`, `traefik`, `proxy`)",
      "QueryRegexp()", "QueryRegexp(``)", "QueryRegexp(`q`, `(traefik`)",
      "QueryRegexp(`q`, `traefik`, `proxy`)",
      // Test_addRoute (v3) and the v2-only matchers, unknown in v3
      "", "rulewithnotmatcher", "Host(`locàlhost`)", "HostRegexp(`locàlhost`)",
      "HostHeader(`localhost`)", "Headers(`Content-Type`,`application/json`)",
      "Host(tchouk)", "ClientIP(`invalid`)", "ClientIP(`10.0.0.0/33`)"})
  void refusesWhatTraefikRefuses(String rule) {
    assertThatThrownBy(() -> Rules.compile(rule, "v3"))
        .isInstanceOf(RuleSyntaxException.class)
        .hasMessageStartingWith("error while parsing rule " + rule + ": ");
    assertThat(Rules.check(rule, null)).isPresent();
  }

  @Test
  void errorMessagesAreTraefiks() {
    assertThat(Rules.check("Host(`a`, `b`)", "v3")).contains("error while parsing rule "
        + "Host(`a`, `b`): error while adding rule Host: unexpected number of parameters; "
        + "got 2, expected one of [1]");
    assertThat(Rules.check("Query(`a`, `b`, `c`)", "v3")).get().asString()
        .endsWith("got 3, expected one of [1 2]");
    assertThat(Rules.check("Host(``)", "v3")).get().asString()
        .endsWith("error while checking rule Host: empty args for matcher Host, []");
    assertThat(Rules.check("Path()", "v3")).get().asString()
        .endsWith("error while checking rule Path: no args for matcher Path");
    assertThat(Rules.check("Path(`css`)", "v3")).get().asString()
        .endsWith("path \"css\" does not start with a '/'");
    assertThat(Rules.check("Hots(`a`)", "v3")).get().asString()
        .endsWith("unsupported function: Hots");
    assertThat(Rules.check("HostRegexp(`(a`)", "v3")).get().asString()
        .contains("compiling HostRegexp matcher: error parsing regexp: ");
    assertThat(Rules.check("ClientIP(`1`)", "v3")).get().asString().endsWith(
        "initializing IP checker for ClientIP matcher: parsing CIDR trusted IPs <nil>: "
            + "invalid CIDR address: 1");
    assertThat(Rules.check("Host(`🦭.com`)", "v3")).get().asString()
        .endsWith("invalid value \"🦭.com\" for Host matcher, non-ASCII characters are not allowed");
  }

  @Test
  void clientIp() throws Exception {
    Object[][] cases = {
        {"ClientIP(`127.0.0.1`)", "127.0.0.1", true}, {"ClientIP(`127.0.0.1`)", "192.168.1.1", false},
        {"ClientIP(`127.0.0.1`)", "1", false},
        {"ClientIP(`192.168.1.0/24`)", "192.168.1.1", true},
        {"ClientIP(`192.168.1.0/24`)", "192.168.1.100", true},
        {"ClientIP(`192.168.1.0/24`)", "192.168.2.1", false},
        {"ClientIP(`10.0.0.0`)", "10.0.0.0:8456", true}, {"ClientIP(`10::10`)", "10::10", true},
        {"ClientIP(`10::10`)", "::1", false}, {"ClientIP(`10::/16`)", "[10::10]:443", true},
        {"ClientIP(`11::/16`)", "10::", false},
        {"ClientIP(`10.0.0.0/16`)", "::ffff:10.0.3.4", true},
    };
    for (Object[] c : cases) {
      BasicRequest req = Req.of("GET", "https://example.com", Map.of(), (String) c[1]);
      assertThat(Req.matches((String) c[0], "v3", req)).as("%s from %s", c[0], c[1])
          .isEqualTo(c[2]);
    }
  }

  @Test
  void method() throws Exception {
    for (String rule : List.of("Method(`GET`)", "Method(`get`)")) {
      assertThat(Req.matches(rule, "", Req.of("GET", "https://example.com", Map.of(), null)))
          .isTrue();
      assertThat(Req.matches(rule, "", Req.of("POST", "https://example.com", Map.of(), null)))
          .isFalse();
      assertThat(Req.matches(rule, "", Req.of("get", "https://example.com", Map.of(), null)))
          .isFalse();
    }
  }

  @Test
  void host() throws Exception {
    assertUrls("Host(`example.com`)", urls("https://example.com", true,
        "https://example.com:8080", true, "https://example.com/path", true,
        "https://EXAMPLE.COM/path", true, "https://example.org", false,
        "https://example.org/path", false));
    assertUrls("Host(`example.com.`)", urls("https://example.com", true,
        "https://example.com/path", true, "https://example.org", false,
        "https://example.com.", true, "https://example.com./path", true,
        "https://example.org.", false, "https://example.org./path", false));
    assertUrls("Host(`example.com`)", urls("https://example.com.", true,
        "https://example.com./path", true, "https://example.org.", false));
    assertUrls("Host(`EXAMPLE.COM`)", urls("https://example.com", true,
        "https://example.org", false));
    assertUrls("Host(`xn--9t9h.com`)", urls("https://xn--9t9h.com", true,
        "https://xn--9t9h.com/path", true, "https://example.com", false,
        "https://🦭.com", false));
    assertUrls("Host(`127.0.0.1`)", urls("http://127.0.0.1/foo", true));
    assertUrls("Host(`10::10`)", urls("http://10::10/foo", true));
    assertUrls("Host(`::1`)", urls("http://[::1]:8080/foo", true, "http://[::1]/foo", false));
    assertThat(Req.matches("Host(`example.com`)", "", Req.of("GET", "http:///", Map.of(), null)))
        .as("no Host header (HTTP/1.0)").isFalse();
  }

  @Test
  void hostRegexp() throws Exception {
    assertUrls("HostRegexp(`^[a-zA-Z-]+\\.com$`)", urls("https://example.com", true,
        "https://example.com:8080", true, "https://example.com/path", true,
        "https://example.org", false, "https://example.org/path", false));
    assertUrls("HostRegexp(`^[A-Z]+\\.com$`)", urls("https://example.com", false,
        "https://EXAMPLE.com", false, "https://example.org", false));
    assertUrls("HostRegexp(`{domain:[a-zA-Z-]+\\.com}`)", urls("https://example.com", false,
        "https://example.org/path", false));
    // Traefik also tries the CNAME-flattened host, "" when flattening is off.
    assertUrls("HostRegexp(`^$`)", urls("https://example.com", true));
  }

  @Test
  void path() throws Exception {
    assertUrls("Path(`/css`)", urls("https://example.com", false,
        "https://example.com/html", false, "https://example.org/css", true,
        "https://example.com/css", true, "https://example.com/css/", false,
        "https://example.com/css/main.css", false));
    assertUrls("PathRegexp(`^/(css|js)`)", urls("https://example.com", false,
        "https://example.com/html", false, "https://example.org/css", true,
        "https://example.com/CSS", false, "https://example.com/css", true,
        "https://example.com/css/", true, "https://example.com/css/main.css", true,
        "https://example.com/js", true, "https://example.com/js/", true,
        "https://example.com/js/main.js", true));
    assertUrls("PathRegexp(\"/{path:(css|js)}\")", urls("https://example.com", false,
        "https://example.com/html", false, "https://example.org/css", false,
        "https://example.com/{path:css}", true, "https://example.com/{path:css}/", true,
        "https://example.com/%7Bpath:css%7D", true, "https://example.com/%7Bpath:css%7D/", true,
        "https://example.com/{path:js}", true, "https://example.com/%7Bpath:js%7D/", true));
    assertUrls("PathPrefix(\"/css\")", urls("https://example.com", false,
        "https://example.com/html", false, "https://example.org/css", true,
        "https://example.com/css", true, "https://example.com/css/", true,
        "https://example.com/css/main.css", true));
    assertUrls("PathPrefix(`/foo bar`)", urls("https://example.com/foo%20bar", true,
        "https://example.com/foo%2Fbar", false));
    assertUrls("Path(`/foo%2Fbar`)", urls("https://example.com/foo%2Fbar", true,
        "https://example.com/foo/bar", false));
  }

  static Map<String, List<String>> h(String name, String... values) {
    return Map.of(name, List.of(values));
  }

  static boolean headers(String rule, Map<String, List<String>> headers) throws Exception {
    return Req.matches(rule, "v3", Req.of("GET", "https://example.com", headers, null));
  }

  @Test
  void header() throws Exception {
    for (String rule : List.of("Header(`X-Forwarded-Proto`, `https`)",
        "Header(`x-forwarded-proto`, `https`)")) {
      assertThat(headers(rule, h("X-Forwarded-Proto", "https"))).isTrue();
      assertThat(headers(rule, h("x-forwarded-proto", "https"))).as("names ignore case").isTrue();
      assertThat(headers(rule, h("X-Forwarded-Proto", "http", "https"))).isTrue();
      assertThat(headers(rule, h("X-Forwarded-Proto", "https", "http"))).isTrue();
      assertThat(headers(rule, h("X-Forwarded-Host", "example.com"))).isFalse();
    }
    for (String rule : List.of("HeaderRegexp(`X-Forwarded-Proto`, `^https?$`)",
        "HeaderRegexp(`x-forwarded-proto`, `^https?$`)")) {
      assertThat(headers(rule, h("X-Forwarded-Proto", "http"))).isTrue();
      assertThat(headers(rule, h("X-Forwarded-Proto", "https"))).isTrue();
      assertThat(headers(rule, h("X-Forwarded-Proto", "HTTPS"))).isFalse();
      assertThat(headers(rule, h("X-Forwarded-Proto", "ws", "https"))).isTrue();
      assertThat(headers(rule, h("X-Forwarded-Host", "example.com"))).isFalse();
    }
    String v2Like = "HeaderRegexp(`X-Forwarded-Proto`, `http{secure:s?}`)";
    assertThat(headers(v2Like, h("X-Forwarded-Proto", "http"))).isFalse();
    assertThat(headers(v2Like, h("X-Forwarded-Proto", "https"))).isFalse();
    assertThat(headers(v2Like, h("X-Forwarded-Proto", "http{secure:}"))).isTrue();
    assertThat(headers(v2Like, h("X-Forwarded-Proto", "HTTP{secure:}"))).isFalse();
    assertThat(headers(v2Like, h("X-Forwarded-Proto", "http{secure:s}"))).isTrue();
    assertThat(headers(v2Like, h("X-Forwarded-Proto", "http{secure:S}"))).isFalse();
    assertThat(headers(v2Like, h("X-Forwarded-Proto", "ws", "http{secure:s}"))).isTrue();
  }

  @Test
  void query() throws Exception {
    assertUrls("Query(`q`, `traefik`)", urls("https://example.com", false,
        "https://example.com?q=traefik", true, "https://example.com?rel=ddg&q=traefik", true,
        "https://example.com?q=traefik&q=proxy", true,
        "https://example.com?q=awesome&q=traefik", true, "https://example.com?q=nginx", false,
        "https://example.com?rel=ddg", false, "https://example.com?q=TRAEFIK", false,
        "https://example.com?Q=traefik", false, "https://example.com?rel=traefik", false));
    assertUrls("Query(`mobile`)", urls("https://example.com", false,
        "https://example.com?mobile", true, "https://example.com?mobile=true", false));
    assertUrls("QueryRegexp(`q`, `^(traefik|nginx)$`)", urls("https://example.com", false,
        "https://example.com?q=traefik", true, "https://example.com?q=awesome&q=traefik", true,
        "https://example.com?q=TRAEFIK", false, "https://example.com?Q=traefik", false,
        "https://example.com?q=nginx", true, "https://example.com?q=nginx&q=proxy", true,
        "https://example.com?q=NGINX", false, "https://example.com?q=haproxy", false));
    assertUrls("QueryRegexp(`q`, `^.*$`)", urls("https://example.com", false,
        "https://example.com?q=traefik", true, "https://example.com?q=TRAEFIK", true,
        "https://example.com?Q=traefik", false, "https://example.com?q=haproxy", true,
        "https://example.com?rel=ddg", false));
    assertUrls("QueryRegexp(`q`, `{value:(traefik|nginx)}`)", urls(
        "https://example.com?q=traefik", false, "https://example.com?q={value:traefik}", true));
    assertUrls("QueryRegexp(`mobile`)", urls("https://example.com?mobile", true,
        "https://example.com?mobile=1", false));
  }

  @Test
  void operators() throws Exception {
    assertUrls("Host(`localhost`) && PathPrefix(`/foo`)", urls("http://localhost/foo", true,
        "http://localhost/bar", false, "http://nope/foo", false));
    assertUrls("Host(\"tchouk\") || Host(\"pouet\") && Path(\"/powpow\")", urls(
        "http://tchouk/toto", true, "http://tchouk/powpow", true, "http://pouet/powpow", true,
        "http://pouet/toto", false, "http://plopi/a", false));
    assertUrls("(Host(\"tchouk\") || Host(\"pouet\")) && Path(\"/powpow\")", urls(
        "http://tchouk/toto", false, "http://tchouk/powpow", true, "http://pouet/powpow", true,
        "http://pouet/toto", false));
    assertUrls("!(Host(\"tchouk\") && !Path(\"/titi\"))", urls("http://tchouk/titi", true,
        "http://toto/titi", true, "http://tchouk/toto", false));
    assertUrls("!(!(Host(\"tchouk\") && Pathprefix(\"/titi\")))", urls("http://tchouk/titi",
        true, "http://tchouk/powpow", false, "http://test/titi", false));
    assertUrls("(HOST(\"tchouk\") && PATHPREFIX(\"/titi\"))", urls("http://tchouk/titi", true,
        "http://tchouk/powpow", false));
    assertUrls("(host(\"tchouk\") && pathprefix(\"/titi\"))", urls("http://tchouk/titi", true,
        "http://tchouk/powpow", false));
  }
}
