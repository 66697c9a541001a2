package io.cairn.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticConfigTest {

  @Test
  void flagsInTraefikSpelling() throws ConfigException {
    StaticConfig c = StaticConfig.fromArgs(List.of(
        "--entryPoints.web.address=:8080",
        "--entrypoints.websecure.address=:8443",
        "--entryPoints.web.http.redirections.entryPoint.to=websecure",
        "--entryPoints.websecure.http.tls.domains[0].main=example.com",
        "--entryPoints.websecure.http.tls.domains[0].sans=a.example.com,b.example.com",
        "--providers.file.directory=/etc/cairn/dynamic",
        "--providers.file.watch",
        "--api.dashboard",
        "--accessLog",
        "--metrics.prometheus",
        "--log.level", "debug",
        "--entryPoints.web.transport.respondingTimeouts.readTimeout=42"));
    assertThat(c.entryPoints().keySet()).containsExactly("web", "websecure", "traefik");
    EntryPoint web = c.entryPoints().get("web");
    assertThat(web.address()).isEqualTo(":8080");
    assertThat(web.http().redirections()).contains(new EntryPoint.Redirect("websecure", "https", true, Long.MAX_VALUE - 1));
    assertThat(web.transport().readTimeout()).isEqualTo(Duration.ofSeconds(42));
    assertThat(web.transport().idleTimeout()).isEqualTo(Duration.ofSeconds(180));
    assertThat(c.entryPoints().get("websecure").http().tls().orElseThrow().domains())
        .containsExactly(new Domain("example.com", List.of("a.example.com", "b.example.com")));
    assertThat(c.providers().file()).contains(new StaticConfig.FileProvider("", "/etc/cairn/dynamic", true));
    assertThat(c.api()).contains(new StaticConfig.Api(true, false, false, "/"));
    assertThat(c.accessLog()).contains(new StaticConfig.AccessLog("", "common", 0));
    assertThat(c.prometheus()).contains(new StaticConfig.Prometheus("traefik", List.of(0.1, 0.3, 1.2, 5.0), true, false, true, false));
    assertThat(c.entryPoints().get("traefik").address()).as("prometheus on the traefik entry point adds it").isEqualTo(":8080");
    assertThat(c.log().level()).isEqualTo("DEBUG");
  }

  @Test
  void defaultsWhenNothingIsGiven() throws ConfigException {
    StaticConfig c = StaticConfig.fromArgs(List.of());
    assertThat(c).isEqualTo(StaticConfig.defaults());
    assertThat(c.entryPoints()).containsOnlyKeys("http");
    EntryPoint http = c.entryPoints().get("http");
    assertThat(http.address()).isEqualTo(":80");
    assertThat(http.http2().maxConcurrentStreams()).isEqualTo(250);
    assertThat(http.transport()).isEqualTo(new EntryPoint.Transport(Duration.ofSeconds(60), Duration.ZERO,
        Duration.ofSeconds(180), Duration.ZERO, Duration.ofSeconds(10)));
    assertThat(c.api()).isEmpty();
    assertThat(c.accessLog()).isEmpty();
    assertThat(c.log()).isEqualTo(new StaticConfig.Log("ERROR", "common", ""));
    assertThat(c.core().defaultRuleSyntax()).isEqualTo("v3");
    assertThat(c.providers().providersThrottleDuration()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void bareFlagsAndExplicitFalse() throws ConfigException {
    StaticConfig c = StaticConfig.fromArgs(List.of("--providers.file.filename=/x.yml", "--providers.file.watch=false",
        "--accessLog=false", "--api.insecure=true", "--api.dashboard=false"));
    assertThat(c.providers().file()).contains(new StaticConfig.FileProvider("/x.yml", "", false));
    assertThat(c.accessLog()).isEmpty();
    assertThat(c.api()).contains(new StaticConfig.Api(false, true, false, "/"));
    assertThat(c.entryPoints()).containsKeys("http", "traefik");
  }

  @Test
  void unknownFlagsAndBadValuesAreProblems() {
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> StaticConfig.fromArgs(List.of(
        "stray", "--entryPoints.web.adress=:80", "--entryPoints.web.address=80", "--log.level=LOUD", "--frobnicate")));
    assertThat(e.problems()).containsExactlyInAnyOrder(
        new ConfigProblem(null, "", "unexpected argument \"stray\": expected only --name=value flags"),
        new ConfigProblem(null, "entryPoints.web.adress", "unknown option \"adress\"; expected one of: address, http, http2, http3, transport, forwardedHeaders, asDefault"),
        new ConfigProblem(null, "entryPoints.web.address", "expected [host]:port, optionally followed by /tcp or /udp, got \"80\""),
        new ConfigProblem(null, "log.level", "expected one of TRACE, DEBUG, INFO, WARN, ERROR, FATAL, PANIC, got \"LOUD\""),
        new ConfigProblem(null, "frobnicate", "unknown option \"frobnicate\"; expected one of: entryPoints, providers, api, accessLog, metrics, ping, log, certificatesResolvers, core, serversTransport, global, tracing, experimental, hostResolver, spiffe, tcpServersTransport, ocsp, pilot, hub"));
  }

  @Test
  void configFileInYamlAndTomlGiveTheSameConfig(@TempDir Path dir) throws Exception {
    Path yaml = dir.resolve("traefik.yml");
    Files.writeString(yaml, """
        entryPoints:
          web:
            address: ":80"
            http:
              redirections:
                entryPoint:
                  to: websecure
                  scheme: https
          websecure:
            address: ":443"
            http3:
              advertisedPort: 443
            forwardedHeaders:
              trustedIPs: ["127.0.0.1/32", "192.168.1.7"]
        providers:
          file:
            directory: /path/to/dynamic/conf
        certificatesResolvers:
          myresolver:
            acme:
              email: your-email@example.com
              storage: acme.json
              httpChallenge:
                entryPoint: web
        log:
          level: INFO
        accessLog:
          filePath: /var/log/access.log
          format: json
        core:
          defaultRuleSyntax: v2
        """);
    Path toml = dir.resolve("traefik.toml");
    Files.writeString(toml, """
        [entryPoints]
          [entryPoints.web]
            address = ":80"
            [entryPoints.web.http.redirections.entryPoint]
              to = "websecure"
              scheme = "https"
          [entryPoints.websecure]
            address = ":443"
            [entryPoints.websecure.http3]
              advertisedPort = 443
            [entryPoints.websecure.forwardedHeaders]
              trustedIPs = ["127.0.0.1/32", "192.168.1.7"]
        [providers.file]
          directory = "/path/to/dynamic/conf"
        [certificatesResolvers.myresolver.acme]
          email = "your-email@example.com"
          storage = "acme.json"
          [certificatesResolvers.myresolver.acme.httpChallenge]
            entryPoint = "web"
        [log]
          level = "INFO"
        [accessLog]
          filePath = "/var/log/access.log"
          format = "json"
        [core]
          defaultRuleSyntax = "v2"
        """);
    StaticConfig.Loaded fromYaml = StaticConfig.load(List.of("--configFile=" + yaml, "--log.level=DEBUG"));
    StaticConfig fromToml = StaticConfig.fromArgs(List.of("--configfile", toml.toString()));
    assertThat(fromYaml.config()).isEqualTo(fromToml);
    assertThat(fromYaml.configFile()).contains(yaml);
    assertThat(fromYaml.ignoredFlags()).containsExactly("--log.level");
    StaticConfig c = fromToml;
    assertThat(c.log().level()).as("flags next to --configFile are ignored, as in Traefik").isEqualTo("INFO");
    assertThat(c.entryPoints().get("websecure").http3()).contains(new EntryPoint.Http3(443));
    assertThat(c.certificatesResolvers().get("myresolver").acme()).isEqualTo(new StaticConfig.Acme("your-email@example.com",
        "acme.json", StaticConfig.Acme.DEFAULT_CA, "RSA4096", Optional.of("web"), false, 2160));
    assertThat(c.accessLog()).contains(new StaticConfig.AccessLog("/var/log/access.log", "json", 0));
    assertThat(c.core().defaultRuleSyntax()).isEqualTo("v2");
  }

  @Test
  void configFileProblemsNameTheFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("t.yml");
    Files.writeString(file, "entryPoints:\n  web:\n    address: \":80\"\n    http:\n      redirections:\n        entryPoint:\n          to: nowhere\nproviders:\n  docker: {}\n");
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> StaticConfig.fromArgs(List.of("--configFile=" + file)));
    assertThat(e.problems()).containsExactlyInAnyOrder(
        new ConfigProblem(file.toString(), "providers.docker", "the docker provider is not supported by cairn (file and etcd are)"),
        new ConfigProblem(file.toString(), "entryPoints.web.http.redirections.entryPoint.to",
            "no entry point named \"nowhere\" (expected an entry point name or a :port)"));
    ConfigException missing = catchThrowableOfType(ConfigException.class,
        () -> StaticConfig.fromArgs(List.of("--configFile=" + dir.resolve("absent.yml"))));
    assertThat(missing.problems()).singleElement().satisfies(p -> assertThat(p.message()).startsWith("cannot read the configuration file"));
  }

  @Test
  void fileProviderNeedsAFileOrDirectory() {
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> StaticConfig.fromArgs(List.of("--providers.file")));
    assertThat(e.problems()).containsExactly(
        new ConfigProblem(null, "providers.file", "the file provider needs a filename or a directory, got neither"));
  }

  @Test
  void goDurations() {
    assertThat(GoDuration.parse("10")).contains(Duration.ofSeconds(10));
    assertThat(GoDuration.parse("1m30s")).contains(Duration.ofSeconds(90));
    assertThat(GoDuration.parse("1.5h")).contains(Duration.ofMinutes(90));
    assertThat(GoDuration.parse("100ms")).contains(Duration.ofMillis(100));
    assertThat(GoDuration.parse("-2us")).contains(Duration.ofNanos(-2000));
    assertThat(GoDuration.parse("3µs")).contains(Duration.ofNanos(3000));
    assertThat(GoDuration.parse("0")).contains(Duration.ZERO);
    for (String bad : List.of("", "s", "10 s", "1.2.3s", "5d", "abc", "9999999999999h")) {
      assertThat(GoDuration.parse(bad)).as(bad).isEmpty();
    }
  }
}
