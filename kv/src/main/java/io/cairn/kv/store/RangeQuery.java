package io.cairn.kv.store;

import io.etcd.jetcd.api.KeyValue;
import io.etcd.jetcd.api.RangeRequest;
import io.etcd.jetcd.api.RangeResponse;
import io.etcd.jetcd.api.ResponseHeader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * etcd 3.4's Range ({@code applierV3backend.Range} over {@code storeTxnRead.rangeKeys}) in two steps:
 * {@link #plan} resolves revisions from the key index (needs the store's lock), {@link #finish}
 * fetches values and filters, sorts and truncates (needs no lock: stored revisions are immutable).
 *
 * <p>As in etcd: the limit is pushed down (fetch limit + 1) only when sort_order is NONE and no
 * min/max filter is set; {@code count} is the number of keys in range at the revision, before filters
 * and limit; a non-KEY sort target with sort_order NONE sorts ascending; {@code more} is set when
 * more than {@code limit} results remain after filtering. Ties in a sort keep key order (etcd's
 * unstable sort does the same for small results).
 */
final class RangeQuery {
  private RangeQuery() {}

  /** Reads a stored value; throws (e.g. COMPACTED) if a concurrent compaction removed it. */
  @FunctionalInterface
  interface ValueSource {
    KeyValue read(Revision rev) throws EtcdException;
  }

  /** The revisions to fetch (at most the pushed-down limit), the total count and header revision. */
  record Plan(List<Revision> revisions, long count, long headerRevision, long atRevision) {}

  /**
   * @param curRev the revision of the view read (the store's, or a write txn's own)
   */
  static Plan plan(RangeRequest r, TreeIndex index, long curRev, long compactRev) throws EtcdException {
    long rev = r.getRevision();
    if (rev > curRev) {
      throw EtcdError.FUTURE_REV.exception();
    }
    if (rev <= 0) {
      rev = curRev;
    }
    if (rev < compactRev) {
      throw EtcdError.COMPACTED.exception();
    }
    long limit = r.getCountOnly() ? 0 : fetchLimit(r);
    List<Revision> revs = new ArrayList<>();
    long[] count = {0};
    index.visit(
        KeyRange.of(r.getKey(), r.getRangeEnd()),
        rev,
        (k, rv) -> {
          count[0]++;
          if (!r.getCountOnly() && (limit <= 0 || revs.size() < limit)) {
            revs.add(rv);
          }
        });
    return new Plan(revs, count[0], curRev, rev);
  }

  private static long fetchLimit(RangeRequest r) {
    long limit = r.getLimit();
    if (r.getSortOrder() != RangeRequest.SortOrder.NONE
        || r.getMinModRevision() != 0
        || r.getMaxModRevision() != 0
        || r.getMinCreateRevision() != 0
        || r.getMaxCreateRevision() != 0) {
      limit = 0; // fetch everything; sort and truncate afterwards
    }
    return limit > 0 ? limit + 1 : limit;
  }

  static RangeResponse finish(RangeRequest r, Plan plan, ValueSource values) throws EtcdException {
    List<KeyValue> kvs = new ArrayList<>(plan.revisions().size());
    for (Revision rev : plan.revisions()) {
      KeyValue kv = values.read(rev);
      if (passes(r, kv)) {
        kvs.add(kv);
      }
    }
    sort(r, kvs);
    RangeResponse.Builder resp =
        RangeResponse.newBuilder()
            .setHeader(ResponseHeader.newBuilder().setRevision(plan.headerRevision()))
            .setCount(plan.count());
    List<KeyValue> out = kvs;
    if (r.getLimit() > 0 && kvs.size() > r.getLimit()) {
      out = kvs.subList(0, (int) r.getLimit());
      resp.setMore(true);
    }
    for (KeyValue kv : out) {
      resp.addKvs(r.getKeysOnly() ? kv.toBuilder().clearValue().build() : kv);
    }
    return resp.build();
  }

  private static boolean passes(RangeRequest r, KeyValue kv) {
    if (r.getMaxModRevision() != 0 && kv.getModRevision() > r.getMaxModRevision()) {
      return false;
    }
    if (r.getMinModRevision() != 0 && kv.getModRevision() < r.getMinModRevision()) {
      return false;
    }
    if (r.getMaxCreateRevision() != 0 && kv.getCreateRevision() > r.getMaxCreateRevision()) {
      return false;
    }
    return r.getMinCreateRevision() == 0 || kv.getCreateRevision() >= r.getMinCreateRevision();
  }

  private static void sort(RangeRequest r, List<KeyValue> kvs) {
    RangeRequest.SortOrder order = r.getSortOrder();
    if (r.getSortTarget() != RangeRequest.SortTarget.KEY && order == RangeRequest.SortOrder.NONE) {
      order = RangeRequest.SortOrder.ASCEND;
    }
    if (order != RangeRequest.SortOrder.ASCEND && order != RangeRequest.SortOrder.DESCEND) {
      return; // NONE, or an order etcd 3.4 does not know: it fetches everything and sorts nothing
    }
    Comparator<KeyValue> c =
        switch (r.getSortTarget()) {
          case VERSION -> Comparator.comparingLong(KeyValue::getVersion);
          case CREATE -> Comparator.comparingLong(KeyValue::getCreateRevision);
          case MOD -> Comparator.comparingLong(KeyValue::getModRevision);
          case VALUE -> Comparator.comparing(KeyValue::getValue, Keys.ORDER);
          default -> Comparator.comparing(KeyValue::getKey, Keys.ORDER);
        };
    kvs.sort(order == RangeRequest.SortOrder.DESCEND ? c.reversed() : c);
  }
}
