package io.cairn.gateway.provider.kv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.gateway.config.ConfigException;
import io.cairn.gateway.config.ConfigProblem;
import io.cairn.gateway.config.DynamicConfig;
import io.cairn.gateway.config.RuleChecker;
import io.cairn.gateway.config.Validator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Traefik's kv layout ({@code pkg/config/kv} tests, ported with {@code http} as the first segment). */
class KvTreeTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static String tree(Map<String, String> pairs) {
    return KvTree.build("traefik", pairs).tree().toString();
  }

  private static String json(String singleQuoted) throws Exception {
    return JSON.readTree(singleQuoted.replace('\'', '"')).toString();
  }

  @Test
  void levelsAndEmptyValues() throws Exception {
    assertThat(tree(Map.of())).isEqualTo("{}");
    assertThat(tree(Map.of("traefik/http/foo", "bar"))).isEqualTo(json("{'http':{'foo':'bar'}}"));
    assertThat(tree(Map.of("traefik/http/foo", ""))).isEqualTo(json("{'http':{'foo':''}}"));
    assertThat(tree(Map.of("traefik/http/foo/bar", "bar"))).isEqualTo(json("{'http':{'foo':{'bar':'bar'}}}"));
    assertThat(tree(Map.of("traefik/http/foo/aaa", "bar", "traefik/http/foo/bbb", "bur", "traefik/http/foo/ccc", "bir")))
        .isEqualTo(json("{'http':{'foo':{'aaa':'bar','bbb':'bur','ccc':'bir'}}}"));
    assertThat(tree(Map.of("traefik/http/foo/bar/aaa", "bar", "traefik/http/foo/bar/bbb", "bur", "traefik/http/bar/foo/bbb", "bir")))
        .isEqualTo(json("{'http':{'bar':{'foo':{'bbb':'bir'}},'foo':{'bar':{'aaa':'bar','bbb':'bur'}}}}"));
  }

  @Test
  void namesMergeCaseInsensitivelyKeepingTheFirstSpellingInKeyOrder() throws Exception {
    assertThat(tree(Map.of("traefik/http/foo/aaa", "bar", "traefik/http/Foo/bbb", "bur")))
        .isEqualTo(json("{'http':{'Foo':{'bbb':'bur','aaa':'bar'}}}"));
    assertThat(tree(Map.of("traefik/HTTP/x", "1", "traefik/http/y", "2"))).isEqualTo(json("{'HTTP':{'x':'1','y':'2'}}"));
  }

  @Test
  void digitSegmentsAreListIndicesInNumericOrder() throws Exception {
    assertThat(tree(Map.of("traefik/http/foo/0/aaa", "bar0", "traefik/http/foo/0/bbb", "bur0",
        "traefik/http/foo/1/aaa", "bar1", "traefik/http/foo/1/bbb", "bur1")))
        .isEqualTo(json("{'http':{'foo':[{'aaa':'bar0','bbb':'bur0'},{'aaa':'bar1','bbb':'bur1'}]}}"));
    assertThat(tree(Map.of("traefik/http/foo/0/aaa/0", "bar0", "traefik/http/foo/0/aaa/1", "bar1",
        "traefik/http/foo/1/aaa/0", "bar2", "traefik/http/foo/1/aaa/1", "bar3")))
        .isEqualTo(json("{'http':{'foo':[{'aaa':['bar0','bar1']},{'aaa':['bar2','bar3']}]}}"));
    Map<String, String> many = new LinkedHashMap<>();
    for (int i = 0; i < 12; i++) {
      many.put("traefik/http/l/" + i, "v" + i);
    }
    assertThat(tree(many)).isEqualTo(json("{'http':{'l':['v0','v1','v2','v3','v4','v5','v6','v7','v8','v9','v10','v11']}}"));
    assertThat(tree(Map.of("traefik/http/l/0", "a,b", "traefik/http/l/1", "^/[a-z]{1,3}")))
        .isEqualTo(json("{'http':{'l':['a,b','^/[a-z]{1,3}']}}"));
  }

  @Test
  void keysOutsideTraefiksRootFieldsAreIgnored() throws Exception {
    assertThat(tree(Map.of("traefik/acme/account", "x", "traefik/http", "y", "other/http/a", "z", "traefik/tls/a", "b",
        "traefik/http/trailing/", "t")))
        .isEqualTo(json("{'http':{'trailing':'t'},'tls':{'a':'b'}}"));
  }

  @Test
  void decodesToTheSameConfigurationAsTheEquivalentFile() throws Exception {
    Map<String, String> kv = new LinkedHashMap<>();
    kv.put("traefik/http/routers/api/rule", "Host(`a.example`)");
    kv.put("traefik/http/routers/api/entryPoints/0", "web");
    kv.put("traefik/http/routers/api/entryPoints/1", "websecure");
    kv.put("traefik/http/routers/api/service", "api");
    kv.put("traefik/http/routers/api/priority", "42");
    kv.put("traefik/http/routers/api/middlewares/0", "strip");
    kv.put("traefik/http/routers/api/tls/certResolver", "le");
    kv.put("traefik/http/routers/api/tls/domains/0/main", "a.example");
    kv.put("traefik/http/routers/api/tls/domains/0/sans/0", "b.example");
    kv.put("traefik/http/services/api/loadBalancer/servers/0/url", "http://127.0.0.1:9000");
    kv.put("traefik/http/services/api/loadBalancer/servers/1/url", "http://127.0.0.1:9001");
    kv.put("traefik/http/services/api/loadBalancer/servers/1/weight", "3");
    kv.put("traefik/http/services/api/loadBalancer/passHostHeader", "false");
    kv.put("traefik/http/services/api/loadBalancer/healthCheck/interval", "10s");
    kv.put("traefik/http/services/api/loadBalancer/healthCheck/path", "/health");
    kv.put("traefik/http/middlewares/strip/stripPrefix/prefixes/0", "/api");
    kv.put("traefik/http/middlewares/hdr/headers/customRequestHeaders/X-Foo", "bar");
    kv.put("traefik/http/middlewares/hdr/headers/customRequestHeaders/X-Gone", "");
    kv.put("traefik/tls/certificates/0/certFile", "/c.pem");
    kv.put("traefik/tls/certificates/0/keyFile", "/k.pem");
    kv.put("traefik/tls/options/strict/minVersion", "VersionTLS13");
    kv.put("traefik/tls/options/strict/sniStrict", "true");
    String yaml = """
        http:
          routers:
            api:
              rule: "Host(`a.example`)"
              entryPoints: [web, websecure]
              service: api
              priority: 42
              middlewares: [strip]
              tls: {certResolver: le, domains: [{main: a.example, sans: [b.example]}]}
          services:
            api:
              loadBalancer:
                servers: [{url: "http://127.0.0.1:9000"}, {url: "http://127.0.0.1:9001", weight: 3}]
                passHostHeader: false
                healthCheck: {interval: 10s, path: /health}
          middlewares:
            strip: {stripPrefix: {prefixes: [/api]}}
            hdr: {headers: {customRequestHeaders: {X-Foo: bar, X-Gone: ""}}}
        tls:
          certificates: [{certFile: /c.pem, keyFile: /k.pem}]
          options:
            strict: {minVersion: VersionTLS13, sniStrict: true}
        """;
    DynamicConfig fromKv = new KvDecoding("traefik", new Validator(RuleChecker.acceptAll(), Optional.empty(), "etcd")).decode(kv);
    assertThat(fromKv).isEqualTo(DynamicConfig.parse(yaml, "same.yml"));
  }

  @Test
  void problemsNameTheSourceAndTheKvKey() {
    Map<String, String> kv = new LinkedHashMap<>();
    kv.put("traefik/http/routers/API/rule", "Host(`a`)");
    kv.put("traefik/http/routers/API/service", "missing");
    kv.put("traefik/http/routers/API/priority", "high");
    kv.put("traefik/http/services/s/loadBalancer/servers/0/url", "http://127.0.0.1:1");
    kv.put("traefik/http/services/s/loadBalancer/servers/0/weigth", "2");
    KvDecoding decoding = new KvDecoding("traefik", new Validator(RuleChecker.acceptAll(), Optional.empty(), "etcd"));
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> decoding.decode(kv));
    assertThat(e.problems()).extracting(ConfigProblem::file).containsOnly("etcd:traefik");
    assertThat(e.problems()).extracting(ConfigProblem::key)
        .containsExactly("traefik/http/routers/API/priority", "traefik/http/services/s/loadBalancer/servers/0/weigth");
    assertThat(e.problems().get(0).message()).isEqualTo("expected an integer, got \"high\"");

    kv.remove("traefik/http/routers/API/priority");
    kv.remove("traefik/http/services/s/loadBalancer/servers/0/weigth");
    ConfigException refs = catchThrowableOfType(ConfigException.class, () -> decoding.decode(kv));
    assertThat(refs.problems()).containsExactly(new ConfigProblem("etcd:traefik", "traefik/http/routers/API/service",
        "no service named \"missing\" in the etcd provider"));
  }

  @Test
  void aBadRootKeyIsRefused() {
    assertThat(catchThrowableOfType(IllegalArgumentException.class,
        () -> new KvDecoding("traefik/", new Validator(RuleChecker.acceptAll(), Optional.empty(), "etcd"))))
        .hasMessageContaining("without a trailing slash");
  }
}
