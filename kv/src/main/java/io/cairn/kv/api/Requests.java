package io.cairn.kv.api;

import com.google.protobuf.ByteString;
import io.cairn.kv.store.EtcdError;
import io.cairn.kv.store.EtcdException;
import io.etcd.jetcd.api.Compare;
import io.etcd.jetcd.api.DeleteRangeRequest;
import io.etcd.jetcd.api.PutRequest;
import io.etcd.jetcd.api.RangeRequest;
import io.etcd.jetcd.api.RequestOp;
import io.etcd.jetcd.api.TxnRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Edge validation of KV requests, exactly as etcd 3.4's {@code v3rpc/key.go} does it, so bad requests
 * are refused before they reach Raft.
 */
final class Requests {
  private Requests() {}

  static void checkRange(RangeRequest r) throws EtcdException {
    if (r.getKey().isEmpty()) {
      throw EtcdError.EMPTY_KEY.exception();
    }
  }

  static void checkPut(PutRequest r) throws EtcdException {
    if (r.getKey().isEmpty()) {
      throw EtcdError.EMPTY_KEY.exception();
    }
    if (r.getIgnoreValue() && !r.getValue().isEmpty()) {
      throw EtcdError.VALUE_PROVIDED.exception();
    }
    if (r.getIgnoreLease() && r.getLease() != 0) {
      throw EtcdError.LEASE_PROVIDED.exception();
    }
  }

  static void checkDelete(DeleteRangeRequest r) throws EtcdException {
    if (r.getKey().isEmpty()) {
      throw EtcdError.EMPTY_KEY.exception();
    }
  }

  /** etcd's checkTxnRequest followed by checkIntervals on both branches. */
  static void checkTxn(TxnRequest r, int maxTxnOps) throws EtcdException {
    checkTxnOps(r, maxTxnOps);
    checkIntervals(r.getSuccessList());
    checkIntervals(r.getFailureList());
  }

  private static void checkTxnOps(TxnRequest r, int maxTxnOps) throws EtcdException {
    int opc = Math.max(r.getCompareCount(), Math.max(r.getSuccessCount(), r.getFailureCount()));
    if (opc > maxTxnOps) {
      throw EtcdError.TOO_MANY_OPS.exception();
    }
    for (Compare c : r.getCompareList()) {
      if (c.getKey().isEmpty()) {
        throw EtcdError.EMPTY_KEY.exception();
      }
    }
    for (RequestOp op : r.getSuccessList()) {
      checkOp(op, maxTxnOps - opc);
    }
    for (RequestOp op : r.getFailureList()) {
      checkOp(op, maxTxnOps - opc);
    }
  }

  private static void checkOp(RequestOp op, int maxTxnOps) throws EtcdException {
    switch (op.getRequestCase()) {
      case REQUEST_RANGE -> checkRange(op.getRequestRange());
      case REQUEST_PUT -> checkPut(op.getRequestPut());
      case REQUEST_DELETE_RANGE -> checkDelete(op.getRequestDeleteRange());
      case REQUEST_TXN -> checkTxnOps(op.getRequestTxn(), maxTxnOps);
      case REQUEST_NOT_SET -> throw EtcdError.KEY_NOT_FOUND.exception();
    }
  }

  /** Puts and deletes collected from one list of ops (and its nested txns). */
  private record Writes(Set<ByteString> puts, List<Interval> dels) {}

  /** {@code [start, end)}; {@code end == null} is a single key; an end of {@code "\0"} is unbounded. */
  private record Interval(ByteString start, ByteString end) {
    boolean contains(ByteString key) {
      if (end == null) {
        return start.equals(key);
      }
      boolean unbounded = end.size() == 1 && end.byteAt(0) == 0;
      return ByteString.unsignedLexicographicalComparator().compare(key, start) >= 0
          && (unbounded || ByteString.unsignedLexicographicalComparator().compare(key, end) < 0);
    }
  }

  /** etcd's checkIntervals: a txn may not put one key twice, nor put a key it also deletes. */
  private static Writes checkIntervals(List<RequestOp> ops) throws EtcdException {
    List<Interval> dels = new ArrayList<>();
    for (RequestOp op : ops) {
      if (op.hasRequestDeleteRange()) {
        DeleteRangeRequest d = op.getRequestDeleteRange();
        dels.add(new Interval(d.getKey(), d.getRangeEnd().isEmpty() ? null : d.getRangeEnd()));
      }
    }
    Set<ByteString> puts = new HashSet<>();
    for (RequestOp op : ops) {
      if (!op.hasRequestTxn()) {
        continue;
      }
      Writes then = checkIntervals(op.getRequestTxn().getSuccessList());
      Writes otherwise = checkIntervals(op.getRequestTxn().getFailureList());
      for (ByteString k : then.puts()) {
        if (puts.contains(k) || deleted(dels, k)) {
          throw EtcdError.DUPLICATE_KEY.exception();
        }
        puts.add(k);
      }
      for (ByteString k : otherwise.puts()) {
        if ((puts.contains(k) && !then.puts().contains(k)) || deleted(dels, k)) {
          throw EtcdError.DUPLICATE_KEY.exception();
        }
        puts.add(k);
      }
      dels.addAll(then.dels());
      dels.addAll(otherwise.dels());
    }
    for (RequestOp op : ops) {
      if (op.hasRequestPut()) {
        ByteString k = op.getRequestPut().getKey();
        if (puts.contains(k) || deleted(dels, k)) {
          throw EtcdError.DUPLICATE_KEY.exception();
        }
        puts.add(k);
      }
    }
    return new Writes(puts, dels);
  }

  private static boolean deleted(List<Interval> dels, ByteString key) {
    for (Interval i : dels) {
      if (i.contains(key)) {
        return true;
      }
    }
    return false;
  }

  /** True if the txn only reads (no put, delete or writing nested txn). */
  static boolean isReadOnly(TxnRequest r) {
    return opsReadOnly(r.getSuccessList()) && opsReadOnly(r.getFailureList());
  }

  private static boolean opsReadOnly(List<RequestOp> ops) {
    for (RequestOp op : ops) {
      switch (op.getRequestCase()) {
        case REQUEST_PUT, REQUEST_DELETE_RANGE -> {
          return false;
        }
        case REQUEST_TXN -> {
          if (!isReadOnly(op.getRequestTxn())) {
            return false;
          }
        }
        default -> {}
      }
    }
    return true;
  }
}
