package io.cairn.kv.store;

import static io.cairn.kv.store.Req.bs;
import static org.assertj.core.api.Assertions.assertThat;

import io.etcd.jetcd.api.RangeRequest;
import io.etcd.jetcd.api.RangeRequest.SortOrder;
import io.etcd.jetcd.api.RangeRequest.SortTarget;
import io.etcd.jetcd.api.RangeResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(BackendKind.class)
class RangeTest extends StoreTestBase {
  RangeTest(BackendKind kind) {
    super(kind);
  }

  /** a=v2 (create 2, mod 6, version 2), b=v3 (3, 3, 1), c=v1 (4, 5, 2), d=v0 (7, 7, 1); revision 7. */
  private void fourKeys() {
    put("a", "x"); // 2
    put("b", "v3"); // 3
    put("c", "y"); // 4
    put("c", "v1"); // 5
    put("a", "v2"); // 6
    put("d", "v0"); // 7
  }

  private RangeResponse sorted(SortOrder order, SortTarget target, long limit) {
    return range(Req.all().toBuilder().setSortOrder(order).setSortTarget(target).setLimit(limit).build());
  }

  @Test
  void limitSetsMoreAndCountIsTheTotal() {
    fourKeys();
    RangeResponse r = range(Req.all().toBuilder().setLimit(2).build());
    assertThat(keys(r)).containsExactly("a", "b");
    assertThat(r.getMore()).isTrue();
    assertThat(r.getCount()).isEqualTo(4);
    assertThat(r.getHeader().getRevision()).isEqualTo(7);
    RangeResponse exact = range(Req.all().toBuilder().setLimit(4).build());
    assertThat(exact.getMore()).isFalse();
    assertThat(exact.getKvsCount()).isEqualTo(4);
  }

  @Test
  void countOnlyAndKeysOnly() {
    fourKeys();
    RangeResponse count = range(Req.all().toBuilder().setCountOnly(true).setLimit(1).build());
    assertThat(count.getCount()).isEqualTo(4);
    assertThat(count.getKvsList()).isEmpty();
    assertThat(count.getMore()).isFalse();
    RangeResponse keysOnly = range(Req.get("a").toBuilder().setKeysOnly(true).build());
    assertThat(keysOnly.getKvs(0).getValue()).isEmpty();
    assertThat(keysOnly.getKvs(0).getVersion()).isEqualTo(2);
  }

  @Test
  void sortsByEachTarget() {
    fourKeys();
    assertThat(keys(sorted(SortOrder.DESCEND, SortTarget.KEY, 0))).containsExactly("d", "c", "b", "a");
    assertThat(keys(sorted(SortOrder.ASCEND, SortTarget.CREATE, 0))).containsExactly("a", "b", "c", "d");
    assertThat(keys(sorted(SortOrder.DESCEND, SortTarget.MOD, 0))).containsExactly("d", "a", "c", "b");
    assertThat(keys(sorted(SortOrder.ASCEND, SortTarget.VALUE, 0))).containsExactly("d", "c", "a", "b");
    // ties keep key order, in both directions
    assertThat(keys(sorted(SortOrder.ASCEND, SortTarget.VERSION, 0))).containsExactly("b", "d", "a", "c");
    assertThat(keys(sorted(SortOrder.DESCEND, SortTarget.VERSION, 0))).containsExactly("a", "c", "b", "d");
  }

  @Test
  void sortThenLimitWhenAnOrderIsGiven() {
    fourKeys();
    RangeResponse r = sorted(SortOrder.DESCEND, SortTarget.MOD, 2);
    assertThat(keys(r)).containsExactly("d", "a");
    assertThat(r.getMore()).isTrue();
    assertThat(r.getCount()).isEqualTo(4);
  }

