package io.cairn.server.kv;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The servers a kv scenario can run against: the real etcd (the reference whose answers are the
 * expectations) and cairn. Choose with {@code -Dkv.targets=etcd}, {@code cairn} or {@code etcd,cairn}
 * (the default).
 */
enum TargetKind {
  ETCD("etcd"),
  CAIRN("cairn");

  static final String PROPERTY = "kv.targets";

  private final String label;

  TargetKind(String label) {
    this.label = label;
  }

  /** The targets named by {@value #PROPERTY}, in the order given; both when it is unset or blank. */
  static List<TargetKind> selected() {
    String raw = System.getProperty(PROPERTY, "");
    if (raw.isBlank()) {
      return List.of(ETCD, CAIRN);
    }
    List<TargetKind> kinds = new ArrayList<>();
    for (String part : raw.split(",")) {
      String name = part.strip().toLowerCase(Locale.ROOT);
      TargetKind kind =
          switch (name) {
            case "etcd" -> ETCD;
            case "cairn" -> CAIRN;
            default ->
                throw new IllegalArgumentException(
                    "-D" + PROPERTY + ": expected a comma-separated list of etcd and cairn, got '" + raw + "'");
          };
      if (!kinds.contains(kind)) {
        kinds.add(kind);
      }
    }
    return List.copyOf(kinds);
  }

  @Override
  public String toString() {
    return label;
  }
}
