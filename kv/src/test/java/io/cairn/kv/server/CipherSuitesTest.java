package io.cairn.kv.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

class CipherSuitesTest {
  @Test
  void etcdsNamesMapToTheJdksAndTls13IsAlwaysOffered() throws Exception {
    List<String> parsed = CipherSuites.parser().parse(
        " TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305,,TLS_AES_128_GCM_SHA256");
    assertThat(parsed).containsExactly("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
        "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305", "TLS_AES_128_GCM_SHA256");
    assertThat(CipherSuites.jdkNames(parsed)).containsExactly("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
        "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384",
        "TLS_CHACHA20_POLY1305_SHA256");
    assertThat(CipherSuites.jdkNames(List.of())).isNull();
    // every name the JDK gets for a modern suite is one it supports
    List<String> supported = List.of(SSLContext.getDefault().getSupportedSSLParameters().getCipherSuites());
    assertThat(supported).containsAll(CipherSuites.jdkNames(List.of("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
        "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA")));
  }

  @Test
  void anUnknownNameIsRefusedAsEtcdRefusesIt() {
    // etcd 3.4.23: etcdmain: unexpected TLS cipher suite "FOO"; Go has no TLS_RSA_WITH_AES_256_CBC_SHA256
    for (String name : List.of("FOO", "TLS_RSA_WITH_AES_256_CBC_SHA256", "ECDHE-RSA-AES128-GCM-SHA256")) {
      assertThatThrownBy(() -> CipherSuites.parser().parse("TLS_RSA_WITH_AES_128_CBC_SHA," + name))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("unexpected TLS cipher suite \"" + name + "\"");
    }
  }
}
