package io.cairn.kv.store.backend;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Puts and deletes that a {@link Backend} applies atomically, in order, by {@link Backend#commit}. A
 * plain list of operations, independent of any backend; not thread-safe (built by one thread). Keys
 * and values are not copied: callers must not mutate arrays after adding them.
 */
public final class WriteBatch {
  /** One operation; {@code value == null} means delete. */
  public record Op(Bucket bucket, byte[] key, byte[] value) {
    public boolean isDelete() {
      return value == null;
    }
  }

  private final List<Op> ops = new ArrayList<>();

  public WriteBatch put(Bucket bucket, byte[] key, byte[] value) {
    ops.add(new Op(Objects.requireNonNull(bucket), Objects.requireNonNull(key), Objects.requireNonNull(value)));
    return this;
  }

  public WriteBatch delete(Bucket bucket, byte[] key) {
    ops.add(new Op(Objects.requireNonNull(bucket), Objects.requireNonNull(key), null));
    return this;
  }

  public List<Op> ops() {
    return Collections.unmodifiableList(ops);
  }

  public boolean isEmpty() {
    return ops.isEmpty();
  }

  public int size() {
    return ops.size();
  }
}
