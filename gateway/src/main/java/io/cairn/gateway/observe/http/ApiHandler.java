package io.cairn.gateway.observe.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.common.metrics.BuildInfo;
import io.cairn.gateway.service.LoadBalancerService;
import io.cairn.gateway.service.ServiceNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Traefik's read-only API ({@code pkg/api}): {@code /api/overview}, {@code /api/entrypoints[/NAME]},
 * {@code /api/http/routers[/NAME]}, {@code /api/http/services[/NAME]} (with {@code serverStatus}),
 * {@code /api/http/middlewares[/NAME]}, {@code /api/rawdata}, {@code /api/version}. Lists are sorted
 * by name and take Traefik's {@code search}, {@code status}, {@code page} and {@code per_page}
 * (default 100) parameters, answering {@code X-Next-Page} (1 on the last page). Unknown names: 404
 * {@code {"message":"router not found"}} as Traefik. TCP and UDP sections are empty (cairn has no
 * TCP/UDP routers). Thread-safe; reads one {@link ApiState} per request.
 */
final class ApiHandler {
  /** One API answer. */
  record Answer(int status, String body, Map<String, String> headers) {}

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final Supplier<ApiState> state;

  ApiHandler(Supplier<ApiState> state) {
    this.state = state;
  }

  /** Answers {@code path} (below the API prefix, e.g. {@code /http/routers}) with {@code query}. */
  Answer handle(String path, String query) {
    try {
      return answer(path, query);
    } catch (IllegalArgumentException e) { // a malformed %-escape in the path or query
      return new Answer(400, "{\"message\":\"invalid request: " + e.getMessage().replace("\"", "'") + "\"}\n", Map.of());
    }
  }

  private Answer answer(String path, String query) {
    ApiState s = state.get();
    Map<String, String> q = ApiResults.query(query);
    String[] parts = path.split("/", -1);
    return switch (path) {
      case "/overview" -> ApiResults.ok(overview(s));
      case "/entrypoints" -> ApiResults.list(entryPoints(s), q);
      case "/http/routers" -> ApiResults.list(routers(s), q);
      case "/http/services" -> ApiResults.list(services(s), q);
      case "/http/middlewares" -> ApiResults.list(middlewares(s), q);
      case "/rawdata" -> ApiResults.ok(rawData(s));
      case "/version" -> ApiResults.ok(version(s));
      default -> {
        if (parts.length == 3 && parts[1].equals("entrypoints")) {
          yield ApiResults.one(entryPoints(s), ApiResults.decode(parts[2]), "entry point");
        }
        if (parts.length == 4 && parts[1].equals("http")) {
          String name = ApiResults.decode(parts[3]);
          yield switch (parts[2]) {
            case "routers" -> ApiResults.one(routers(s), name, "router");
            case "services" -> ApiResults.one(services(s), name, "service");
            case "middlewares" -> ApiResults.one(middlewares(s), name, "middleware");
            default -> ApiResults.notFound("page not found");
          };
        }
        yield ApiResults.notFound("page not found");
      }
    };
  }

  List<ObjectNode> routers(ApiState s) {
    List<ObjectNode> out = new ArrayList<>();
    new TreeMap<>(s.config().http().routers()).forEach((name, r) -> {
      ObjectNode o = ConfigJson.fields(r);
      o.remove("ruleSyntax");
      List<String> using = r.entryPoints().isEmpty() ? new ArrayList<>(new TreeMap<>(s.entryPoints()).keySet())
          : r.entryPoints();
      ArrayNode u = o.putArray("using");
      using.forEach(u::add);
      if (r.service().isEmpty() || !s.services().containsKey(s.qualify(r.service()))) {
        o.put("status", "disabled");
        o.putArray("error").add("the service \"" + s.qualify(r.service()) + "\" does not exist");
      } else {
        o.put("status", "enabled");
      }
      out.add(named(o, s.qualify(name), s.provider()));
    });
    return out;
  }