  @Test
  void noneOrderWithAnotherTargetSortsAscendingButStillPushesTheLimitDown() {
    fourKeys();
    assertThat(keys(sorted(SortOrder.NONE, SortTarget.MOD, 0))).containsExactly("b", "c", "a", "d");
    // etcd 3.4 fetches limit + 1 = 2 keys in key order (a, b), sorts them by mod (b=3, a=6), truncates
    RangeResponse r = sorted(SortOrder.NONE, SortTarget.MOD, 1);
    assertThat(keys(r)).containsExactly("b");
    assertThat(r.getMore()).isTrue();
    // with an explicit order everything is sorted first (d has the smallest value); with NONE only a, b
    RangeResponse asc = sorted(SortOrder.ASCEND, SortTarget.VALUE, 1);
    assertThat(keys(asc)).containsExactly("d");
    assertThat(keys(sorted(SortOrder.NONE, SortTarget.VALUE, 1))).containsExactly("a");
  }

  @Test
  void modAndCreateFiltersApplyAfterFetchAndBeforeLimit() {
    fourKeys();
    RangeResponse mod = range(Req.all().toBuilder().setMinModRevision(5).setMaxModRevision(6).build());
    assertThat(keys(mod)).containsExactly("a", "c");
    assertThat(mod.getCount()).isEqualTo(4); // count ignores the filters, as in etcd
    RangeResponse create = range(Req.all().toBuilder().setMinCreateRevision(3).setLimit(1).build());
    assertThat(keys(create)).containsExactly("b");
    assertThat(create.getMore()).isTrue();
    RangeResponse maxCreate = range(Req.all().toBuilder().setMaxCreateRevision(3).setLimit(2).build());
    assertThat(keys(maxCreate)).containsExactly("a", "b");
    assertThat(maxCreate.getMore()).isFalse();
  }

  @Test
  void prefixAndFromKeyRanges() {
    put("foo", "1");
    put("foo/a", "2");
    put("foo/b", "3");
    put("fop", "4");
    assertThat(keys(range(Req.prefix("foo/")))).containsExactly("foo/a", "foo/b");
    assertThat(keys(range(Req.get("foo/b").toBuilder().setRangeEnd(Req.ZERO).build()))).containsExactly("foo/b", "fop");
    assertThat(keys(range(Req.get("foo")))).containsExactly("foo");
    assertThat(keys(range(Req.get("fo")))).isEmpty();
    assertThat(keys(range(Req.get("fop").toBuilder().setRangeEnd(bs("foo")).build()))).isEmpty();
  }

  @Test
  void readsAtPastRevisionsWithTheCurrentRevisionInTheHeader() {
    put("a", "1"); // 2
    put("a", "2"); // 3
    delete(Req.del("a")); // 4
    put("b", "1"); // 5
    assertThat(range(Req.get("a").toBuilder().setRevision(2).build()).getKvs(0).getValue()).isEqualTo(bs("1"));
    RangeResponse at3 = range(Req.all().toBuilder().setRevision(3).build());
    assertThat(keys(at3)).containsExactly("a");
    assertThat(at3.getKvs(0).getVersion()).isEqualTo(2);
    assertThat(at3.getHeader().getRevision()).isEqualTo(5);
    assertThat(keys(range(Req.all().toBuilder().setRevision(4).build()))).isEmpty();
    assertThat(keys(range(Req.all().toBuilder().setRevision(1).build()))).isEmpty();
    assertThat(rangeError(Req.all().toBuilder().setRevision(6).build())).isEqualTo(EtcdError.FUTURE_REV);
  }

  @Test
  void compactedRevisionsAreRejectedButTheCompactRevisionItselfIsReadable() {
    put("a", "1"); // 2
    put("a", "2"); // 3
    put("a", "3"); // 4
    ok(Req.compact(3));
    assertThat(rangeError(Req.get("a").toBuilder().setRevision(2).build())).isEqualTo(EtcdError.COMPACTED);
    assertThat(range(Req.get("a").toBuilder().setRevision(3).build()).getKvs(0).getValue()).isEqualTo(bs("2"));
    assertThat(kv("a").getValue()).isEqualTo(bs("3"));
  }

  @Test
  void anUnknownSortOrderSortsNothingAsEtcd34Does() {
    put("b", "1");
    put("a", "2");
    RangeRequest odd = Req.all().toBuilder().setSortOrderValue(7).setLimit(1).build();
    RangeResponse r = range(odd);
    assertThat(r.getKvsList()).hasSize(1);
    assertThat(r.getCount()).isEqualTo(2);
    assertThat(r.getMore()).isTrue();
  }
}
