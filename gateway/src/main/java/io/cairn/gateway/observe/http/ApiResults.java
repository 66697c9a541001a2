package io.cairn.gateway.observe.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How the API answers, as Traefik's {@code pkg/api} does: JSON followed by a newline (Go's {@code
 * json.Encoder}), lists filtered by {@code search} (name contains, any case) and {@code status} and
 * cut in pages ({@code page} from 1, {@code per_page} default {@value #DEFAULT_PER_PAGE}) with
 * {@code X-Next-Page} (1 on the last page), a page past the end 400, an unknown name 404 {@code
 * {"message":"router not found"}}. Stateless.
 */
final class ApiResults {
  static final int DEFAULT_PER_PAGE = 100;
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final ObjectMapper JSON = new ObjectMapper();

  private ApiResults() {}

  static ApiHandler.Answer list(List<ObjectNode> items, Map<String, String> q) {
    String search = q.getOrDefault("search", "").toLowerCase(Locale.ROOT);
    String status = q.getOrDefault("status", "");
    List<ObjectNode> kept = items.stream()
        .filter(i -> i.path("name").asText().toLowerCase(Locale.ROOT).contains(search))
        .filter(i -> status.isEmpty() || i.path("status").asText().equals(status)).toList();
    int perPage = positive(q.get("per_page"), DEFAULT_PER_PAGE);
    int page = positive(q.get("page"), 1);
    long from = (long) (page - 1) * perPage;
    if (from > 0 && from >= kept.size()) {
      return new ApiHandler.Answer(400, "{\"message\":\"invalid request: page: " + page + ", per_page: " + perPage + "\"}\n", Map.of());
    }
    ArrayNode a = F.arrayNode();
    kept.stream().skip(from).limit(perPage).forEach(a::add);
    boolean more = from + perPage < kept.size();
    return new ApiHandler.Answer(200, write(a), Map.of("X-Next-Page", String.valueOf(more ? page + 1 : 1)));
  }

  static int positive(String v, int dflt) {
    try {
      int n = v == null ? dflt : Integer.parseInt(v);
      return n > 0 ? n : dflt;
    } catch (NumberFormatException e) {
      return dflt;
    }
  }

  static ApiHandler.Answer one(List<ObjectNode> items, String name, String what) {
    Optional<ObjectNode> found = items.stream().filter(i -> i.path("name").asText().equals(name)).findFirst();
    return found.map(ApiResults::ok).orElseGet(() -> notFound(what + " not found"));
  }

  static ApiHandler.Answer ok(JsonNode n) {
    return new ApiHandler.Answer(200, write(n), Map.of());
  }

  static ApiHandler.Answer notFound(String message) {
    return new ApiHandler.Answer(404, "{\"message\":\"" + message + "\"}\n", Map.of());
  }

  static String write(JsonNode n) {
    try {
      return JSON.writeValueAsString(n) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  static Map<String, String> query(String query) {
    Map<String, String> out = new TreeMap<>();
    if (query == null || query.isEmpty()) {
      return out;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String k = decode(eq < 0 ? pair : pair.substring(0, eq));
      out.putIfAbsent(k, eq < 0 ? "" : decode(pair.substring(eq + 1)));
    }
    return out;
  }
}
