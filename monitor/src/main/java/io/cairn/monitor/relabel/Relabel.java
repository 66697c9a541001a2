package io.cairn.monitor.relabel;

import io.cairn.tsdb.model.Label;
import io.cairn.tsdb.model.Labels;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Applies relabelling steps in order, as Prometheus's {@code relabel.Process}. Stateless and
 * thread-safe; never throws for any labels and any valid {@link RelabelConfig}.
 */
public final class Relabel {
  private Relabel() {}

  /**
   * The labels after all steps, or null when a step dropped them (keep, drop, keepequal,
   * dropequal). A result may be empty (every label removed): Prometheus returns it as kept, and
   * callers decide (the scrape layer drops a target without labels).
   */
  public static Labels process(Labels labels, List<RelabelConfig> configs) {
    Labels.Builder b = labels.toBuilder();
    Labels current = labels;
    for (RelabelConfig c : configs) {
      if (!step(c, b, current)) {
        return null;
      }
      current = b.build();
    }
    return current;
  }

  /** One step on {@code b}, whose labels are {@code current}; false when the series is dropped. */
  private static boolean step(RelabelConfig c, Labels.Builder b, Labels current) {
    String val = joined(c, b);
    switch (c.action()) {
      case DROP -> {
        return !c.regex().matches(val);
      }
      case KEEP -> {
        return c.regex().matches(val);
      }
      case DROPEQUAL -> {
        return !b.get(c.targetLabel()).equals(val);
      }
      case KEEPEQUAL -> {
        return b.get(c.targetLabel()).equals(val);
      }
      case REPLACE -> replace(c, b, val);
      case LOWERCASE -> set(b, c.targetLabel(), caseMap(val, false));
      case UPPERCASE -> set(b, c.targetLabel(), caseMap(val, true));
      case HASHMOD -> set(b, c.targetLabel(), Long.toUnsignedString(Long.remainderUnsigned(md5Low64(val), c.modulus())));
      case LABELMAP -> {
        for (Label l : current) {
          int[] m = c.regex().submatches(l.name());
          if (m != null) {
            set(b, c.regex().expand(c.replacement(), l.name(), m), l.value());
          }
        }
      }
      case LABELDROP -> {
        for (Label l : current) {
          if (c.regex().matches(l.name())) {
            b.remove(l.name());
          }
        }
      }
      case LABELKEEP -> {
        for (Label l : current) {
          if (!c.regex().matches(l.name())) {
            b.remove(l.name());
          }
        }
      }
    }
    return true;
  }

  private static String joined(RelabelConfig c, Labels.Builder b) {
    List<String> src = c.sourceLabels();
    if (src.size() == 1) {
      return b.get(src.get(0));
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < src.size(); i++) {
      if (i > 0) {
        sb.append(c.separator());
      }
      sb.append(b.get(src.get(i)));
    }
    return sb.toString();
  }

  private static void replace(RelabelConfig c, Labels.Builder b, String val) {
    int[] m = c.regex().submatches(val);
    if (m == null) {
      return; // no match, no replacement
    }
    String target = c.regex().expand(c.targetLabel(), val, m);
    if (!RelabelConfig.isValidLabelName(target)) {
      return;
    }
    b.set(target, c.regex().expand(c.replacement(), val, m)); // an empty value deletes
  }

  /**
   * Sets a label; an empty name (possible through labelmap) is skipped, since cairn's {@link
   * Labels} cannot hold one (Prometheus would carry it until the series is rejected).
   */
  private static void set(Labels.Builder b, String name, String value) {
    if (!name.isEmpty()) {
      b.set(name, value);
    }
  }

  /** Go's strings.ToLower/ToUpper: one code point at a time, no context or locale. */
  static String caseMap(String s, boolean upper) {
    StringBuilder sb = new StringBuilder(s.length());
    s.codePoints().forEach(cp -> sb.appendCodePoint(upper ? Character.toUpperCase(cp) : Character.toLowerCase(cp)));
    return sb.toString();
  }

  /** The low 8 bytes of md5(s) as a big-endian unsigned 64-bit number (Prometheus's hashmod). */
  static long md5Low64(String s) {
    byte[] sum;
    try {
      sum = MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has MD5", e);
    }
    long v = 0;
    for (int i = 8; i < 16; i++) {
      v = (v << 8) | (sum[i] & 0xff);
    }
    return v;
  }
}
