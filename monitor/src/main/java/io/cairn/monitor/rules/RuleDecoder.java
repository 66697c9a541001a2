package io.cairn.monitor.rules;

import io.cairn.monitor.config.YamlScalars;
import io.cairn.common.text.PromDuration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decodes a rule file's {@link YNode}s as Prometheus's {@code rulefmt.Parse} does with yaml.v3 in
 * strict mode ({@code KnownFields(true)}): unknown fields, repeated keys and values of the wrong
 * type are collected as {@code yaml: unmarshal errors:\n  line N: ...}; a bad duration stops the
 * decoding with its own message ({@code not a valid duration string: "5x"}). Like Prometheus it
 * also reports the errors of its second, lenient pass (into {@code rulefmt.ruleGroups}).
 */
final class RuleDecoder {
  private static final Set<String> ROOT = Set.of("groups");
  private static final Set<String> GROUP = Set.of("name", "interval", "limit", "rules");
  private static final Set<String> RULE =
      Set.of("record", "alert", "expr", "for", "keep_firing_for", "labels", "annotations");

  /** A yaml.v3 {@code fail}: decoding stops with this message. */
  private static final class Fail extends Exception {
    Fail(String message) {
      super(message, null, false, false);
    }
  }

  private final List<String> typeErrors = new ArrayList<>();

  private RuleDecoder() {}

  /**
   * The groups of a parsed document (null root: none).
   *
   * @param errors receives the decoding errors, in Prometheus's order; the result is meaningless
   *     when any was added
   */
  static List<GroupSpec> decode(YNode root, List<String> errors) {
    RuleDecoder d = new RuleDecoder();
    List<GroupSpec> groups = List.of();
    try {
      groups = d.root(root);
      if (!d.typeErrors.isEmpty()) {
        errors.add(d.unmarshalErrors());
      }
    } catch (Fail f) {
      errors.add(f.getMessage());
    }
    RuleDecoder lenient = new RuleDecoder();
    Map<String, YNode> f = lenient.mapping(root, "rulefmt.ruleGroups", null);
    if (f != null && f.get("groups") != null && !YNode.isNull(f.get("groups")) && !(f.get("groups") instanceof YNode.Seq)) {
      lenient.typeError(f.get("groups"), "[]yaml.Node");
    }
    if (!lenient.typeErrors.isEmpty()) {
      errors.add(lenient.unmarshalErrors());
    }
    return groups;
  }

  private String unmarshalErrors() {
    return "yaml: unmarshal errors:\n  " + String.join("\n  ", typeErrors);
  }

  private List<GroupSpec> root(YNode root) throws Fail {
    Map<String, YNode> f = mapping(root, "rulefmt.RuleGroups", ROOT);
    if (f == null) {
      return List.of();
    }
    List<GroupSpec> out = new ArrayList<>();
    for (YNode g : seq(f.get("groups"), "[]rulefmt.RuleGroup")) {
      out.add(group(g));
    }
    return out;
  }

  private GroupSpec group(YNode n) throws Fail {
    Map<String, YNode> f = mapping(n, "rulefmt.RuleGroup", GROUP);
    if (f == null) {
      f = Map.of();
    }
    String name = string(f.get("name"));
    long interval = duration(f.get("interval"));
    int limit = integer(f.get("limit"));
    List<RuleSpec> rules = new ArrayList<>();
    for (YNode r : seq(f.get("rules"), "[]rulefmt.RuleNode")) {
      rules.add(rule(r));
    }
    return new GroupSpec(name, RuleSpec.Pos.of(n), interval, limit, rules);
  }

  private RuleSpec rule(YNode n) throws Fail {
    Map<String, YNode> f = mapping(n, "rulefmt.RuleNode", RULE);
    if (f == null) {
      f = Map.of();
    }
    return new RuleSpec(nodeValue(f.get("record")), RuleSpec.Pos.of(f.get("record")),
        nodeValue(f.get("alert")), RuleSpec.Pos.of(f.get("alert")),
        nodeValue(f.get("expr")), RuleSpec.Pos.of(f.get("expr")),
        duration(f.get("for")), duration(f.get("keep_firing_for")),
        stringMap(f.get("labels")), stringMap(f.get("annotations")));
  }

