package io.cairn.kv.store;

import io.etcd.jetcd.api.AlarmMember;
import io.etcd.jetcd.api.Event;
import io.etcd.jetcd.api.RangeResponse;
import java.util.ArrayList;
import java.util.List;

/** Everything a client can observe of a store, to compare two stores (or one before and after reopen). */
record Observed(
    long revision,
    long compactRevision,
    long appliedIndex,
    List<RangeResponse> rangesByRevision,
    List<Event> history,
    List<KvStore.LeaseInfo> leases,
    List<AlarmMember> alarms,
    KvStore.HashResult hash,
    long sizeInUse) {

  static Observed of(KvStore s) {
    try {
      List<RangeResponse> ranges = new ArrayList<>();
      for (long rev = Math.max(1, s.compactRevision()); rev <= s.revision(); rev++) {
        ranges.add(s.range(Req.all().toBuilder().setRevision(rev).build()));
      }
      return new Observed(
          s.revision(),
          s.compactRevision(),
          s.appliedIndex(),
          ranges,
          s.events(0, Req.ZERO, Req.ZERO, true, Integer.MAX_VALUE),
          s.leases(),
          s.alarms(),
          s.hashKv(0),
          s.sizeInUseBytes());
    } catch (EtcdException e) {
      throw new AssertionError(e.error());
    }
  }
}
