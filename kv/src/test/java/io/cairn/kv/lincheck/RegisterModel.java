package io.cairn.kv.lincheck;

import io.cairn.kv.lincheck.Operation.Cas;
import io.cairn.kv.lincheck.Operation.Get;
import io.cairn.kv.lincheck.Operation.Put;
import io.cairn.kv.lincheck.Operation.Read;
import io.cairn.kv.lincheck.Operation.Swapped;
import java.util.Objects;
import java.util.Optional;

/**
 * The sequential specification of one etcd key used as a register: the state is the key's value, or
 * null while the key is absent (its initial state).
 */
final class RegisterModel {
  private RegisterModel() {}

  /**
   * The state after applying {@code op} to {@code state}, or empty if {@code op} could not have
   * returned what it returned from that state. An operation with an unknown outcome may always take
   * effect (its effect still depends on the state: a compare-and-swap only writes if the value
   * matched).
   */
  static Optional<State> step(State state, Operation op) {
    String value = state.value();
    return switch (op.input()) {
      case Put p -> Optional.of(new State(p.value()));
      case Get g ->
          op.unknown() || Objects.equals(((Read) op.output()).value(), value)
              ? Optional.of(state)
              : Optional.empty();
      case Cas c -> {
        boolean matches = c.expected().equals(value);
        if (!op.unknown() && ((Swapped) op.output()).succeeded() != matches) {
          yield Optional.empty();
        }
        yield Optional.of(matches ? new State(c.next()) : state);
      }
    };
  }

  /** The register's value; null means absent. */
  record State(String value) {
    static final State ABSENT = new State(null);
  }
}
