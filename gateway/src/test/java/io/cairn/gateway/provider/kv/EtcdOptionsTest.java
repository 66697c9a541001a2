package io.cairn.gateway.provider.kv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cairn.gateway.config.ConfigException;
import io.cairn.gateway.config.ConfigProblem;
import io.cairn.gateway.config.StaticConfig;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Traefik's {@code providers.etcd} options in the static configuration, and endpoint checks. */
class EtcdOptionsTest {
  @Test
  void defaultsAreTraefiks() throws ConfigException {
    StaticConfig.EtcdProvider etcd = StaticConfig.fromArgs(List.of("--providers.etcd")).providers().etcd().orElseThrow();
    assertThat(etcd.endpoints()).containsExactly("127.0.0.1:2379");
    assertThat(etcd.rootKey()).isEqualTo("traefik");
    assertThat(etcd.username()).isEmpty();
    assertThat(etcd.tls()).isEmpty();
  }

  @Test
  void authAndTlsOptionsAreRead() throws ConfigException {
    StaticConfig c = StaticConfig.parse("""
        providers:
          providersThrottleDuration: 500ms
          etcd:
            endpoints: ["10.0.0.1:2379", "10.0.0.2:2379"]
            rootKey: edge
            username: gw
            password: s3cret
            tls:
              ca: /etc/ca.pem
              cert: /etc/c.pem
              key: /etc/k.pem
              insecureSkipVerify: true
        """, "static.yml");
    StaticConfig.EtcdProvider etcd = c.providers().etcd().orElseThrow();
    assertThat(etcd).isEqualTo(new StaticConfig.EtcdProvider(List.of("10.0.0.1:2379", "10.0.0.2:2379"), "edge", "gw",
        "s3cret", Optional.of(new StaticConfig.ClientTls("/etc/ca.pem", "/etc/c.pem", "/etc/k.pem", true))));
    assertThat(etcd.toString()).contains("gw").doesNotContain("s3cret");
    assertThat(c.providers().providersThrottleDuration()).hasMillis(500);
  }

  @Test
  void theSameOptionsAsFlags() throws ConfigException {
    StaticConfig.EtcdProvider etcd = StaticConfig.fromArgs(List.of("--providers.etcd.endpoints=a:1,b:2",
        "--providers.etcd.username=u", "--providers.etcd.password=p", "--providers.etcd.tls.insecureSkipVerify"))
        .providers().etcd().orElseThrow();
    assertThat(etcd).isEqualTo(new StaticConfig.EtcdProvider(List.of("a:1", "b:2"), "traefik", "u", "p",
        Optional.of(new StaticConfig.ClientTls("", "", "", true))));
  }

  @Test
  void aCertificateWithoutKeyAndUnknownOptionsAreProblems() {
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> StaticConfig.parse("""
        providers:
          etcd:
            tls: {cert: /etc/c.pem}
            namespace: x
        """, "static.yml"));
    assertThat(e.problems()).extracting(ConfigProblem::key).containsExactlyInAnyOrder("providers.etcd.tls",
        "providers.etcd.namespace");
    assertThat(e.problems()).extracting(ConfigProblem::message)
        .contains("a client certificate needs both cert and key files, got only one");
  }

  @Test
  void malformedEndpointsAreRefusedBeforeAnythingStarts() {
    for (String bad : List.of("localhost", "127.0.0.1:", "127.0.0.1:http", "127.0.0.1:70000")) {
      assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> EtcdClient.builder(bad)))
          .as(bad).hasMessageContaining("\"" + bad + "\"");
    }
    assertThat(EtcdClient.builder("http://127.0.0.1:2379/")).isNotNull();
    assertThat(EtcdClient.builder("[::1]:2379")).isNotNull();
  }
}
