package io.cairn.kv.store;

import com.google.protobuf.UnknownFieldSet;
import io.etcd.jetcd.api.Compare;
import io.etcd.jetcd.api.KeyValue;
import java.util.List;

/**
 * etcd's {@code applyCompare}/{@code compareKV}: every key in the compare's range must satisfy it; a
 * range with no keys compares a zero KeyValue (version, create, mod and lease 0), except that a VALUE
 * compare on missing keys always fails.
 *
 * <p>The generated {@code Compare} predates the LEASE target (4) and its {@code lease} field (8):
 * both are read by number, the field from the message's unknown fields.
 */
final class Compares {
  static final int TARGET_VERSION = 0;
  static final int TARGET_CREATE = 1;
  static final int TARGET_MOD = 2;
  static final int TARGET_VALUE = 3;
  static final int TARGET_LEASE = 4;
  static final int LEASE_FIELD = 8;

  private Compares() {}

  /** @param kvs the keys in the compare's range, read before the transaction */
  static boolean holds(Compare c, List<KeyValue> kvs) {
    if (kvs.isEmpty()) {
      if (c.getTargetValue() == TARGET_VALUE) {
        return false; // no way to represent a missing value
      }
      return compare(c, KeyValue.getDefaultInstance());
    }
    for (KeyValue kv : kvs) {
      if (!compare(c, kv)) {
        return false;
      }
    }
    return true;
  }

  private static boolean compare(Compare c, KeyValue kv) {
    int result =
        switch (c.getTargetValue()) {
          case TARGET_VALUE -> Keys.compare(kv.getValue(), c.getValue());
          case TARGET_CREATE -> Long.compare(kv.getCreateRevision(), c.getCreateRevision());
          case TARGET_MOD -> Long.compare(kv.getModRevision(), c.getModRevision());
          case TARGET_VERSION -> Long.compare(kv.getVersion(), c.getVersion());
          case TARGET_LEASE -> Long.compare(kv.getLease(), lease(c));
          default -> 0;
        };
    return switch (c.getResultValue()) {
      case Compare.CompareResult.EQUAL_VALUE -> result == 0;
      case Compare.CompareResult.NOT_EQUAL_VALUE -> result != 0;
      case Compare.CompareResult.GREATER_VALUE -> result > 0;
      case Compare.CompareResult.LESS_VALUE -> result < 0;
      default -> true;
    };
  }

  /** The compare's {@code lease} operand (field 8), 0 if absent. */
  static long lease(Compare c) {
    UnknownFieldSet.Field f = c.getUnknownFields().getField(LEASE_FIELD);
    List<Long> varints = f.getVarintList();
    return varints.isEmpty() ? 0 : varints.getLast();
  }

  /** A LEASE compare, which the generated builder cannot express. */
  static Compare leaseCompare(com.google.protobuf.ByteString key, Compare.CompareResult result, long lease) {
    return Compare.newBuilder()
        .setKey(key)
        .setResult(result)
        .setTargetValue(TARGET_LEASE)
        .setUnknownFields(
            UnknownFieldSet.newBuilder()
                .addField(LEASE_FIELD, UnknownFieldSet.Field.newBuilder().addVarint(lease).build())
                .build())
        .build();
  }
}
