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
import java.nio.ByteBuffer;
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
      case Ok ok -> {
        byte[] body = ok.response().toByteArray();
        yield ByteBuffer.allocate(1 + body.length).put((byte) 0).put(body).array();
      }
      case Failed f -> {
        byte[] name = f.error().name().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        yield ByteBuffer.allocate(1 + name.length).put((byte) 1).put(name).array();
      }
      case Batch b -> {
        byte[] body = BatchCodec.join(b.results().stream().map(ApplyResult::encode).toList());
        yield ByteBuffer.allocate(1 + body.length).put((byte) 2).put(body).array();
      }
    };
  }

  /**
   * @param command the command whose result this is; it decides the response type
   * @throws IllegalArgumentException on bytes that are not a result of that command
   */
  static ApplyResult decode(KvCommand command, byte[] bytes) {
    if (bytes.length < 1) {
      throw new IllegalArgumentException("empty apply result");
    }
    byte[] body = Arrays.copyOfRange(bytes, 1, bytes.length);
    if (bytes[0] == 1) {
      try {
        return new Failed(EtcdError.valueOf(new String(body, java.nio.charset.StandardCharsets.UTF_8)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("unknown etcd error in apply result");
      }
    }
    if (bytes[0] == 2) {
      if (!(command instanceof KvCommand.Batch batch)) {
        throw new IllegalArgumentException("batch result for a single command");
      }
      List<byte[]> parts = BatchCodec.split(body);
      if (parts.size() != batch.commands().size()) {
        throw new IllegalArgumentException(
            "batch result has " + parts.size() + " results for " + batch.commands().size() + " commands");
      }
      List<ApplyResult> results = new java.util.ArrayList<>(parts.size());
      for (int i = 0; i < parts.size(); i++) {
        results.add(decode(batch.commands().get(i), parts.get(i)));
      }
      return new Batch(results);
    }
    if (bytes[0] != 0) {
      throw new IllegalArgumentException("unknown apply result tag " + bytes[0]);
    }
    try {
      return new Ok(
          switch (command) {
            case KvCommand.Put p -> PutResponse.parseFrom(body);
            case KvCommand.DeleteRange d -> DeleteRangeResponse.parseFrom(body);
            case KvCommand.Txn t -> TxnResponse.parseFrom(body);
            case KvCommand.Compact c -> CompactionResponse.parseFrom(body);
            case KvCommand.LeaseGrant g -> LeaseGrantResponse.parseFrom(body);
            case KvCommand.LeaseRevoke r -> LeaseRevokeResponse.parseFrom(body);
            case KvCommand.Alarm a -> AlarmResponse.parseFrom(body);
            case KvCommand.LeaseCheckpoint cp -> com.google.protobuf.Empty.parseFrom(body);
            case AuthCommand a -> a.parseResponse(body);
            case KvCommand.Batch b -> throw new IllegalArgumentException("single result for a batch");
          });
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException("malformed apply result: " + e.getMessage());
    }
  }
}
