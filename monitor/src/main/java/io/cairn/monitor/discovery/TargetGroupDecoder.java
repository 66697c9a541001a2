package io.cairn.monitor.discovery;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Decodes the file_sd / http_sd format: a list of {@code {"targets": ["host:port", ...],
 * "labels": {"name": "value"}}}, in JSON or (file_sd) YAML, strictly as Prometheus does: unknown
 * fields, non-string targets, invalid label names and null items are errors. Input is bounded by
 * the caller ({@link #MAX_BYTES} by default); errors say where and what was expected.
 */
public final class TargetGroupDecoder {
  /** The most bytes a file or HTTP body may have (Prometheus has no limit): 16 MiB. */
  public static final int MAX_BYTES = 16 << 20;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new YAMLMapper();
  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

  /** The two syntaxes; YAML is file_sd only. */
  public enum Format {
    JSON,
    YAML
  }

  private TargetGroupDecoder() {}

  /**
   * Decodes {@code bytes}; group {@code i} gets source {@code sourcePrefix + ":" + i}.
   *
   * @throws IllegalArgumentException naming what is wrong and what was expected
   */
  public static List<TargetGroup> decode(byte[] bytes, Format format, String sourcePrefix) {
    if (bytes.length > MAX_BYTES) {
      throw new IllegalArgumentException("target groups of " + bytes.length + " bytes exceed the limit of " + MAX_BYTES + " bytes");
    }
    JsonNode root;
    try {
      root = (format == Format.JSON ? JSON : YAML).readTree(bytes);
    } catch (java.io.IOException e) {
      String msg = e instanceof JacksonException je ? je.getOriginalMessage() : e.getMessage();
      throw new IllegalArgumentException("invalid " + format + ": " + msg);
    }
    boolean empty = root == null || root.isMissingNode() || root.isNull();
    if (empty && format == Format.YAML) {
      return List.of(); // as Go's yaml: an empty document is no groups
    }
    if (empty) {
      throw new IllegalArgumentException("invalid JSON: unexpected end of JSON input (expected a list of target groups)");
    }
    if (!root.isArray()) {
      throw new IllegalArgumentException("expected a list of target groups, got " + kind(root));
    }
    List<TargetGroup> out = new ArrayList<>(root.size());
    for (int i = 0; i < root.size(); i++) {
      out.add(group(root.get(i), sourcePrefix + ":" + i, i));
    }
    return out;
  }

  private static TargetGroup group(JsonNode g, String source, int index) {
    String where = "target group " + index;
    if (g.isNull()) {
      throw new IllegalArgumentException("nil target group item found (" + where + ")");
    }
    if (!g.isObject()) {
      throw new IllegalArgumentException(where + ": expected an object with \"targets\" and \"labels\", got " + kind(g));
    }
    List<String> targets = new ArrayList<>();
    Map<String, String> labels = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = g.fields(); it.hasNext(); ) {
      var f = it.next();
      switch (f.getKey()) {
        case "targets" -> {
          if (!f.getValue().isArray() && !f.getValue().isNull()) {
            throw new IllegalArgumentException(where + ": \"targets\" must be a list of strings, got " + kind(f.getValue()));
          }
          for (JsonNode t : f.getValue()) {
            if (!t.isTextual()) {
              throw new IllegalArgumentException(where + ": each target must be a string \"host:port\", got " + kind(t));
            }
            targets.add(t.asText());
          }
        }
        case "labels" -> {
          if (!f.getValue().isObject() && !f.getValue().isNull()) {
            throw new IllegalArgumentException(where + ": \"labels\" must be an object of strings, got " + kind(f.getValue()));
          }
          for (Iterator<Map.Entry<String, JsonNode>> ls = f.getValue().fields(); ls.hasNext(); ) {
            var l = ls.next();
            if (!LABEL_NAME.matcher(l.getKey()).matches()) {
              throw new IllegalArgumentException(where + ": \"" + l.getKey() + "\" is not a valid label name (expected [a-zA-Z_][a-zA-Z0-9_]*)");
            }
            if (!l.getValue().isTextual()) {
              throw new IllegalArgumentException(where + ": label " + l.getKey() + " must be a string, got " + kind(l.getValue()));
            }
            labels.put(l.getKey(), l.getValue().asText());
          }
        }
        default -> throw new IllegalArgumentException(where + ": unknown field \"" + f.getKey() + "\" (expected \"targets\" and \"labels\")");
      }
    }
    for (String t : targets) {
      if (t.isEmpty()) {
        throw new IllegalArgumentException(where + ": empty target (expected \"host:port\")");
      }
    }
    return TargetGroup.of(source, targets, labels);
  }

  private static String kind(JsonNode n) {
    return n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }
}
