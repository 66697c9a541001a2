package io.cairn.gateway.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The normalisation a request goes through before matching (Go's net/url and Traefik's). */
class RequestViewTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
      "example.com|example.com", "EXAMPLE.com:8080|example.com", "[::1]:80|::1",
      "10::10|10::10", "[::1]|[::1]", "example.com.|example.com.", "' Example.COM '|example.com",
      "a:b:c|a:b:c", "example.com:|example.com", "''|''"})
  void canonicalHost(String header, String expected) {
    assertThat(HostHeader.canonical(header)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      // Traefik's TestRoutingPath and its CWE-436 tests
      "/foo%20bar|/foo bar", "/foo%2Fbar|/foo%2Fbar", "/foo%20bar%2Fbaz%23qux|/foo bar%2Fbaz%23qux",
      "/%61dmin|/admin", "/%61%64%6D%69%6E|/admin", "/%61%64%6d%69%6e|/admin",
      "/admin%2fsecret|/admin%2Fsecret", "/a%25b|/a%25b", "/caf%C3%A9|/café",
      "/{path:css}|/{path:css}", "/%7Bpath:css%7D|/{path:css}", "/a b%2fc|/a b/c"})
  void routingPath(String raw, String expected) {
    assertThat(RoutingPath.of(raw)).isEqualTo(expected);
  }

  @Test
  void badPercentEncodingIsRefused() {
    for (String raw : List.of("/a%", "/a%2", "/a%zz")) {
      assertThatThrownBy(() -> RoutingPath.of(raw)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("invalid percent-encoding");
    }
  }

  @Test
  void queryParsesAsGoDoes() {
    assertThat(GoQuery.parse("a=1&b=2&a=3")).isEqualTo(Map.of("a", List.of("1", "3"),
        "b", List.of("2")));
    assertThat(GoQuery.parse("mobile")).isEqualTo(Map.of("mobile", List.of("")));
    assertThat(GoQuery.parse("q=a+b%20c&x=%zz&y;z=1&&k=v=w"))
        .isEqualTo(Map.of("q", List.of("a b c"), "k", List.of("v=w")));
    assertThat(GoQuery.parse("")).isEmpty();
    assertThat(GoQuery.parse(null)).isEmpty();
  }

  @Test
  void basicRequestDerivesWhatMatchersRead() {
    BasicRequest r = BasicRequest.of("GET", "Example.com:8443", "/a%20b?x=1",
        Map.of("X-Test", List.of("v")), "[2001:db8::1]:5555");
    assertThat(r.host()).isEqualTo("example.com");
    assertThat(r.path()).isEqualTo("/a b");
    assertThat(r.query()).isEqualTo(Map.of("x", List.of("1")));
    assertThat(r.headers("x-test")).containsExactly("v");
    assertThat(r.headers("missing")).isEmpty();
    assertThat(r.clientIp().getHostAddress()).isEqualTo("2001:db8:0:0:0:0:0:1");
    assertThat(BasicRequest.of("GET", null, "", null, "10.0.0.1:1").clientIp().getHostAddress())
        .isEqualTo("10.0.0.1");
    assertThat(BasicRequest.of("GET", null, "/", null, "localhost:80").clientIp())
        .as("no DNS: a name is not an IP").isNull();
    assertThat(BasicRequest.of("GET", null, "/", null, "1").clientIp()).isNull();
    assertThat(BasicRequest.of("GET", null, "/", null, "010.0.0.1").clientIp()).isNull();
  }
}