  List<ObjectNode> services(ApiState s) {
    List<ObjectNode> out = new ArrayList<>();
    new TreeMap<>(s.config().http().services()).forEach((name, svc) -> {
      String qualified = s.qualify(name);
      ObjectNode o = F.objectNode();
      o.set(ConfigJson.key(svc), ConfigJson.fields((Record) svc));
      ServiceNode node = s.services().get(qualified);
      o.put("status", node == null ? "disabled" : "enabled");
      ArrayNode usedBy = o.putArray("usedBy");
      new TreeMap<>(s.config().http().routers()).forEach((rn, r) -> {
        if (!r.service().isEmpty() && s.qualify(r.service()).equals(qualified)) {
          usedBy.add(s.qualify(rn));
        }
      });
      if (node instanceof LoadBalancerService lb) {
        ObjectNode status = o.putObject("serverStatus");
        lb.balancer().children().forEach(c -> status.put(c.name(), lb.balancer().isUp(c.name()) ? "UP" : "DOWN"));
      }
      o.put("type", ConfigJson.key(svc).toLowerCase(Locale.ROOT));
      out.add(named(o, qualified, s.provider()));
    });
    return out;
  }

  List<ObjectNode> middlewares(ApiState s) {
    List<ObjectNode> out = new ArrayList<>();
    new TreeMap<>(s.config().http().middlewares()).forEach((name, m) -> {
      String qualified = s.qualify(name);
      ObjectNode o = F.objectNode();
      o.set(ConfigJson.key(m), ConfigJson.fields((Record) m));
      o.put("status", "enabled");
      ArrayNode usedBy = o.putArray("usedBy");
      new TreeMap<>(s.config().http().routers()).forEach((rn, r) -> {
        if (r.middlewares().stream().map(s::qualify).anyMatch(qualified::equals)) {
          usedBy.add(s.qualify(rn));
        }
      });
      o.put("type", ConfigJson.key(m).toLowerCase(Locale.ROOT));
      out.add(named(o, qualified, s.provider()));
    });
    return out;
  }

  static List<ObjectNode> entryPoints(ApiState s) {
    List<ObjectNode> out = new ArrayList<>();
    new TreeMap<>(s.entryPoints()).forEach((name, ep) -> {
      ObjectNode o = ConfigJson.fields(ep);
      o.put("name", name);
      out.add(o);
    });
    return out;
  }

  private static ObjectNode named(ObjectNode o, String name, String provider) {
    o.put("name", name);
    o.put("provider", provider);
    return o;
  }

  private JsonNode overview(ApiState s) {
    ObjectNode o = F.objectNode();
    ObjectNode http = o.putObject("http");
    section(http, "routers", routers(s));
    section(http, "services", services(s));
    section(http, "middlewares", middlewares(s));
    for (String proto : List.of("tcp", "udp")) {
      ObjectNode p = o.putObject(proto);
      for (String kind : proto.equals("tcp") ? List.of("routers", "services", "middlewares") : List.of("routers", "services")) {
        section(p, kind, List.of());
      }
    }
    ObjectNode features = o.putObject("features");
    features.put("tracing", "");
    features.put("metrics", s.metrics());
    features.put("accessLog", s.accessLog());
    o.putArray("providers").add(s.provider().substring(0, 1).toUpperCase(Locale.ROOT) + s.provider().substring(1));
    return o;
  }

  private static void section(ObjectNode parent, String name, List<ObjectNode> items) {
    ObjectNode o = parent.putObject(name);
    o.put("total", items.size());
    o.put("warnings", items.stream().filter(i -> i.path("status").asText().equals("warning")).count());
    o.put("errors", items.stream().filter(i -> i.path("status").asText().equals("disabled")).count());
  }

  private JsonNode rawData(ApiState s) {
    ObjectNode o = F.objectNode();
    for (var e : Map.of("routers", routers(s), "services", services(s), "middlewares", middlewares(s)).entrySet()) {
      ObjectNode m = o.putObject(e.getKey());
      e.getValue().forEach(n -> m.set(n.get("name").asText(), n));
    }
    return o;
  }

  private static JsonNode version(ApiState s) {
    ObjectNode o = F.objectNode();
    o.put("Version", BuildInfo.current().version());
    o.put("Codename", "cairn");
    o.put("startDate", s.started().toString());
    return o;
  }
}
