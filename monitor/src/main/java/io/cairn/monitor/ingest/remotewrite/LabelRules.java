package io.cairn.monitor.ingest.remotewrite;

import io.cairn.common.text.GoStrings;

import com.google.protobuf.ByteString;
import io.cairn.monitor.ingest.remotewrite.RemoteWriteException.Reason;
import io.cairn.tsdb.model.Labels;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The label rules of the remote write 1.0 specification, checked per series: label names match
 * {@code [a-zA-Z_][a-zA-Z0-9_]*}, are sorted and not repeated; {@code __name__} is present and
 * matches {@code [a-zA-Z_:][a-zA-Z0-9_:]*}; values are UTF-8. A label with an empty value is absent
 * (as in Prometheus), but still counts for the order and repetition checks. Also interns label
 * names, which repeat across the series of a request. Not thread-safe.
 */
final class LabelRules {
  private static final int MAX_INTERNED = 4096;
  private static final int MAX_RENDERED_CHARS = 512;

  private final Map<ByteString, String> interned = new HashMap<>();

  /** The name of a label, as a string shared by every series of the request. */
  String name(ByteString raw) {
    String s = interned.get(raw);
    if (s == null) {
      s = raw.toStringUtf8();
      if (interned.size() < MAX_INTERNED) {
        interned.put(raw, s);
      }
    }
    return s;
  }

  /** The value of label {@code name}, which must be UTF-8. */
  String value(String name, ByteString raw) throws RemoteWriteException {
    if (!raw.isValidUtf8()) {
      throw new RemoteWriteException(
          Reason.INVALID_SERIES, "invalid label value for " + quote(name) + ": not valid UTF-8");
    }
    return raw.toStringUtf8();
  }

  /** The labels of series {@code index} (0-based), received as {@code names} and {@code values}. */
  Labels labels(int index, List<String> names, List<String> values) throws RemoteWriteException {
    Labels.Builder b = Labels.builder();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      String value = values.get(i);
      if (name.isEmpty()) {
        throw invalid(index, "empty label name", names, values);
      }
      if (!isLabelName(name)) {
        throw invalid(index, "invalid label name " + quote(name), names, values);
      }
      if (i > 0) {
        int c = name.compareTo(names.get(i - 1));
        if (c == 0) {
          throw invalid(index, "duplicate label name " + quote(name), names, values);
        }
        if (c < 0) {
          throw invalid(
              index,
              "label names not sorted: " + quote(name) + " after " + quote(names.get(i - 1)),
              names,
              values);
        }
      }
      if (name.equals(Labels.METRIC_NAME) && !value.isEmpty() && !isMetricName(value)) {
        throw invalid(index, "invalid metric name " + quote(value), names, values);
      }
      b.set(name, value);
    }
    Labels labels = b.build();
    if (!labels.has(Labels.METRIC_NAME)) {
      throw invalid(index, "no " + Labels.METRIC_NAME + " label", names, values);
    }
    return labels;
  }

  static boolean isLabelName(String s) {
    return isName(s, false);
  }

  static boolean isMetricName(String s) {
    return isName(s, true);
  }

  private static boolean isName(String s, boolean colon) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || c == '_'
              || (colon && c == ':')
              || (i > 0 && c >= '0' && c <= '9');
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static RemoteWriteException invalid(
      int index, String what, List<String> names, List<String> values) {
    StringBuilder sb = new StringBuilder("invalid series ").append(index).append(' ').append('{');
    for (int i = 0; i < names.size() && sb.length() < MAX_RENDERED_CHARS; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(quote(names.get(i))).append('=').append(quote(values.get(i)));
    }
    if (sb.length() >= MAX_RENDERED_CHARS) {
      sb.setLength(MAX_RENDERED_CHARS);
      sb.append("...");
    }
    sb.append("}: ").append(what);
    return new RemoteWriteException(Reason.INVALID_SERIES, sb.toString());
  }

  /** {@code s} quoted as Go's {@code %q}, shortened with {@code ...} past the message limit. */
  static String quote(String s) {
    return GoStrings.quote(s, MAX_RENDERED_CHARS);
  }
}
