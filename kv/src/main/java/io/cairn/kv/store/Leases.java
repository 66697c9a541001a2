package io.cairn.kv.store;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Leases as the store keeps them: ID, granted TTL, last checkpointed remaining TTL (0 = never
 * checkpointed), and the attached keys. Attachments are not persisted: they are rebuilt at open from
 * the {@code lease} field of each live key, as etcd does. The LEASE bucket value is etcd's {@code
 * leasepb.Lease} protobuf (ID = 1, TTL = 2, RemainingTTL = 3).
 *
 * <p>Not thread-safe: guarded by the store's lock. {@link #bucketBytes()} is the exact size of the
 * LEASE bucket's keys and values, maintained incrementally for the quota.
 */
final class Leases {
  /** etcd's {@code lease.MaxLeaseTTL}. */
  static final long MAX_TTL_SECONDS = 9_000_000_000L;

  private static final class Lease {
    final long id;
    final long ttl;
    long remaining;
    final TreeSet<ByteString> keys = new TreeSet<>(Keys.ORDER);

    Lease(long id, long ttl, long remaining) {
      this.id = id;
      this.ttl = ttl;
      this.remaining = remaining;
    }
  }

  private final TreeMap<Long, Lease> byId = new TreeMap<>();
  private final Map<ByteString, Long> keyToLease = new HashMap<>();
  private long bucketBytes;

  boolean exists(long id) {
    return byId.containsKey(id);
  }

  /** Adds a lease; returns its LEASE bucket value. */
  byte[] grant(long id, long ttl, long remaining) {
    Lease l = new Lease(id, ttl, remaining);
    byId.put(id, l);
    byte[] value = encode(l);
    bucketBytes += 8 + value.length;
    return value;
  }

  /** Records a checkpoint; returns the new bucket value, or null for an unknown lease. */
  byte[] checkpoint(long id, long remaining) {
    Lease l = byId.get(id);
    if (l == null) {
      return null;
    }
    bucketBytes -= encode(l).length;
    l.remaining = remaining;
    byte[] value = encode(l);
    bucketBytes += value.length;
    return value;
  }

  /** Removes a lease and its attachments; returns its keys in key order, or null if unknown. */
  List<ByteString> revoke(long id) {
    Lease l = byId.remove(id);
    if (l == null) {
      return null;
    }
    bucketBytes -= 8 + encode(l).length;
    for (ByteString k : l.keys) {
      keyToLease.remove(k);
    }
    return new ArrayList<>(l.keys);
  }

  /** The lease the key is attached to, 0 if none. */
  long leaseOf(ByteString key) {
    Long id = keyToLease.get(key);
    return id == null ? 0 : id;
  }

  /** Attaches a key to a lease (detaching it from any other); ignores unknown leases and ID 0. */
  void attach(long id, ByteString key) {
    detach(key);
    Lease l = byId.get(id);
    if (l != null) {
      l.keys.add(key);
      keyToLease.put(key, id);
    }
  }

  void detach(ByteString key) {
    Long old = keyToLease.remove(key);
    if (old != null) {
      byId.get(old).keys.remove(key);
    }
  }

  KvStore.LeaseInfo info(long id) {
    Lease l = byId.get(id);
    return l == null ? null : info(l);
  }

  List<KvStore.LeaseInfo> all() {
    List<KvStore.LeaseInfo> out = new ArrayList<>(byId.size());
    for (Lease l : byId.values()) {
      out.add(info(l));
    }
    return out;
  }

  private static KvStore.LeaseInfo info(Lease l) {
    return new KvStore.LeaseInfo(l.id, l.ttl, l.remaining > 0 ? l.remaining : l.ttl, List.copyOf(l.keys));
  }

  long bucketBytes() {
    return bucketBytes;
  }

  static byte[] idKey(long id) {
    return Meta.longBytes(id);
  }

  private static byte[] encode(Lease l) {
    return encode(l.id, l.ttl, l.remaining);
  }

  /** etcd's {@code leasepb.Lease} encoding (zero fields omitted, as proto3 does). */
  static byte[] encode(long id, long ttl, long remaining) {
    int size = 0;
    if (id != 0) {
      size += CodedOutputStream.computeInt64Size(1, id);
    }
    if (ttl != 0) {
      size += CodedOutputStream.computeInt64Size(2, ttl);
    }
    if (remaining != 0) {
      size += CodedOutputStream.computeInt64Size(3, remaining);
    }
    byte[] out = new byte[size];
    CodedOutputStream cos = CodedOutputStream.newInstance(out);
    try {
      if (id != 0) {
        cos.writeInt64(1, id);
      }
      if (ttl != 0) {
        cos.writeInt64(2, ttl);
      }
      if (remaining != 0) {
        cos.writeInt64(3, remaining);
      }
      cos.checkNoSpaceLeft();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  /** Decodes a LEASE bucket value into {id, ttl, remaining}; unknown fields are skipped. */
  static long[] decode(byte[] value) {
    long[] out = new long[3];
    CodedInputStream in = CodedInputStream.newInstance(value);
    try {
      while (true) {
        int tag = in.readTag();
        if (tag == 0) {
          return out;
        }
        int field = tag >>> 3;
        if (field >= 1 && field <= 3 && (tag & 7) == 0) {
          out[field - 1] = in.readInt64();
        } else if (!in.skipField(tag)) {
          return out;
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("corrupt lease record: " + e.getMessage(), e);
    }
  }
}
