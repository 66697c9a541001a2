package io.cairn.promql.parser;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Where each node of a freshly parsed tree starts (a char index), and for binary expressions where
 * the operator is and the vector matching as written: what the type checker's messages point at.
 * The tree itself carries no positions.
 */
final class Positions {
  record BinaryInfo(int opPos, VectorMatching written) {}

  private final Map<Expr, Integer> starts = new IdentityHashMap<>();
  private final Map<Expr, BinaryInfo> binaries = new IdentityHashMap<>();

  <E extends Expr> E at(E e, int start) {
    starts.put(e, start);
    return e;
  }

  int start(Expr e) {
    Integer s = starts.get(e);
    return s == null ? 0 : s;
  }

  void binary(Expr.Binary b, int start, int opPos, VectorMatching written) {
    starts.put(b, start);
    binaries.put(b, new BinaryInfo(opPos, written));
  }

  BinaryInfo binaryInfo(Expr.Binary b) {
    return binaries.get(b);
  }
}
