package io.cairn.kv.store;

import com.google.protobuf.ByteString;
import io.etcd.jetcd.api.AlarmRequest;
import io.etcd.jetcd.api.CompactionRequest;
import io.etcd.jetcd.api.Compare;
import io.etcd.jetcd.api.DeleteRangeRequest;
import io.etcd.jetcd.api.LeaseGrantRequest;
import io.etcd.jetcd.api.LeaseRevokeRequest;
import io.etcd.jetcd.api.PutRequest;
import io.etcd.jetcd.api.RangeRequest;
import io.etcd.jetcd.api.RequestOp;
import io.etcd.jetcd.api.TxnRequest;
import java.util.List;

/** Request and command builders for tests. */
final class Req {
  static final ByteString ZERO = ByteString.copyFrom(new byte[] {0});

  private Req() {}

  static ByteString bs(String s) {
    return ByteString.copyFromUtf8(s);
  }

  /** etcd's prefix end: the key with its last byte incremented (clientv3.GetPrefixRangeEnd). */
  static ByteString prefixEnd(String prefix) {
    byte[] b = prefix.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    for (int i = b.length - 1; i >= 0; i--) {
      if (b[i] != (byte) 0xff) {
        b[i]++;
        return ByteString.copyFrom(b, 0, i + 1);
      }
    }
    return ZERO;
  }

  static PutRequest put(String k, String v) {
    return PutRequest.newBuilder().setKey(bs(k)).setValue(bs(v)).build();
  }

  static PutRequest put(String k, String v, long lease) {
    return put(k, v).toBuilder().setLease(lease).build();
  }

  static KvCommand.Put putCmd(String k, String v) {
    return new KvCommand.Put(put(k, v));
  }

  static DeleteRangeRequest del(String k) {
    return DeleteRangeRequest.newBuilder().setKey(bs(k)).build();
  }

  static DeleteRangeRequest del(String k, ByteString end) {
    return DeleteRangeRequest.newBuilder().setKey(bs(k)).setRangeEnd(end).build();
  }

  static RangeRequest get(String k) {
    return RangeRequest.newBuilder().setKey(bs(k)).build();
  }

  static RangeRequest prefix(String p) {
    return RangeRequest.newBuilder().setKey(bs(p)).setRangeEnd(prefixEnd(p)).build();
  }

  static RangeRequest all() {
    return RangeRequest.newBuilder().setKey(ZERO).setRangeEnd(ZERO).build();
  }

  static RequestOp op(PutRequest p) {
    return RequestOp.newBuilder().setRequestPut(p).build();
  }

  static RequestOp op(DeleteRangeRequest d) {
    return RequestOp.newBuilder().setRequestDeleteRange(d).build();
  }

  static RequestOp op(RangeRequest r) {
    return RequestOp.newBuilder().setRequestRange(r).build();
  }

  static RequestOp op(TxnRequest t) {
    return RequestOp.newBuilder().setRequestTxn(t).build();
  }

  static TxnRequest txn(List<Compare> compares, List<RequestOp> success, List<RequestOp> failure) {
    return TxnRequest.newBuilder().addAllCompare(compares).addAllSuccess(success).addAllFailure(failure).build();
  }

  static Compare cmpValue(String k, Compare.CompareResult r, String v) {
    return Compare.newBuilder().setKey(bs(k)).setTarget(Compare.CompareTarget.VALUE).setResult(r).setValue(bs(v)).build();
  }

  static Compare cmpVersion(String k, Compare.CompareResult r, long v) {
    return Compare.newBuilder().setKey(bs(k)).setTarget(Compare.CompareTarget.VERSION).setResult(r).setVersion(v).build();
  }

  static Compare cmpCreate(String k, Compare.CompareResult r, long v) {
    return Compare.newBuilder()
        .setKey(bs(k))
        .setTarget(Compare.CompareTarget.CREATE)
        .setResult(r)
        .setCreateRevision(v)
        .build();
  }

  static Compare cmpMod(String k, Compare.CompareResult r, long v) {
    return Compare.newBuilder().setKey(bs(k)).setTarget(Compare.CompareTarget.MOD).setResult(r).setModRevision(v).build();
  }

  static KvCommand.Compact compact(long rev) {
    return new KvCommand.Compact(CompactionRequest.newBuilder().setRevision(rev).build());
  }

  static KvCommand.LeaseGrant grant(long id, long ttl) {
    return new KvCommand.LeaseGrant(LeaseGrantRequest.newBuilder().setID(id).setTTL(ttl).build());
  }

  static KvCommand.LeaseRevoke revoke(long id) {
    return new KvCommand.LeaseRevoke(LeaseRevokeRequest.newBuilder().setID(id).build());
  }

  static KvCommand.Alarm alarm(AlarmRequest.AlarmAction action, long member, int type) {
    return new KvCommand.Alarm(
        AlarmRequest.newBuilder().setAction(action).setMemberID(member).setAlarmValue(type).build());
  }
}
