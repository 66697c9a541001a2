package io.cairn.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ValidatorTest {
  private final Validator plain = new Validator(RuleChecker.acceptAll(), Optional.empty(), "file");

  private static DynamicConfig yaml(String text) throws ConfigException {
    return DynamicConfig.parse(text, "v.yml");
  }

  private static ConfigProblem p(String key, String message) {
    return new ConfigProblem(null, key, message);
  }

  @Test
  void aValidConfigurationHasNoProblems() throws ConfigException {
    DynamicConfig c = yaml("""
        http:
          routers:
            r:
              rule: "Host(`a`)"
              service: s
              middlewares: [chain, api-strip@internal, other@etcd, auth@file]
            dash:
              rule: "PathPrefix(`/dashboard`)"
              service: api@internal
          services:
            s:
              loadBalancer:
                servers: [{url: "http://127.0.0.1:9000"}]
                serversTransport: t
          middlewares:
            chain: {chain: {middlewares: [auth]}}
            auth: {basicAuth: {users: ["test:$apr1$H6uskkkW$IgXLP6ewTrSuBkTrqE8wj/"]}}
            api-strip: {stripPrefix: {prefixes: [/api]}}
          serversTransports:
            t: {insecureSkipVerify: true}
        """);
    List<ConfigProblem> problems = plain.check(c);
    assertThat(problems).containsExactly(p("http.routers.r.middlewares[1]",
        "no built-in middleware named \"api-strip@internal\" (have: dashboard_redirect, dashboard_stripprefix)"));
  }

  @Test
  void referencesThatDoNotExist() throws ConfigException {
    DynamicConfig c = yaml("""
        http:
          routers:
            r:
              rule: "Path(`/`)"
              service: missing
              middlewares: [gone, gone@file]
            norule:
              service: s@file
            noservice:
              rule: "Path(`/x`)"
              tls: {options: strict}
          services:
            s: {weighted: {services: [{name: s2, weight: -1}, {name: ""}]}}
            s2: {failover: {service: s, fallback: nope}}
          middlewares:
            e: {errors: {status: ["500-599", "abc"], service: none}}
        """);
    assertThat(plain.check(c)).containsExactly(
        p("http.routers.r.service", "no service named \"missing\" in the file provider"),
        p("http.routers.r.middlewares[0]", "no middleware named \"gone\" in the file provider"),
        p("http.routers.r.middlewares[1]", "no middleware named \"gone\" in the file provider"),
        p("http.routers.norule.rule", "a router needs a rule"),
        p("http.routers.noservice.service", "a router needs a service"),
        p("http.routers.noservice.tls.options", "no TLS options named \"strict\""),
        p("http.services.s.weighted.services[0].weight", "expected a weight of 0 or more, got -1"),
        p("http.services.s.weighted.services[1].name", "a service name is required"),
        p("http.services.s2.failover.fallback", "no service named \"nope\" in the file provider"),
        p("http.middlewares.e.errors.service", "no service named \"none\" in the file provider"),
        p("http.middlewares.e.errors.status[1]",
            "expected a status (500), a range (500-599) or a comma-separated list of them, got \"abc\""),
        p("http.services.s2", "service cycle: s -> s2 -> s"));
  }

  @Test
  void chainCycles() throws ConfigException {
    DynamicConfig c = yaml("""
        http:
          middlewares:
            a: {chain: {middlewares: [b]}}
            b: {chain: {middlewares: [c@file, a]}}
            c: {chain: {middlewares: [c]}}
        """);
    assertThat(plain.check(c)).containsExactly(
        p("http.middlewares.b", "middleware chain cycle: a -> b -> a"),
        p("http.middlewares.c", "middleware chain cycle: c -> c"));
  }

  @Test
  void optionsOfServicesAndMiddlewares() throws ConfigException {
    DynamicConfig c = yaml("""
        http:
          services:
            lb:
              loadBalancer:
                strategy: random
                servers: [{url: "ftp://x"}, {url: "http://"}, {url: "http://a b"}, {url: ""}, {url: "http://ok", weight: -2}]
                sticky: {cookie: {sameSite: sometimes}}
                healthCheck: {mode: tcp, interval: 0s}
                serversTransport: nothere
            m: {mirroring: {service: lb, mirrors: [{name: lb, percent: 101}]}}
          middlewares:
            re: {replacePathRegex: {regex: "^/(foo", replacement: "/$1"}}
            ip: {ipAllowList: {sourceRange: ["10.0.0.0/33", "example.com", "::1/128"]}}
            empty-ip: {ipAllowList: {}}
            rs: {redirectScheme: {permanent: true}}
            rt: {retry: {attempts: 0}}
            inflight: {inFlightReq: {amount: 0, sourceCriterion: {requestHost: true, requestHeaderName: X}}}
            cb: {circuitBreaker: {}}
            gz: {compress: {encodings: [gzip, deflate]}}
            fa: {forwardAuth: {address: "auth:9000", authResponseHeadersRegex: "["}}
            ba: {basicAuth: {users: ["nocolon"]}}
            rl: {rateLimit: {average: -1}}
        """);
    assertThat(plain.check(c)).containsExactly(
        p("http.services.lb.loadBalancer.strategy", "expected wrr or p2c, got \"random\""),
        p("http.services.lb.loadBalancer.servers[0].url", "expected an http, https or h2c URL, got \"ftp://x\""),
        p("http.services.lb.loadBalancer.servers[1].url", "not a valid URL: Expected authority at index 7: http://"),
        p("http.services.lb.loadBalancer.servers[2].url", "not a valid URL: Illegal character in authority at index 8: http://a b"),
        p("http.services.lb.loadBalancer.servers[3].url", "a server needs a url"),
        p("http.services.lb.loadBalancer.servers[4].weight", "expected a weight of 0 or more, got -2"),
        p("http.services.lb.loadBalancer.sticky.cookie.sameSite", "expected none, lax or strict, got \"sometimes\""),
        p("http.services.lb.loadBalancer.healthCheck.mode", "expected http or grpc, got \"tcp\""),
        p("http.services.lb.loadBalancer.healthCheck.interval", "expected a positive duration, got 0s"),
        p("http.services.lb.loadBalancer.serversTransport", "no servers transport named \"nothere\" in the file provider"),
        p("http.services.m.mirroring.mirrors[0].percent", "expected a percentage from 0 to 100, got 101"),
        p("http.middlewares.re.replacePathRegex.regex", "invalid regular expression: Unclosed group near index 6"),
        p("http.middlewares.ip.ipAllowList.sourceRange[0]", "expected an IP address or CIDR range, got \"10.0.0.0/33\""),
        p("http.middlewares.ip.ipAllowList.sourceRange[1]", "expected an IP address or CIDR range, got \"example.com\""),
        p("http.middlewares.empty-ip.ipAllowList.sourceRange", "at least one IP or CIDR range is required"),
        p("http.middlewares.rs.redirectScheme.scheme", "a scheme is required (http or https)"),
        p("http.middlewares.rt.retry.attempts", "expected 1 or more attempts, got 0"),
        p("http.middlewares.inflight.inFlightReq.amount", "expected an amount of 1 or more, got 0"),
        p("http.middlewares.inflight.inFlightReq.sourceCriterion",
            "ipStrategy, requestHeaderName and requestHost are mutually exclusive; got 2"),
        p("http.middlewares.cb.circuitBreaker.expression", "an expression is required, e.g. NetworkErrorRatio() > 0.5"),
        p("http.middlewares.gz.compress.encodings[1]", "expected gzip, br or zstd, got \"deflate\""),
        p("http.middlewares.fa.forwardAuth.address", "expected an http, https or h2c URL, got \"auth:9000\""),
        p("http.middlewares.fa.forwardAuth.authResponseHeadersRegex",
            "invalid regular expression: Unclosed character class near index 0"),
        p("http.middlewares.ba.basicAuth.users[0]", "expected name:hashed-password, got an entry without a name or a colon"),
        p("http.middlewares.rl.rateLimit.average", "expected 0 (no limit) or more, got -1"));
  }

  @Test
  void againstTheStaticConfigurationAndTheRuleChecker() throws ConfigException {
    StaticConfig s = StaticConfig.fromArgs(List.of("--entryPoints.web.address=:80"));
    RuleChecker onlyHost = (rule, syntax) -> rule.startsWith("Host(") ? Optional.empty()
        : Optional.of("unknown matcher in " + rule + " (" + syntax + ")");
    Validator v = new Validator(onlyHost, Optional.of(s), "file");
    DynamicConfig c = yaml("""
        http:
          routers:
            r:
              rule: "Hots(`a`)"
              ruleSyntax: v2
              service: noop@internal
              entryPoints: [web, websecure]
              tls: {certResolver: le}
            r2:
              rule: "Path(`/`)"
              service: noop@internal
            r3:
              rule: "Host(`x`)"
              ruleSyntax: v4
              service: noop@internal
        tls:
          options:
            old: {minVersion: VersionSSL30, clientAuth: {clientAuthType: Maybe}}
          certificates: [{certFile: a.crt}]
        """);
    assertThat(v.check(c)).containsExactly(
        p("http.routers.r.rule", "unknown matcher in Hots(`a`) (v2)"),
        p("http.routers.r.entryPoints[1]", "no entry point named \"websecure\" (have: web)"),
        p("http.routers.r.tls.certResolver", "no certificate resolver named \"le\""),
        p("http.routers.r2.rule", "unknown matcher in Path(`/`) (v3)"),
        p("http.routers.r3.ruleSyntax", "expected v3 or v2, got \"v4\""),
        p("tls.certificates[0].keyFile", "a certificate needs a keyFile (a path or PEM content)"),
        p("tls.options.old.minVersion", "expected one of VersionTLS10, VersionTLS11, VersionTLS12, VersionTLS13, got \"VersionSSL30\""),
        p("tls.options.old.clientAuth.clientAuthType", "expected one of NoClientCert, RequestClientCert, RequireAnyClientCert, "
            + "VerifyClientCertIfGiven, RequireAndVerifyClientCert, got \"Maybe\""));
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> v.validate(c));
    assertThat(e.problems()).hasSize(8);
  }
}
