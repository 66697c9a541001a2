package io.cairn.kv.store;

/**
 * An etcd API error. Thrown by the store and the API layer; turned into a gRPC status (or a JSON
 * gateway error) in exactly one place, {@code io.cairn.kv.api}. Branch on {@link #error()}, never on
 * the message text. Carries no stack trace: it is an expected outcome, not a bug.
 */
public final class EtcdException extends Exception {
  private final EtcdError error;

  public EtcdException(EtcdError error) {
    super(error.message(), null, false, false);
    this.error = error;
  }

  public EtcdError error() {
    return error;
  }
}
