package io.cairn.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Traefik's documented dynamic examples, in YAML and TOML: both decode, to the same records. */
class DynamicDecodingTest {

  static Stream<Arguments> examples() {
    return Stream.of(
        Arguments.of("router and load balancer", """
            http:
              routers:
                my-router:
                  rule: "Host(`example.com`) && PathPrefix(`/api`)"
                  entryPoints: [web, websecure]
                  middlewares: [auth, strip@file]
                  service: my-service
                  priority: 10
                  tls:
                    certResolver: myresolver
                    domains:
                      - main: example.com
                        sans: ["*.example.com"]
              services:
                my-service:
                  loadBalancer:
                    servers:
                      - url: "http://10.0.0.1:80/"
                      - url: "http://10.0.0.2:80/"
                        weight: 3
                    healthCheck:
                      path: /health
                      interval: "10s"
                      timeout: 3
                      headers:
                        X-Check: yes
                    sticky:
                      cookie:
                        name: lb
                        secure: true
                        sameSite: lax
            """, """
            [http.routers.my-router]
              rule = "Host(`example.com`) && PathPrefix(`/api`)"
              entryPoints = ["web", "websecure"]
              middlewares = ["auth", "strip@file"]
              service = "my-service"
              priority = 10
              [http.routers.my-router.tls]
                certResolver = "myresolver"
                [[http.routers.my-router.tls.domains]]
                  main = "example.com"
                  sans = ["*.example.com"]
            [http.services.my-service.loadBalancer]
              [[http.services.my-service.loadBalancer.servers]]
                url = "http://10.0.0.1:80/"
              [[http.services.my-service.loadBalancer.servers]]
                url = "http://10.0.0.2:80/"
                weight = 3
              [http.services.my-service.loadBalancer.healthCheck]
                path = "/health"
                interval = "10s"
                timeout = 3
                [http.services.my-service.loadBalancer.healthCheck.headers]
                  X-Check = "yes"
              [http.services.my-service.loadBalancer.sticky.cookie]
                name = "lb"
                secure = true
                sameSite = "lax"
            """),
        Arguments.of("weighted, mirroring, failover", """
            http:
              services:
                app:
                  weighted:
                    services:
                      - name: appv1
                        weight: 3
                      - name: appv2
                    healthCheck: {}
                mirrored:
                  mirroring:
                    service: appv1
                    mirrors:
                      - name: appv2
                        percent: 10
                fo:
                  failover:
                    service: appv1
                    fallback: appv2
            """, """
            [http.services.app.weighted]
              [[http.services.app.weighted.services]]
                name = "appv1"
                weight = 3
              [[http.services.app.weighted.services]]
                name = "appv2"
              [http.services.app.weighted.healthCheck]
            [http.services.mirrored.mirroring]
              service = "appv1"
              [[http.services.mirrored.mirroring.mirrors]]
                name = "appv2"
                percent = 10
            [http.services.fo.failover]
              service = "appv1"
              fallback = "appv2"
            """),
        Arguments.of("middlewares", """
            http:
              middlewares:
                strip:
                  stripPrefix:
                    prefixes: ["/foo", "/bar"]
                secure:
                  headers:
                    frameDeny: true
                    stsSeconds: 31536000
                    customRequestHeaders:
                      X-Script-Name: test
                      X-Remove: ""
                    accessControlAllowMethods: [GET, OPTIONS]
                limit:
                  rateLimit:
                    average: 100
                    burst: 50
                    sourceCriterion:
                      ipStrategy:
                        depth: 2
                cb:
                  circuitBreaker:
                    expression: "NetworkErrorRatio() > 0.30"
                allow:
                  ipAllowList:
                    sourceRange: ["127.0.0.1/32", "192.168.1.7"]
                test-compress:
                  compress: {}
                redirect:
                  redirectScheme:
                    scheme: https
                    permanent: true
            """, """
            [http.middlewares.strip.stripPrefix]
              prefixes = ["/foo", "/bar"]
            [http.middlewares.secure.headers]
              frameDeny = true
              stsSeconds = 31536000
              accessControlAllowMethods = ["GET", "OPTIONS"]
              [http.middlewares.secure.headers.customRequestHeaders]
                X-Script-Name = "test"
                X-Remove = ""
            [http.middlewares.limit.rateLimit]
              average = 100
              burst = 50
              [http.middlewares.limit.rateLimit.sourceCriterion.ipStrategy]
                depth = 2
            [http.middlewares.cb.circuitBreaker]
              expression = "NetworkErrorRatio() > 0.30"
            [http.middlewares.allow.ipAllowList]
              sourceRange = ["127.0.0.1/32", "192.168.1.7"]
            [http.middlewares.test-compress.compress]
            [http.middlewares.redirect.redirectScheme]
              scheme = "https"
              permanent = true
            """),
        Arguments.of("tls", """
            tls:
              certificates:
                - certFile: /path/to/domain.cert
                  keyFile: /path/to/domain.key
                  stores: [default]
              options:
                default:
                  minVersion: VersionTLS12
                  sniStrict: true
                mintls13:
                  minVersion: VersionTLS13
                  clientAuth:
                    caFiles: [tests/clientca1.crt]
                    clientAuthType: RequireAndVerifyClientCert
              stores:
                default:
                  defaultCertificate:
                    certFile: path/to/cert.crt
                    keyFile: path/to/cert.key
            """, """
            [[tls.certificates]]
              certFile = "/path/to/domain.cert"
              keyFile = "/path/to/domain.key"
              stores = ["default"]
            [tls.options.default]
              minVersion = "VersionTLS12"
              sniStrict = true
            [tls.options.mintls13]
              minVersion = "VersionTLS13"
              [tls.options.mintls13.clientAuth]
                caFiles = ["tests/clientca1.crt"]
                clientAuthType = "RequireAndVerifyClientCert"
            [tls.stores.default.defaultCertificate]
              certFile = "path/to/cert.crt"
              keyFile = "path/to/cert.key"
            """));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void yamlAndTomlGiveEqualRecords(String name, String yaml, String toml) throws ConfigException {
    DynamicConfig fromYaml = DynamicConfig.parse(yaml, "dynamic.yml");
    DynamicConfig fromToml = DynamicConfig.parse(toml, "dynamic.toml");
    assertThat(fromYaml).isEqualTo(fromToml);
    assertThat(fromYaml).isNotEqualTo(DynamicConfig.empty());
  }

  @Test
  void routerAndLoadBalancerValuesAndDefaults() throws ConfigException {
    DynamicConfig c = DynamicConfig.parse((String) examples().findFirst().orElseThrow().get()[1], "a.yml");
    Router r = c.http().routers().get("my-router");
    assertThat(r.entryPoints()).containsExactly("web", "websecure");
    assertThat(r.middlewares()).containsExactly("auth", "strip@file");
    assertThat(r.priority()).isEqualTo(10);
    assertThat(r.ruleSyntax()).isEmpty();
    assertThat(r.tls()).contains(new Router.Tls("myresolver", "", List.of(new Domain("example.com", List.of("*.example.com")))));
    Service.LoadBalancer lb = (Service.LoadBalancer) c.http().services().get("my-service");
    assertThat(lb.servers()).containsExactly(new Service.Server("http://10.0.0.1:80/", 1, false),
        new Service.Server("http://10.0.0.2:80/", 3, false));
    assertThat(lb.strategy()).isEqualTo("wrr");
    assertThat(lb.passHostHeader()).isTrue();
    assertThat(lb.flushInterval()).isEqualTo(Duration.ofMillis(100));
    Service.HealthCheck hc = lb.healthCheck().orElseThrow();
    assertThat(hc.interval()).isEqualTo(Duration.ofSeconds(10));
    assertThat(hc.timeout()).as("a plain integer is seconds").isEqualTo(Duration.ofSeconds(3));
    assertThat(hc.mode()).isEqualTo("http");
    assertThat(hc.followRedirects()).isTrue();
    assertThat(hc.headers()).isEqualTo(Map.of("X-Check", "yes"));
    assertThat(lb.sticky().orElseThrow().cookie()).contains(new Service.Cookie("lb", true, false, "lax", 0, "/", ""));
  }

  @Test
  void middlewareDefaults() throws ConfigException {
    DynamicConfig c = DynamicConfig.parse((String) examples().skip(2).findFirst().orElseThrow().get()[1], "m.yml");
    Map<String, Middleware> m = c.http().middlewares();
    assertThat(m.get("limit")).isEqualTo(new Middleware.RateLimit(100, Duration.ofSeconds(1), 50,
        Optional.of(new Middleware.SourceCriterion(Optional.of(new Middleware.IpStrategy(2, List.of())), "", false))));
    assertThat(m.get("cb")).isEqualTo(new Middleware.CircuitBreaker("NetworkErrorRatio() > 0.30", Duration.ofMillis(100),
        Duration.ofSeconds(10), Duration.ofSeconds(10), 503));
    assertThat(m.get("test-compress")).isEqualTo(new Middleware.Compress(List.of(), List.of(), 1024, List.of("zstd", "br", "gzip"), ""));
    assertThat(m.get("allow")).isEqualTo(new Middleware.IpAllowList(List.of("127.0.0.1/32", "192.168.1.7"), Optional.empty(), 403));
    Headers h = (Headers) m.get("secure");
    assertThat(h.customRequestHeaders()).containsEntry("X-Remove", "").containsEntry("X-Script-Name", "test");
    assertThat(h.frameDeny()).isTrue();
    assertThat(h.stsSeconds()).isEqualTo(31536000);
    assertThat(h.contentTypeNosniff()).isFalse();
  }

  @Test
  void mirroringAndTlsDefaults() throws ConfigException {
    DynamicConfig c = DynamicConfig.parse("""
        http:
          services:
            m:
              mirroring:
                service: a
          serversTransports:
            t:
              insecureSkipVerify: true
              forwardingTimeouts:
                dialTimeout: 1m30s
        tls:
          options:
            o: {}
        """, "x.yaml");
    assertThat(c.http().services().get("m")).isEqualTo(new Service.Mirroring("a", true, -1, List.of(), false));
    ServersTransport t = c.http().serversTransports().get("t");
    assertThat(t.insecureSkipVerify()).isTrue();
    assertThat(t.maxIdleConnsPerHost()).isEqualTo(200);
    assertThat(t.forwardingTimeouts().dialTimeout()).isEqualTo(Duration.ofSeconds(90));
    assertThat(t.forwardingTimeouts().idleConnTimeout()).isEqualTo(Duration.ofSeconds(90));
    TlsConfig.Options o = c.tls().options().get("o");
    assertThat(o.minVersion()).isEqualTo("VersionTLS12");
    assertThat(o.alpnProtocols()).containsExactly("h2", "http/1.1", "acme-tls/1");
  }

  @Test
  void optionNamesAreCaseInsensitiveButNamesAreKept() throws ConfigException {
    DynamicConfig c = DynamicConfig.parse("""
        HTTP:
          Routers:
            MyRouter:
              RULE: "Path(`/`)"
              service: s
              EntryPoints: web
        """, "x.yml");
    Router r = c.http().routers().get("MyRouter");
    assertThat(r.rule()).isEqualTo("Path(`/`)");
    assertThat(r.entryPoints()).as("a scalar for a list is split on commas").containsExactly("web");
  }

  @Test
  void emptyFileIsAnEmptyConfiguration() throws ConfigException {
    assertThat(DynamicConfig.parse("", "empty.yml")).isEqualTo(DynamicConfig.empty());
    assertThat(DynamicConfig.parse("# nothing\n", "empty.toml")).isEqualTo(DynamicConfig.empty());
  }
}
