package io.cairn.kv.store;

import io.etcd.jetcd.api.DeleteRangeRequest;
import io.etcd.jetcd.api.DeleteRangeResponse;
import io.etcd.jetcd.api.KeyValue;
import io.etcd.jetcd.api.PutRequest;
import io.etcd.jetcd.api.PutResponse;
import io.etcd.jetcd.api.ResponseHeader;

/** etcd's {@code applierV3backend.Put} and {@code DeleteRange} on a {@link WriteTxn}. */
final class KvOps {
  private KvOps() {}

  /**
   * @param inTxn inside a Txn the checks already ran against the state before it; if a previous op
   *     of the same txn deleted the key (etcd panics; the API layer rejects such txns), ignore_value
   *     and ignore_lease fall back to an empty value and no lease instead of failing half-applied
   * @throws EtcdException KEY_NOT_FOUND for ignore_value/ignore_lease on a missing key (not in a txn)
   */
  static PutResponse put(WriteTxn tx, PutRequest p, boolean inTxn) throws EtcdException {
    PutResponse.Builder resp = PutResponse.newBuilder();
    var value = p.getValue();
    long lease = p.getLease();
    KeyValue prev = null;
    if (p.getIgnoreValue() || p.getIgnoreLease() || p.getPrevKv()) {
      prev = tx.get(p.getKey());
    }
    if ((p.getIgnoreValue() || p.getIgnoreLease()) && prev == null && !inTxn) {
      throw EtcdError.KEY_NOT_FOUND.exception();
    }
    KeyValue base = prev == null ? KeyValue.getDefaultInstance() : prev;
    if (p.getIgnoreValue()) {
      value = base.getValue();
    }
    if (p.getIgnoreLease()) {
      lease = base.getLease();
    }
    if (p.getPrevKv() && prev != null) {
      resp.setPrevKv(prev);
    }
    long rev = tx.put(p.getKey(), value, lease);
    return resp.setHeader(header(rev)).build();
  }

  static DeleteRangeResponse deleteRange(WriteTxn tx, DeleteRangeRequest d) {
    KeyRange range = KeyRange.of(d.getKey(), d.getRangeEnd());
    DeleteRangeResponse.Builder resp = DeleteRangeResponse.newBuilder();
    if (d.getPrevKv()) {
      resp.addAllPrevKvs(tx.values(range));
    }
    long deleted = tx.deleteRange(range);
    return resp.setDeleted(deleted).setHeader(header(tx.rev())).build();
  }

  static ResponseHeader header(long revision) {
    return ResponseHeader.newBuilder().setRevision(revision).build();
  }
}
