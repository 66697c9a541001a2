package io.cairn.kv.store.backend;

/** A storage failure (I/O error, corruption). Not an etcd error: the store cannot continue. */
public final class BackendException extends RuntimeException {
  public BackendException(String operation, Throwable cause) {
    super("backend " + operation + " failed: " + cause.getMessage(), cause);
  }
}
