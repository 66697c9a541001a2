package io.cairn.monitor.config;

import io.cairn.monitor.relabel.Action;
import io.cairn.monitor.relabel.RelabelConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Decodes {@code relabel_configs} and {@code metric_relabel_configs} into {@link RelabelConfig}s. */
final class RelabelDecoder {
  private static final Set<String> FIELDS =
      Set.of("source_labels", "separator", "regex", "modulus", "target_label", "replacement", "action");

  private RelabelDecoder() {}

  /** @param what "target" or "metric", for the message about a null entry */
  static List<RelabelConfig> decode(Decoder d, Node n, String what) throws ConfigException {
    return decodeList(d, n, "empty or null " + what + " relabeling rule in scrape config");
  }

  /** @param nullMessage the error when an entry is null, as Prometheus words it for this list */
  static List<RelabelConfig> decodeList(Decoder d, Node n, String nullMessage) throws ConfigException {
    List<RelabelConfig> out = new ArrayList<>();
    boolean sawNull = false;
    for (Node item : d.seq(n, "[]*relabel.Config")) {
      if (Decoder.isNull(item)) {
        sawNull = true;
        continue;
      }
      int mark = d.errorCount();
      Map<String, Node> f = d.struct(item, "relabel.plain", FIELDS);
      if (f == null) {
        continue;
      }
      // absent -> null (the default); YAML null -> Go's zero value
      List<String> source = f.containsKey("source_labels") && !Decoder.isNull(f.get("source_labels"))
          ? d.strings(f.get("source_labels")) : null;
      String separator = f.containsKey("separator") ? d.string(f.get("separator")) : null;
      String regex = f.containsKey("regex") ? d.string(f.get("regex")) : null;
      Long modulus = f.containsKey("modulus") ? d.uint(f.get("modulus")) : null;
      String target = f.containsKey("target_label") ? d.string(f.get("target_label")) : null;
      String replacement = f.containsKey("replacement") ? d.string(f.get("replacement")) : null;
      String action = f.containsKey("action") ? d.string(f.get("action")) : null;
      if (d.errorCount() > mark) {
        continue;
      }
      try {
        if (action != null && action.isEmpty()) {
          throw new IllegalArgumentException("relabel action cannot be empty");
        }
        out.add(RelabelConfig.of(source, separator, regex, modulus, target, replacement, action == null ? null : Action.parse(action)));
      } catch (IllegalArgumentException e) {
        throw new ConfigException(e.getMessage());
      }
    }
    if (sawNull && d.errorCount() == 0) {
      throw new ConfigException(nullMessage);
    }
    return List.copyOf(out);
  }
}
