package io.cairn.kv.snapshot.bbolt;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;

/**
 * A value of etcd's {@code lease} bucket, the protobuf {@code leasepb.Lease}: ID (field 1), TTL
 * (field 2, the granted seconds) and RemainingTTL (field 3, the last checkpoint; 0 = none), all
 * int64. Unknown fields are skipped, as protobuf does.
 */
record EtcdLease(long id, long ttl, long remainingTtl) {
  static EtcdLease decode(byte[] value) throws IOException {
    long[] fields = new long[3];
    CodedInputStream in = CodedInputStream.newInstance(value);
    while (true) {
      int tag = in.readTag();
      if (tag == 0) {
        return new EtcdLease(fields[0], fields[1], fields[2]);
      }
      int field = WireFormat.getTagFieldNumber(tag);
      if (field >= 1 && field <= 3 && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_VARINT) {
        fields[field - 1] = in.readInt64();
      } else if (!in.skipField(tag)) {
        return new EtcdLease(fields[0], fields[1], fields[2]);
      }
    }
  }
}
