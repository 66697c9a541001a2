package io.cairn.gateway.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.gateway.config.TlsConfig;
import io.netty.handler.ssl.ClientAuth;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsSettingsTest {
  @TempDir Path dir;

  private static TlsConfig.Options options(String min, String max, List<String> ciphers, List<String> alpn,
      Optional<TlsConfig.ClientAuth> auth) {
    return new TlsConfig.Options(min, max, ciphers, List.of(), alpn, false, auth);
  }

  @Test
  void defaultsAreTls12To13WithH2AndHttp11() {
    TlsSettings d = TlsSettings.defaults();
    assertThat(d.protocols()).containsExactly("TLSv1.2", "TLSv1.3");
    assertThat(d.alpn()).containsExactly("h2", "http/1.1");
    assertThat(d.ciphers()).contains("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_AES_128_GCM_SHA256");
    assertThat(d.clientAuth()).isEqualTo(ClientAuth.NONE);
  }

  @Test
  void versionsMapToJdkNames() throws IOException {
    assertThat(TlsSettings.of(options("VersionTLS13", "", List.of(), List.of(), Optional.empty())).protocols())
        .containsExactly("TLSv1.3");
    assertThat(TlsSettings.of(options("VersionTLS10", "VersionTLS12", List.of(), List.of(), Optional.empty())).protocols())
        .containsExactly("TLSv1", "TLSv1.1", "TLSv1.2");
    assertThatThrownBy(() -> TlsSettings.of(options("VersionTLS13", "VersionTLS12", List.of(), List.of(), Optional.empty())))
        .hasMessage("maxVersion VersionTLS12 is below minVersion VersionTLS13");
    assertThatThrownBy(() -> TlsSettings.of(options("TLS1.2", "", List.of(), List.of(), Optional.empty())))
        .hasMessageContaining("TLS version TLS1.2 is unknown; expected one of VersionTLS10");
  }

  @Test
  void goCipherNamesBecomeIanaNamesAndTls13SuitesStay() throws IOException {
    TlsSettings s = TlsSettings.of(options("VersionTLS12", "", List.of(
        "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384"), List.of(), Optional.empty()));
    assertThat(s.ciphers()).containsExactly("TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
        "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384",
        "TLS_CHACHA20_POLY1305_SHA256");
  }

  @Test
  void alpnDropsAcmeTlsAndKeepsOrder() throws IOException {
    assertThat(TlsSettings.of(options("VersionTLS12", "", List.of(), TlsConfig.Options.DEFAULT_ALPN, Optional.empty())).alpn())
        .containsExactly("h2", "http/1.1");
    assertThat(TlsSettings.of(options("VersionTLS12", "", List.of(), List.of("http/1.1"), Optional.empty())).alpn())
        .containsExactly("http/1.1");
  }

  @Test
  void clientAuthTypes() throws Exception {
    CertifiedKey ca = new InternalCa(dir).root();
    String caPem = Pem.encode(ca.leaf());
    TlsSettings verify = TlsSettings.of(options("VersionTLS12", "", List.of(), List.of(),
        Optional.of(new TlsConfig.ClientAuth(List.of(caPem), "RequireAndVerifyClientCert"))));
    assertThat(verify.clientAuth()).isEqualTo(ClientAuth.REQUIRE);
    assertThat(verify.verifyClient()).isTrue();
    assertThat(verify.clientCas()).containsExactly(ca.leaf());
    TlsSettings any = TlsSettings.of(options("VersionTLS12", "", List.of(), List.of(),
        Optional.of(new TlsConfig.ClientAuth(List.of(), "RequestClientCert"))));
    assertThat(any.clientAuth()).isEqualTo(ClientAuth.OPTIONAL);
    assertThat(any.verifyClient()).isFalse();
    assertThatThrownBy(() -> TlsSettings.of(options("VersionTLS12", "", List.of(), List.of(),
        Optional.of(new TlsConfig.ClientAuth(List.of(), "VerifyClientCertIfGiven")))))
        .hasMessage("clientAuthType VerifyClientCertIfGiven needs caFiles to verify against");
  }
}
