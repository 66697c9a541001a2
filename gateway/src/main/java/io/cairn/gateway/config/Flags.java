package io.cairn.gateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Traefik-style flags to a configuration tree, the way paerser's flag parser reads them.
 *
 * <ul>
 *   <li>{@code --a.b.c=value} (or one dash); the dotted path is matched case-insensitively, and
 *       two spellings of one path are one flag (the first spelling is kept).
 *   <li>A flag without {@code =} is {@code true} when it names a boolean or a section (see {@link
 *       #BARE}) or when no value follows; otherwise the next argument is its value ({@code --log.level
 *       DEBUG}).
 *   <li>{@code name[i]} addresses list elements: {@code --entryPoints.web.http.tls.domains[0].main=x}.
 *   <li>A flag given twice: the last value wins. {@code --} ends the flags; an argument that is not
 *       a flag is a problem.
 *   <li>{@code --configFile=FILE}: the file is decoded instead and every other flag is ignored
 *       (Traefik's loaders stop at the first that finds a configuration). Traefik's search of default
 *       locations ({@code /etc/traefik/traefik.yml}, {@code ./traefik.toml}, …) is deliberately not
 *       done: cairn reads only the file it is told to.
 * </ul>
 */
final class Flags {
  /** Lower-cased flag paths that take no value (booleans and sections enabled by presence). */
  static final Pattern BARE = Pattern.compile(String.join("|",
      "api", "api\\.(dashboard|insecure|debug|disabledashboardad)", "accesslog", "metrics\\.prometheus",
      "metrics\\.prometheus\\.(add\\w+labels|manualrouting)", "providers\\.file", "providers\\.file\\.watch",
      "providers\\.etcd", "log", "ping", "ping\\.manualrouting", "accesslog\\.filters", "accesslog\\.filters\\.retryattempts", "log\\.nocolor", "global\\.\\w+",
      "entrypoints\\.[^.]+\\.forwardedheaders\\.insecure", "entrypoints\\.[^.]+\\.http3",
      "entrypoints\\.[^.]+\\.http\\.tls", "entrypoints\\.[^.]+\\.http\\.redirections\\.entrypoint\\.permanent",
      "certificatesresolvers\\.[^.]+\\.acme\\.tlschallenge", "serverstransport\\.insecureskipverify"));
  private static final Pattern INDEXED = Pattern.compile("(.+)\\[(\\d{1,6})]");

  private Flags() {}

  static StaticConfig.Loaded load(List<String> args) throws ConfigException {
    Problems problems = new Problems(null);
    Map<String, String> flat = parse(args, problems);
    Optional<String> configFile = flat.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase("configFile")).map(Map.Entry::getValue).findFirst();
    if (configFile.isPresent()) {
      problems.throwIfAny();
      return fromFile(configFile.get(), flat);
    }
    JsonNode tree = tree(flat, problems);
    StaticConfig config = StaticDecoder.decodeTree(tree, problems).orElse(null);
    problems.throwIfAny();
    return new StaticConfig.Loaded(config, Optional.empty(), List.of());
  }

  private static StaticConfig.Loaded fromFile(String name, Map<String, String> flat) throws ConfigException {
    Path path;
    String content;
    try {
      path = Path.of(name);
      content = Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException | InvalidPathException | java.io.UncheckedIOException e) {
      throw new ConfigException(List.of(new ConfigProblem(name, "", "cannot read the configuration file: " + e.getMessage())));
    }
    Formats.Format format = Formats.byName(name).orElse(Formats.Format.YAML);
    StaticConfig config = StaticDecoder.decode(content, format, name);
    List<String> ignored = flat.keySet().stream().filter(k -> !k.equalsIgnoreCase("configFile")).map(k -> "--" + k).toList();
    return new StaticConfig.Loaded(config, Optional.of(path), ignored);
  }

  /** Flag path (first spelling) to value, in order. */
  static Map<String, String> parse(List<String> args, Problems problems) {
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, String> spelling = new LinkedHashMap<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--")) {
        for (int j = i + 1; j < args.size(); j++) {
          problems.add("", "unexpected argument \"" + args.get(j) + "\": expected only --name=value flags");
        }
        break;
      }
      if (arg.length() < 2 || arg.charAt(0) != '-') {
        problems.add("", "unexpected argument \"" + arg + "\": expected only --name=value flags");
        continue;
      }
      String body = arg.startsWith("--") ? arg.substring(2) : arg.substring(1);
      int eq = body.indexOf('=');
      String name = eq < 0 ? body : body.substring(0, eq);
      if (name.isEmpty() || name.startsWith("-") || name.startsWith(".") || name.endsWith(".") || name.contains("..")) {
        problems.add("", "bad flag syntax: " + arg);
        continue;
      }
      String value;
      if (eq >= 0) {
        value = body.substring(eq + 1);
      } else if (BARE.matcher(name.toLowerCase(Locale.ROOT)).matches() || i + 1 >= args.size()
          || args.get(i + 1).startsWith("-")) {
        value = "true";
      } else {
        value = args.get(++i);
      }
      String canonical = spelling.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> name);
      values.put(canonical, value);
    }
    return values;
  }

  /** The flat flags as a tree of mappings and lists of strings, for the static decoder. */
  static JsonNode tree(Map<String, String> flat, Problems problems) {
    Map<String, Object> root = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : flat.entrySet()) {
      put(root, e.getKey().split("\\."), 0, e.getValue(), e.getKey(), problems);
    }
    return toNode(root);
  }

  @SuppressWarnings("unchecked")
  private static void put(Map<String, Object> node, String[] parts, int at, String value, String flag, Problems problems) {
    String part = parts[at];
    Matcher m = INDEXED.matcher(part);
    String key = m.matches() ? m.group(1) : part;
    String existing = node.keySet().stream().filter(k -> k.equalsIgnoreCase(key)).findFirst().orElse(key);
    boolean last = at == parts.length - 1;
    if (m.matches()) {
      Object list = node.get(existing);
      if (!(list instanceof TreeMap)) {
        list = new TreeMap<Integer, Object>();
        node.put(existing, list);
      }
      TreeMap<Integer, Object> elements = (TreeMap<Integer, Object>) list;
      int index = Integer.parseInt(m.group(2));
      if (last) {
        elements.put(index, value);
        return;
      }
      Object child = elements.get(index);
      if (!(child instanceof LinkedHashMap)) {
        child = new LinkedHashMap<String, Object>();
        elements.put(index, child);
      }
      put((Map<String, Object>) child, parts, at + 1, value, flag, problems);
      return;
    }
    if (last) {
      if (!(node.get(existing) instanceof LinkedHashMap)) { // a section given both bare and with options keeps the options
        node.put(existing, value);
      }
      return;
    }
    Object child = node.get(existing);
    if (!(child instanceof LinkedHashMap)) {
      child = new LinkedHashMap<String, Object>();
      node.put(existing, child);
    }
    put((Map<String, Object>) child, parts, at + 1, value, flag, problems);
  }

  @SuppressWarnings("unchecked")
  private static JsonNode toNode(Object value) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (value instanceof LinkedHashMap<?, ?> map) {
      ObjectNode o = f.objectNode();
      ((Map<String, Object>) map).forEach((k, v) -> o.set(k, toNode(v)));
      return o;
    }
    if (value instanceof TreeMap<?, ?> list) {
      ArrayNode a = f.arrayNode();
      new ArrayList<>(list.values()).forEach(v -> a.add(toNode(v)));
      return a;
    }
    return f.textNode((String) value);
  }
}
