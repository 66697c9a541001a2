package io.cairn.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.config.Config;
import io.cairn.common.config.HostPort;
import io.cairn.gateway.config.DynamicConfig;
import io.cairn.gateway.config.StaticConfig;
import io.cairn.gateway.runtime.GatewayKeys;
import io.cairn.gateway.runtime.GatewayServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateway's static configuration and starter routes in {@code cairn up}. */
class UpGatewayTest {
  @TempDir Path tmp;

  @Test
  void staticConfigHasTheThreeEntryPointsTheWatchedFileAndMetrics() throws Exception {
    Config config = Config.defaults(UpCommand.KEYS).with(GatewayKeys.WEB_ADDRESS, new HostPort("127.0.0.1", 18000));
    StaticConfig c = StaticConfig.fromArgs(UpGateway.staticArgs(config, Path.of("routes.yml")));
    assertThat(c.entryPoints()).containsOnlyKeys("web", "websecure", "traefik");
    assertThat(c.entryPoints().get("web").address()).isEqualTo("127.0.0.1:18000");
    assertThat(c.entryPoints().get("websecure").address()).isEqualTo("127.0.0.1:8443");
    assertThat(c.entryPoints().get("traefik").address()).isEqualTo("127.0.0.1:8082");
    assertThat(c.providers().file()).hasValueSatisfying(f -> {
      assertThat(f.filename()).isEqualTo(Path.of("routes.yml").toAbsolutePath().toString());
      assertThat(f.watch()).isTrue();
    });
    assertThat(c.prometheus()).hasValueSatisfying(p -> assertThat(p.entryPoint()).isEqualTo("traefik"));
  }

  @Test
  void starterRoutesAreValidAndAnExistingFileIsLeftAlone() throws Exception {
    String yaml = StarterRoutes.yaml("http://127.0.0.1:2379", "http://[::1]:9090");
    DynamicConfig routes = DynamicConfig.parse(yaml, "dynamic.yml");
    StaticConfig sc = StaticConfig.fromArgs(UpGateway.staticArgs(Config.defaults(UpCommand.KEYS), Path.of("dynamic.yml")));
    assertThat(GatewayServer.validator(Optional.of(sc)).check(routes)).isEmpty();
    assertThat(routes.http().routers()).containsOnlyKeys("kv", "kv-tls", "monitor", "monitor-tls");

    Path file = tmp.resolve("gateway/dynamic.yml");
    assertThat(StarterRoutes.writeIfMissing(file, "http://127.0.0.1:2379", "http://127.0.0.1:9090")).isEqualTo(file);
    assertThat(Files.readString(file)).isEqualTo(StarterRoutes.yaml("http://127.0.0.1:2379", "http://127.0.0.1:9090"));
    Files.writeString(file, "http: {}\n");
    StarterRoutes.writeIfMissing(file, "http://127.0.0.1:1", "http://127.0.0.1:2");
    assertThat(Files.readString(file)).isEqualTo("http: {}\n");
  }

  @Test
  void wildcardAndLocalhostListenersAreDialedOnTheLoopback() {
    assertThat(UpGateway.dialable(new HostPort("0.0.0.0", 1))).hasToString("127.0.0.1:1");
    assertThat(UpGateway.dialable(new HostPort("localhost", 2))).hasToString("127.0.0.1:2");
    assertThat(UpGateway.dialable(new HostPort("::", 3))).hasToString("[::1]:3");
    assertThat(UpGateway.dialable(new HostPort("10.0.0.5", 4))).hasToString("10.0.0.5:4");
  }
}
