package io.cairn.kv.store;

import io.cairn.kv.store.backend.Backend;
import io.cairn.kv.store.backend.Bucket;
import java.util.ArrayList;
import java.util.List;

/** Inspection helpers over a backend's raw contents. */
final class Backends {
  private Backends() {}

  /** The KEY bucket's revisions as "main_sub" with a "t" suffix for tombstones, in order. */
  static List<String> keyRevisions(Backend b) {
    List<String> out = new ArrayList<>();
    b.scan(Bucket.KEY, null, null, (k, v) -> {
      out.add(Revision.fromBytes(k) + (Revision.isTombstone(k) ? "t" : ""));
      return true;
    });
    return out;
  }

  /** Sum of key and value lengths over all buckets. */
  static long logicalBytes(Backend b) {
    long[] sum = {0};
    for (Bucket bucket : Bucket.values()) {
      b.scan(bucket, null, null, (k, v) -> {
        sum[0] += k.length + v.length;
        return true;
      });
    }
    return sum[0];
  }
}