  /** A {@code yaml.Node} field's {@code Value}: a scalar's text, empty for anything else. */
  private static String nodeValue(YNode n) {
    return n instanceof YNode.Scalar s && !s.isNull() ? s.text() : "";
  }

  /**
   * A mapping's fields (null for null or for a non-mapping, which is a type error); repeated keys
   * are type errors that leave the mapping undecoded; with {@code known}, other keys are too.
   */
  private Map<String, YNode> mapping(YNode n, String goType, Set<String> known) {
    if (YNode.isNull(n)) {
      return null;
    }
    if (!(n instanceof YNode.MapNode m)) {
      typeError(n, goType);
      return null;
    }
    int before = typeErrors.size();
    List<YNode.Entry> es = m.entries();
    for (int i = 0; i < es.size(); i++) {
      for (int j = i + 1; j < es.size(); j++) {
        if (es.get(i).key().text().equals(es.get(j).key().text())) {
          typeErrors.add("line " + es.get(j).key().line() + ": mapping key " + goQuote(es.get(j).key().text())
              + " already defined at line " + es.get(i).key().line());
        }
      }
    }
    if (typeErrors.size() > before) {
      return null;
    }
    Map<String, YNode> out = new HashMap<>();
    for (YNode.Entry e : es) {
      if (known != null && !known.contains(e.key().text())) {
        typeErrors.add("line " + e.key().line() + ": field " + e.key().text() + " not found in type " + goType);
      } else {
        out.put(e.key().text(), e.value());
      }
    }
    return out;
  }

  private List<YNode> seq(YNode n, String goType) {
    if (YNode.isNull(n)) {
      return List.of();
    }
    if (n instanceof YNode.Seq s) {
      return s.items();
    }
    typeError(n, goType);
    return List.of();
  }

  private String string(YNode n) {
    if (YNode.isNull(n)) {
      return "";
    }
    if (n instanceof YNode.Scalar s) {
      return s.text();
    }
    typeError(n, "string");
    return "";
  }

  private int integer(YNode n) {
    if (YNode.isNull(n)) {
      return 0;
    }
    if (n instanceof YNode.Scalar s) {
      try {
        if (s.tag().equals("int")) {
          return Math.toIntExact(YamlScalars.parseInt(s.text()));
        }
        if (s.tag().equals("float")) {
          double d = Double.parseDouble(s.text());
          if (Double.isFinite(d) && Math.abs(d) <= Integer.MAX_VALUE) {
            return (int) d;
          }
        }
      } catch (NumberFormatException | ArithmeticException e) {
        // a type error below
      }
    }
    typeError(n, "int");
    return 0;
  }

  /** A {@code model.Duration}: unmarshalled as a string first, then parsed (a failure stops decoding). */
  private long duration(YNode n) throws Fail {
    if (YNode.isNull(n)) {
      return 0;
    }
    String text = string(n);
    if (!(n instanceof YNode.Scalar)) {
      return 0;
    }
    try {
      return PromDuration.parse(text).millis();
    } catch (IllegalArgumentException e) {
      throw new Fail(e.getMessage());
    }
  }

  private Map<String, String> stringMap(YNode n) {
    Map<String, YNode> f = mapping(n, "map[string]string", null);
    if (f == null) {
      return Map.of();
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (YNode.Entry e : ((YNode.MapNode) n).entries()) {
      out.put(e.key().text(), string(e.value()));
    }
    return out;
  }

  private void typeError(YNode n, String goType) {
    String value = "";
    if (n instanceof YNode.Scalar s) {
      value = s.text().length() > 10 ? " `" + s.text().substring(0, 7) + "...`" : " `" + s.text() + "`";
    }
    typeErrors.add("line " + n.line() + ": cannot unmarshal " + n.shortTag() + value + " into " + goType);
  }

  /** Go's {@code %#v} of a string (double quotes, backslash escapes). */
  static String goQuote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        default -> sb.append(c);
      }
    }
    return sb.append('"').toString();
  }
}
