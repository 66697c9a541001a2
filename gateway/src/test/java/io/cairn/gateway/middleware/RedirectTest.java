package io.cairn.gateway.middleware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.gateway.config.Middleware.RedirectRegex;
import io.cairn.gateway.config.Middleware.RedirectScheme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Traefik's redirect_scheme_test.go and redirect_regex_test.go. */
class RedirectTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      HTTP to HTTPS                                  | https | ''   | false | GET  | http://foo              | ''    | 302 | https://foo
      HTTP to HTTPS, X-Forwarded-Proto http          | https | ''   | false | GET  | http://foo              | http  | 302 | https://foo
      HTTP to HTTPS, X-Forwarded-Proto https         | https | ''   | false | GET  | http://foo              | https | 200 | ''
      HTTP to HTTPS, X-Forwarded-Proto unknown       | https | ''   | false | GET  | http://foo              | bar   | 302 | https://foo
      HTTP to HTTPS, X-Forwarded-Proto ws            | https | ''   | false | GET  | http://foo              | ws    | 302 | https://foo
      HTTP to HTTPS, X-Forwarded-Proto wss           | https | ''   | false | GET  | http://foo              | wss   | 200 | ''
      HTTP with port to HTTPS without port           | https | ''   | false | GET  | http://foo:8080         | ''    | 302 | https://foo
      HTTP without port to HTTPS with port           | https | 8443 | false | GET  | http://foo              | ''    | 302 | https://foo:8443
      HTTP with port to HTTPS with port              | https | 8443 | false | GET  | http://foo:8000         | ''    | 302 | https://foo:8443
      HTTPS with port to HTTPS with port             | https | 8443 | false | GET  | https://foo:8000        | ''    | 302 | https://foo:8443
      HTTPS with port to HTTPS without port          | https | ''   | false | GET  | https://foo:8000        | ''    | 302 | https://foo
      already https, path kept                       | https | ''   | false | GET  | https://foo:8000/theother | ''  | 302 | https://foo/theother
      HTTP to HTTPS permanent                        | https | 8443 | true  | GET  | http://foo              | ''    | 301 | https://foo:8443
      to HTTP 80                                     | http  | 80   | false | GET  | http://foo:80           | ''    | 200 | ''
      to HTTPS 443                                   | https | 443  | false | GET  | https://foo:443         | ''    | 200 | ''
      HTTP to wss                                    | wss   | 9443 | false | GET  | http://foo              | ''    | 302 | wss://foo:9443
      HTTP to wss without port                       | wss   | ''   | false | GET  | http://foo              | ''    | 302 | wss://foo
      HTTP with port to wss without port             | wss   | ''   | false | GET  | http://foo:5678         | ''    | 302 | wss://foo
      HTTP to HTTPS without port                     | https | ''   | false | GET  | http://foo:443          | ''    | 302 | https://foo
      HTTP port redirection                          | http  | 8181 | false | GET  | http://foo:8080         | ''    | 302 | http://foo:8181
      HTTPS with port 80 to HTTPS without port       | https | ''   | false | GET  | https://foo:80          | ''    | 302 | https://foo
      IPV6 HTTP to HTTPS without port                | https | ''   | false | GET  | http://[::1]            | ''    | 302 | https://[::1]
      IPV6 HTTP to HTTPS with port                   | https | 8443 | false | GET  | http://[::1]            | ''    | 302 | https://[::1]:8443
      IPV6 HTTP with port 80 to HTTPS without port   | https | ''   | false | GET  | http://[::1]:80         | ''    | 302 | https://[::1]
      IPV6 HTTP with port 80 to HTTPS with port      | https | 8443 | false | GET  | http://[::1]:80         | ''    | 302 | https://[::1]:8443
      POST is 307                                    | https | ''   | false | POST | http://foo/a?b=c        | ''    | 307 | https://foo/a?b=c
      POST permanent is 308                          | https | ''   | true  | POST | http://foo              | ''    | 308 | https://foo/
      """)
  void redirectScheme(String desc, String scheme, String port, boolean permanent, String method, String url,
      String xProto, int status, String location) {
    Middleware m = Fx.build(new RedirectScheme(scheme, port, permanent));
    Exchange ex = Fx.req(method, url);
    if (!xProto.isEmpty()) {
      ex.requestHeaders().set("X-Forwarded-Proto", xProto);
    }
    Outcome o = m.onRequest(ex);
    if (status == 200) {
      assertThat(o).isEqualTo(Outcome.CONTINUE);
      return;
    }
    assertThat(o).isInstanceOfSatisfying(Outcome.Respond.class, r -> {
      assertThat(r.status()).isEqualTo(status);
      String loc = r.headers().get("Location");
      // Go's URL parser renders "https://foo/" for the target "/" the same as Traefik's test expects "https://foo"
      assertThat(loc.endsWith("/") && !location.endsWith("/") ? loc.substring(0, loc.length() - 1) : loc).isEqualTo(location);
      assertThat(r.bodyText()).isEqualTo(StatusText.of(status));
    });
  }

  @Test
  void redirectSchemeNeedsAScheme() {
    assertThatThrownBy(() -> Fx.build(new RedirectScheme("", "", false))).isInstanceOf(MiddlewareException.class)
        .hasMessageContaining("you must provide a target scheme");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      simple redirection                  | ^(?:http?:\\/\\/)(foo)(\\.com)(:\\d+)(.*)$ | https://${1}bar$2:443$4 | false | GET  | http://foo.com:80      | 302 | https://foobar.com:443/
      URL doesn't match regex             | bar                                      | foo                     | false | GET  | http://foo.com:80      | 200 | ''
      match but same URL                  | ^(.*)$                                   | $1                      | false | GET  | http://foo.com:80      | 200 | ''
      simple redirection with query       | ^http://foo.com(.*)$                     | https://bar.com$1       | false | GET  | http://foo.com/a?b=1   | 302 | https://bar.com/a?b=1
      https from TLS                      | ^https://(.*)$                           | http://${1}x            | false | GET  | https://foo.com/p      | 302 | http://foo.com/px
      permanent                           | ^http://foo.com(.*)$                     | https://bar.com$1       | true  | GET  | http://foo.com/a       | 301 | https://bar.com/a
      POST                                | ^http://foo.com(.*)$                     | https://bar.com$1       | false | POST | http://foo.com/a       | 307 | https://bar.com/a
      POST permanent                      | ^http://foo.com(.*)$                     | https://bar.com$1       | true  | POST | http://foo.com/a       | 308 | https://bar.com/a
      """)
  void redirectRegex(String desc, String regex, String replacement, boolean permanent, String method, String url,
      int status, String location) {
    Middleware m = Fx.build(new RedirectRegex(regex.replace("\\\\", "\\"), replacement, permanent));
    Outcome o = m.onRequest(Fx.req(method, url));
    if (status == 200) {
      assertThat(o).isEqualTo(Outcome.CONTINUE);
      return;
    }
    assertThat(o).isInstanceOfSatisfying(Outcome.Respond.class, r -> {
      assertThat(r.status()).isEqualTo(status);
      assertThat(r.headers().get("Location")).isEqualTo(location);
    });
  }

  @Test
  void redirectRegexRefusesBadRegex() {
    assertThatThrownBy(() -> Fx.build(new RedirectRegex("(", "x", false))).isInstanceOf(MiddlewareException.class);
  }
}
