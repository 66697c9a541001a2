package io.cairn.gateway.middleware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Traefik's basic_auth_test.go, with its htpasswd fixtures. */
class BasicAuthTest {
  static final String TEST = "test:$apr1$H6uskkkW$IgXLP6ewTrSuBkTrqE8wj/";
  static final String TEST2 = "test2:$apr1$d9hr9HBB$4HxwgUir3HP4EsggP/QNo0";

  private static io.cairn.gateway.config.Middleware.BasicAuth cfg(List<String> users, String file, String realm,
      boolean remove, String field) {
    return new io.cairn.gateway.config.Middleware.BasicAuth(users, file, realm, remove, field);
  }

  private static Exchange withAuth(String user, String pass) {
    Exchange ex = Fx.get("http://localhost/");
    String token = Base64.getEncoder().encodeToString((user + ":" + pass).getBytes(StandardCharsets.UTF_8));
    ex.requestHeaders().set("Authorization", "Basic " + token);
    return ex;
  }

  @Test
  void failsWithoutOrWithBadCredentials() {
    Middleware m = Fx.build(cfg(List.of(TEST), "", "", false, ""));
    for (Exchange ex : List.of(Fx.get("http://localhost/"), withAuth("test", "bad"), withAuth("nobody", "test"))) {
      Outcome.Respond r = (Outcome.Respond) m.onRequest(ex);
      assertThat(r.status()).isEqualTo(401);
      assertThat(r.headers().get("WWW-Authenticate")).isEqualTo("Basic realm=\"traefik\"");
      assertThat(r.bodyText()).isEqualTo("401 Unauthorized\n");
    }
  }

  @Test
  void customRealm() {
    Middleware m = Fx.build(cfg(List.of(TEST), "", "foobar", false, ""));
    assertThat(((Outcome.Respond) m.onRequest(withAuth("test", "x"))).headers().get("WWW-Authenticate"))
        .isEqualTo("Basic realm=\"foobar\"");
  }

  @Test
  void apr1Md5Users() {
    Middleware m = Fx.build(cfg(List.of(TEST, TEST2), "", "", false, ""));
    assertThat(m.onRequest(withAuth("test", "test"))).isEqualTo(Outcome.CONTINUE);
    assertThat(m.onRequest(withAuth("test2", "test2"))).isEqualTo(Outcome.CONTINUE);
  }

  @Test
  void shaAndBcryptUsers() {
    String bcrypt = new String(BCrypt.with(BCrypt.Version.VERSION_2Y).hash(4, "secret".toCharArray()), StandardCharsets.UTF_8);
    String sha = "{SHA}qUqP5cyxm6YcTAhz05Hph5gvu9M=";
    Middleware m = Fx.build(cfg(List.of("b:" + bcrypt, "s:" + sha, "b2:" + bcrypt.replace("$2y$", "$2a$"),
        "b3:" + bcrypt.replace("$2y$", "$2b$"), "plain:test"), "", "", false, ""));
    assertThat(m.onRequest(withAuth("b", "secret"))).isEqualTo(Outcome.CONTINUE);
    assertThat(m.onRequest(withAuth("b2", "secret"))).isEqualTo(Outcome.CONTINUE);
    assertThat(m.onRequest(withAuth("b3", "secret"))).isEqualTo(Outcome.CONTINUE);
    assertThat(m.onRequest(withAuth("b", "wrong"))).isInstanceOf(Outcome.Respond.class);
    assertThat(m.onRequest(withAuth("s", "test"))).isEqualTo(Outcome.CONTINUE);
    assertThat(m.onRequest(withAuth("plain", "test"))).as("plain text never matches").isInstanceOf(Outcome.Respond.class);
  }

  @Test
  void headerFieldAndRemoveHeader() {
    Middleware m = Fx.build(cfg(List.of(TEST), "", "", true, "X-WebAuth-User"));
    Exchange ex = withAuth("test", "test");
    assertThat(m.onRequest(ex)).isEqualTo(Outcome.CONTINUE);
    assertThat(ex.requestHeaders().get("X-WebAuth-User")).isEqualTo("test");
    assertThat(ex.requestHeaders().contains("Authorization")).isFalse();
    assertThat(ex.user()).isEqualTo("test");
    Exchange kept = withAuth("test", "test");
    Fx.build(cfg(List.of(TEST), "", "", false, "")).onRequest(kept);
    assertThat(kept.requestHeaders().contains("Authorization")).isTrue();
  }

  @Test
  void usersFileWithCommentsAndPrecedenceOverInline(@TempDir Path dir) throws Exception {
    Path file = dir.resolve(".htpasswd");
    Files.writeString(file, "# comment\n\n  " + TEST + "  \n" + TEST2 + "\n");
    Middleware m = Fx.build(cfg(List.of("test:{SHA}qUqP5cyxm6YcTAhz05Hph5gvu9M=-wrong"), file.toString(), "", false, ""));
    assertThat(m.onRequest(withAuth("test", "test"))).isEqualTo(Outcome.CONTINUE);
    assertThat(m.onRequest(withAuth("test2", "test2"))).isEqualTo(Outcome.CONTINUE);
  }

  @Test
  void badOptionsNameTheMiddleware(@TempDir Path dir) {
    assertThatThrownBy(() -> Fx.build(cfg(List.of(), dir.resolve("missing").toString(), "", false, "")))
        .isInstanceOf(MiddlewareException.class).hasMessageStartingWith("middleware \"test\": basicAuth.usersFile");
    assertThatThrownBy(() -> Fx.build(cfg(List.of("a:b:c"), "", "", false, "")))
        .isInstanceOf(MiddlewareException.class).hasMessageContaining("a:b:c");
  }

  @Test
  void md5CryptKnownVectors() {
    byte[] out = Md5Crypt.crypt("test".getBytes(StandardCharsets.UTF_8), "H6uskkkW".getBytes(StandardCharsets.UTF_8),
        "$apr1$".getBytes(StandardCharsets.UTF_8));
    assertThat(new String(out, StandardCharsets.UTF_8)).isEqualTo("$apr1$H6uskkkW$IgXLP6ewTrSuBkTrqE8wj/");
    assertThat(Htpasswd.check("test", "$apr1$H6uskkkW$IgXLP6ewTrSuBkTrqE8wj/")).isTrue();
    assertThat(Htpasswd.check("test", "$apr1$H6uskkkW")).isFalse();
  }
}
