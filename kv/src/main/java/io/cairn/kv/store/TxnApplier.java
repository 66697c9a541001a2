package io.cairn.kv.store;

import io.etcd.jetcd.api.Compare;
import io.etcd.jetcd.api.PutRequest;
import io.etcd.jetcd.api.RangeRequest;
import io.etcd.jetcd.api.RequestOp;
import io.etcd.jetcd.api.ResponseHeader;
import io.etcd.jetcd.api.ResponseOp;
import io.etcd.jetcd.api.TxnRequest;
import io.etcd.jetcd.api.TxnResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * etcd 3.4's {@code applierV3backend.Txn}: first every compare on the taken path, nested txns
 * included, is evaluated against the state before the txn ({@code compareToPath}); then the ops on
 * that path are checked ({@code checkRequestPut} for writing txns: ignore_value/ignore_lease need the
 * key, a lease must exist; then {@code checkRequestRange}: revision neither future nor compacted), so
 * a failing txn changes nothing; then the ops run in order on one {@link WriteTxn}.
 */
final class TxnApplier {
  private final StoreState s;

  TxnApplier(StoreState s) {
    this.s = s;
  }

  /** Branch choices in depth-first order of the ops taken, as etcd's {@code txnPath}. */
  private static final class TxnPath {
    final List<Boolean> taken = new ArrayList<>();
    int next;

    boolean take() {
      return taken.get(next++);
    }
  }

  @FunctionalInterface
  private interface Check {
    void check(RequestOp op) throws EtcdException;
  }

  TxnResponse apply(WriteTxn tx, TxnRequest rt) throws EtcdException {
    TxnPath path = new TxnPath();
    compareToPath(tx, rt, path);
    if (hasWrites(rt)) {
      path.next = 0;
      check(rt, path, this::checkPut);
    }
    path.next = 0;
    check(rt, path, this::checkRange);
    path.next = 0;
    TxnResponse.Builder resp = applyOps(tx, rt, path);
    return resp.setHeader(KvOps.header(tx.rev())).build();
  }

  private void compareToPath(WriteTxn tx, TxnRequest rt, TxnPath path) {
    boolean ok = true;
    for (Compare c : rt.getCompareList()) {
      if (!Compares.holds(c, tx.values(KeyRange.of(c.getKey(), c.getRangeEnd())))) {
        ok = false;
        break;
      }
    }
    path.taken.add(ok);
    for (RequestOp op : ok ? rt.getSuccessList() : rt.getFailureList()) {
      if (op.getRequestCase() == RequestOp.RequestCase.REQUEST_TXN) {
        compareToPath(tx, op.getRequestTxn(), path);
      }
    }
  }

  private static void check(TxnRequest rt, TxnPath path, Check f) throws EtcdException {
    for (RequestOp op : path.take() ? rt.getSuccessList() : rt.getFailureList()) {
      if (op.getRequestCase() == RequestOp.RequestCase.REQUEST_TXN) {
        check(op.getRequestTxn(), path, f);
      } else {
        f.check(op);
      }
    }
  }

  private void checkPut(RequestOp op) throws EtcdException {
    if (op.getRequestCase() != RequestOp.RequestCase.REQUEST_PUT) {
      return;
    }
    PutRequest p = op.getRequestPut();
    if ((p.getIgnoreValue() || p.getIgnoreLease()) && s.index.get(p.getKey(), s.revision) == null) {
      throw EtcdError.KEY_NOT_FOUND.exception();
    }
    if (p.getLease() != 0 && !s.leases.exists(p.getLease())) {
      throw EtcdError.LEASE_NOT_FOUND.exception();
    }
  }

  private void checkRange(RequestOp op) throws EtcdException {
    if (op.getRequestCase() != RequestOp.RequestCase.REQUEST_RANGE) {
      return;
    }
    RangeRequest r = op.getRequestRange();
    if (r.getRevision() == 0) {
      return;
    }
    if (r.getRevision() > s.revision) {
      throw EtcdError.FUTURE_REV.exception();
    }
    if (r.getRevision() < s.compactRevision) {
      throw EtcdError.COMPACTED.exception();
    }
  }

  private TxnResponse.Builder applyOps(WriteTxn tx, TxnRequest rt, TxnPath path) throws EtcdException {
    boolean ok = path.take();
    TxnResponse.Builder resp = TxnResponse.newBuilder().setSucceeded(ok);
    for (RequestOp op : ok ? rt.getSuccessList() : rt.getFailureList()) {
      ResponseOp.Builder r = ResponseOp.newBuilder();
      switch (op.getRequestCase()) {
        case REQUEST_RANGE -> r.setResponseRange(tx.range(op.getRequestRange()));
        case REQUEST_PUT -> r.setResponsePut(KvOps.put(tx, op.getRequestPut(), true));
        case REQUEST_DELETE_RANGE -> r.setResponseDeleteRange(KvOps.deleteRange(tx, op.getRequestDeleteRange()));
        case REQUEST_TXN ->
            r.setResponseTxn(applyOps(tx, op.getRequestTxn(), path).setHeader(ResponseHeader.getDefaultInstance()));
        case REQUEST_NOT_SET -> {}
      }
      resp.addResponses(r);
    }
    return resp;
  }

  /** etcd's {@code !isTxnReadonly}: a put or delete anywhere, in either branch, at any depth. */
  static boolean hasWrites(TxnRequest rt) {
    return anyOp(rt, false);
  }

  /** Whether a put appears anywhere (the NOSPACE check; etcd only looks at the top level). */
  static boolean hasPuts(TxnRequest rt) {
    return anyOp(rt, true);
  }

  private static boolean anyOp(TxnRequest rt, boolean putsOnly) {
    for (List<RequestOp> ops : List.of(rt.getSuccessList(), rt.getFailureList())) {
      for (RequestOp op : ops) {
        switch (op.getRequestCase()) {
          case REQUEST_PUT -> {
            return true;
          }
          case REQUEST_DELETE_RANGE -> {
            if (!putsOnly) {
              return true;
            }
          }
          case REQUEST_TXN -> {
            if (anyOp(op.getRequestTxn(), putsOnly)) {
              return true;
            }
          }
          default -> {}
        }
      }
    }
    return false;
  }
}
