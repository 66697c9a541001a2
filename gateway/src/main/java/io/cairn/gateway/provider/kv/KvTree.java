package io.cairn.gateway.provider.kv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Turns the keys under a root key into the configuration tree the file provider's decoder reads,
 * with Traefik's kv layout ({@code pkg/config/kv}): {@code ROOT/http/routers/api/rule} is {@code
 * http.routers.api.rule}; a path segment of digits is a list index ({@code
 * .../servers/0/url}, {@code .../entryPoints/1}); names match case-insensitively at every level (the
 * first spelling in key order is kept, as paerser's {@code EqualFold} merge); only keys whose first
 * segment is {@code http}, {@code tcp}, {@code udp} or {@code tls} are read, the others are
 * ignored (Traefik's root-field filter). Values are text; the decoder reads numbers, booleans and
 * durations from text as paerser does.
 *
 * <p>Differences from Traefik, chosen deliberately: list elements are ordered by their numeric
 * index (Traefik sorts the keys as strings, so {@code 10} comes before {@code 2}), and a list of
 * strings keeps each value whole (Traefik joins them with commas and splits again, which breaks
 * values with commas such as a regexp {@code [a-z]{1,3}}). A key that has both a value and
 * sub-keys is read as its sub-keys. Stateless; thread-safe.
 */
final class KvTree {
  private static final Set<String> ROOT_FIELDS = Set.of("http", "tcp", "udp", "tls");
  private static final Pattern INDEX = Pattern.compile("\\d{1,9}");

  /**
   * A tree and where each of its nodes came from.
   *
   * @param tree the configuration tree
   * @param keys lower-cased decoder path ({@code http.services.a.loadbalancer.servers[0].url}) to kv
   *     key ({@code traefik/http/services/a/loadBalancer/servers/0/url}), for every node
   */
  record Result(ObjectNode tree, Map<String, String> keys) {}

  private static final class Node {
    final String name;
    final String key;
    String value;
    final Map<String, Node> children = new LinkedHashMap<>();

    Node(String name, String key) {
      this.name = name;
      this.key = key;
    }
  }

  private KvTree() {}

  /** True if {@code key} (under {@code rootKey}) is one Traefik reads; the others are ignored. */
  static boolean relevant(String rootKey, String key) {
    if (!key.startsWith(rootKey + "/")) {
      return false;
    }
    String rest = key.substring(rootKey.length() + 1);
    int slash = rest.indexOf('/');
    return slash > 0 && ROOT_FIELDS.contains(rest.substring(0, slash).toLowerCase(Locale.ROOT));
  }

  /** The tree of every relevant key of {@code pairs} (kv key to value) under {@code rootKey}. */
  static Result build(String rootKey, Map<String, String> pairs) {
    Node root = new Node("", rootKey);
    for (Map.Entry<String, String> e : new TreeMap<>(pairs).entrySet()) {
      if (!relevant(rootKey, e.getKey())) {
        continue;
      }
      String rest = e.getKey().substring(rootKey.length() + 1);
      if (rest.endsWith("/")) {
        rest = rest.substring(0, rest.length() - 1); // as Traefik's TrimSuffix
      }
      Node n = root;
      StringBuilder key = new StringBuilder(rootKey);
      for (String segment : rest.split("/", -1)) {
        key.append('/').append(segment);
        String k = key.toString();
        n = n.children.computeIfAbsent(segment.toLowerCase(Locale.ROOT), s -> new Node(segment, k));
        key.setLength(0);
        key.append(n.key); // keep the first spelling, so every key below it reads the same
      }
      n.value = e.getValue();
    }
    Map<String, String> keys = new LinkedHashMap<>();
    ObjectNode tree = JsonNodeFactory.instance.objectNode();
    for (Node child : root.children.values()) {
      tree.set(child.name, convert(child, child.name, keys));
    }
    return new Result(tree, keys);
  }

  private static JsonNode convert(Node n, String path, Map<String, String> keys) {
    keys.put(path.toLowerCase(Locale.ROOT), n.key);
    if (n.children.isEmpty()) {
      return TextNode.valueOf(n.value == null ? "" : n.value);
    }
    if (n.children.keySet().stream().allMatch(s -> INDEX.matcher(s).matches())) {
      List<Node> elements = new ArrayList<>(n.children.values());
      elements.sort((a, b) -> Integer.compare(Integer.parseInt(a.name), Integer.parseInt(b.name)));
      ArrayNode array = JsonNodeFactory.instance.arrayNode();
      for (int i = 0; i < elements.size(); i++) {
        array.add(convert(elements.get(i), path + "[" + i + "]", keys));
      }
      return array;
    }
    ObjectNode object = JsonNodeFactory.instance.objectNode();
    for (Node child : n.children.values()) {
      object.set(child.name, convert(child, path + "." + child.name, keys));
    }
    return object;
  }

  /**
   * The kv key a decoder or validator problem key points at: the longest known node it is in, then
   * the rest of the path with {@code .} and {@code [i]} turned into {@code /} segments.
   */
  static String kvKey(String rootKey, String problemKey, Map<String, String> keys) {
    if (problemKey.isEmpty()) {
      return rootKey;
    }
    String lower = problemKey.toLowerCase(Locale.ROOT);
    String best = null;
    for (String known : keys.keySet()) {
      boolean inside = lower.equals(known) || lower.startsWith(known + ".") || lower.startsWith(known + "[");
      if (inside && (best == null || known.length() > best.length())) {
        best = known;
      }
    }
    String base = best == null ? rootKey : keys.get(best);
    String rest = best == null ? "/" + problemKey : problemKey.substring(best.length());
    return base + rest.replaceAll("\\[(\\d+)]", "/$1").replace('.', '/');
  }
}
