package io.cairn.gateway.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StickyCookieTest {
  @Test
  void namesAndValuesAreTraefiksHashes() {
    // python3: '_' + sha1(b'_TRAEFIK_BACKEND_whoami@file').hexdigest()[:5]; sha256(url)[:16]
    assertThat(StickyCookie.defaultName("whoami@file")).isEqualTo("_77b1f");
    assertThat(StickyCookie.valueFor("http://127.0.0.1:8081")).isEqualTo("08d5f409490f61fc");
    // python3: FNV-64 (multiply, then xor) of the URL, as Go's hash/fnv New64
    assertThat(StickyCookie.fnv64("http://127.0.0.1:8081")).isEqualTo("5a1cc52f3f46040d");
  }

  @Test
  void setCookieIsSpelledAsGoWritesIt() {
    StickyCookie c = new StickyCookie("my cookie", true, true, "Strict", 3600, "/app", ".example.com");
    assertThat(c.name()).isEqualTo("my_cookie");
    assertThat(c.setCookie("x")).isEqualTo(
        "my_cookie=" + StickyCookie.valueFor("x") + "; Path=/app; Domain=example.com; Max-Age=3600; HttpOnly; Secure; SameSite=Strict");
    assertThat(new StickyCookie("n", false, false, "", -1, null, null).setCookie("x"))
        .isEqualTo("n=" + StickyCookie.valueFor("x") + "; Path=/; Max-Age=0");
  }

  @Test
  void readFindsTheFirstCookieOfThatNameAcrossHeaders() {
    StickyCookie c = new StickyCookie("lb", false, false, "", 0, null, null);
    assertThat(c.read(List.of())).isNull();
    assertThat(c.read(List.of("a=1; lbx=2"))).isNull();
    assertThat(c.read(List.of("a=1", "lb=\"abc\"; lb=def"))).isEqualTo("abc");
  }
}
