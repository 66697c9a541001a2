package io.cairn.kv.store;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.etcd.jetcd.api.AlarmResponse;
import io.etcd.jetcd.api.CompactionResponse;
import io.etcd.jetcd.api.DeleteRangeResponse;
import io.etcd.jetcd.api.LeaseGrantResponse;
import io.etcd.jetcd.api.LeaseRevokeResponse;
import io.etcd.jetcd.api.PutResponse;
import io.etcd.jetcd.api.TxnResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * What applying one {@link KvCommand} produced: the etcd response (header carries only {@code
 * revision}; the API layer adds cluster, member and term), or an etcd error. Travels from the member
 * that applied it back to the proposer as bytes: tag 0 + response protobuf, or tag 1 + the {@link
 * EtcdError} name in UTF-8; the results of a {@link KvCommand.Batch} as tag 2 + the sub-results in
 * the batch body format (varint length, bytes), one per command.
 */
public sealed interface ApplyResult {
  record Ok(Message response) implements ApplyResult {}

  record Failed(EtcdError error) implements ApplyResult {}

  /** One result per command of a {@link KvCommand.Batch}, in order. */
  record Batch(List<ApplyResult> results) implements ApplyResult {
    public Batch {
      results = List.copyOf(results);
    }
  }

  default byte[] encode() {
    return switch (this) {
      case Ok ok -> BatchCodec.framed(new byte[] {0}, ok.response());
      case Failed f -> {
        byte[] name = f.error().name().getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[1 + name.length];
        out[0] = 1;
        System.arraycopy(name, 0, out, 1, name.length);
        yield out;
      }
      case Batch b -> BatchCodec.join(new byte[] {2}, b.results().stream().map(ApplyResult::encode).toList());
    };
  }

  /**
   * @param command the command whose result this is; it decides the response type
   * @throws IllegalArgumentException on bytes that are not a result of that command
   */
  static ApplyResult decode(KvCommand command, byte[] bytes) {
    return decode(command, bytes, 0, bytes.length);
  }

  private static ApplyResult decode(KvCommand command, byte[] bytes, int offset, int length) {
    if (length < 1) {
      throw new IllegalArgumentException("empty apply result");
    }
    byte tag = bytes[offset];
    int at = offset + 1;
    int size = length - 1;
    if (tag == 1) {
      try {
        return new Failed(EtcdError.valueOf(new String(bytes, at, size, StandardCharsets.UTF_8)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("unknown etcd error in apply result");
      }
    }
    if (tag == 2) {
      if (!(command instanceof KvCommand.Batch batch)) {
        throw new IllegalArgumentException("batch result for a single command");
      }
      List<BatchCodec.Part> parts = BatchCodec.split(bytes, at, size);
      if (parts.size() != batch.commands().size()) {
        throw new IllegalArgumentException(
            "batch result has " + parts.size() + " results for " + batch.commands().size() + " commands");
      }
      List<ApplyResult> results = new java.util.ArrayList<>(parts.size());
      for (int i = 0; i < parts.size(); i++) {
        BatchCodec.Part part = parts.get(i);
        results.add(decode(batch.commands().get(i), bytes, part.offset(), part.length()));
      }
      return new Batch(results);
    }
    if (tag != 0) {
      throw new IllegalArgumentException("unknown apply result tag " + tag);
    }
    try {
      return new Ok(
          switch (command) {
            case KvCommand.Put p -> PutResponse.parser().parseFrom(bytes, at, size);
            case KvCommand.DeleteRange d -> DeleteRangeResponse.parser().parseFrom(bytes, at, size);
            case KvCommand.Txn t -> TxnResponse.parser().parseFrom(bytes, at, size);
            case KvCommand.Compact c -> CompactionResponse.parser().parseFrom(bytes, at, size);
            case KvCommand.LeaseGrant g -> LeaseGrantResponse.parser().parseFrom(bytes, at, size);
            case KvCommand.LeaseRevoke r -> LeaseRevokeResponse.parser().parseFrom(bytes, at, size);
            case KvCommand.Alarm a -> AlarmResponse.parser().parseFrom(bytes, at, size);
            case KvCommand.LeaseCheckpoint cp -> com.google.protobuf.Empty.parser().parseFrom(bytes, at, size);
            case KvCommand.MemberPendingAdd m -> com.google.protobuf.Empty.parser().parseFrom(bytes, at, size);
            case KvCommand.MemberPendingRemove m -> com.google.protobuf.Empty.parser().parseFrom(bytes, at, size);
            case AuthCommand a -> a.parseResponse(Arrays.copyOfRange(bytes, at, at + size));
            case KvCommand.Batch b -> throw new IllegalArgumentException("single result for a batch");
          });
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException("malformed apply result: " + e.getMessage());
    }
  }
}
