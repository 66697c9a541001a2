package io.cairn.kv.store;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.etcd.jetcd.api.AlarmRequest;
import io.etcd.jetcd.api.CompactionRequest;
import io.etcd.jetcd.api.DeleteRangeRequest;
import io.etcd.jetcd.api.LeaseGrantRequest;
import io.etcd.jetcd.api.LeaseRevokeRequest;
import io.etcd.jetcd.api.LeaseTimeToLiveResponse;
import io.etcd.jetcd.api.Member;
import io.etcd.jetcd.api.MemberRemoveRequest;
import io.etcd.jetcd.api.PutRequest;
import io.etcd.jetcd.api.TxnRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A write replicated through Raft and applied by every member's {@link KvStore} in log order.
 *
 * <p>Wire format (frozen; see {@code KvCommandGoldenTest}): one byte format version ({@value
 * #FORMAT}), one byte type tag, then the body. For every type but {@link LeaseCheckpoint} the body is
 * the etcd request's protobuf encoding. A {@link LeaseCheckpoint} body is a sequence of
 * length-delimited {@code LeaseTimeToLiveResponse} messages using only {@code ID} and {@code TTL}
 * (the remaining TTL in seconds). A {@link Batch} body is a sequence of sub-commands, each a varint
 * length followed by that command's full encoding (format and tag included); batches do not nest. New
 * types get new tags; tags are never reused.
 *
 * <p>Commands carry everything apply needs, so apply is deterministic: a lease grant carries the ID
 * the proposer chose, never 0.
 */
public sealed interface KvCommand
    permits KvCommand.Put,
        KvCommand.DeleteRange,
        KvCommand.Txn,
        KvCommand.Compact,
        KvCommand.LeaseGrant,
        KvCommand.LeaseRevoke,
        KvCommand.LeaseCheckpoint,
        KvCommand.Alarm,
        KvCommand.Batch,
        KvCommand.MemberPendingAdd,
        KvCommand.MemberPendingRemove,
        AuthCommand {
  byte FORMAT = 1;

  /** The tag written after the format byte. */
  byte tag();

  record Put(PutRequest request) implements KvCommand {
    public byte tag() {
      return 1;
    }
  }

  record DeleteRange(DeleteRangeRequest request) implements KvCommand {
    public byte tag() {
      return 2;
    }
  }

  record Txn(TxnRequest request) implements KvCommand {
    public byte tag() {
      return 3;
    }
  }

  record Compact(CompactionRequest request) implements KvCommand {
    public byte tag() {
      return 4;
    }
  }

  /** {@code request.getID()} is never 0: the proposer picks an ID when the client did not. */
  record LeaseGrant(LeaseGrantRequest request) implements KvCommand {
    public byte tag() {
      return 5;
    }
  }

  record LeaseRevoke(LeaseRevokeRequest request) implements KvCommand {
    public byte tag() {
      return 6;
    }
  }

  /** The leader's view of remaining TTLs, so a new leader continues the countdown. */
  record LeaseCheckpoint(List<Remaining> leases) implements KvCommand {
    public LeaseCheckpoint {
      leases = List.copyOf(leases);
    }

    public byte tag() {
      return 7;
    }

    public record Remaining(long id, long remainingTtlSeconds) {}
  }

  /** ACTIVATE or DEACTIVATE an alarm ({@code GET} is a read, never proposed). */
  record Alarm(AlarmRequest request) implements KvCommand {
    public byte tag() {
      return 8;
    }
  }

  /**
   * Several commands proposed as one Raft entry (see {@code io.cairn.kv.api.Proposals}): applied in
   * order, each with its own revision and result, committed to storage together. Holds at least one
   * command and no batch.
   */
  record Batch(List<KvCommand> commands) implements KvCommand {
    public Batch {
      commands = List.copyOf(commands);
      if (commands.isEmpty()) {
        throw new IllegalArgumentException("a batch needs at least one command");
      }
      if (commands.stream().anyMatch(c -> c instanceof Batch)) {
        throw new IllegalArgumentException("batches do not nest");
      }
    }

    public byte tag() {
      return 9;
    }
  }

  /**
   * Records a member added with {@code MemberAdd} (ID, peer URLs, learner flag) until its Raft
   * configuration change completes, so every member lists it as unstarted (etcd's ConfChange); the
   * apply refuses it with {@code PEER_URL_EXIST} or {@code TOO_MANY_LEARNERS} against the other
   * pending adds. See {@code PendingMembers}.
   */
  record MemberPendingAdd(Member member) implements KvCommand {
    public byte tag() {
      return 21;
    }
  }

  /** Forgets a pending member (removed with {@code MemberRemove}, or joined); MEMBER_NOT_FOUND if none. */
  record MemberPendingRemove(long id) implements KvCommand {
    public byte tag() {
      return 22;
    }
  }

  /**
   * The encoding of a {@link Batch} of the given command encodings (each as {@link #encode()}
   * returns it), without decoding them again.
   */
  static byte[] encodeBatch(List<byte[]> encodedCommands) {
    return BatchCodec.join(new byte[] {FORMAT, 9}, encodedCommands);
  }

  default byte[] encode() {
    byte[] header = {FORMAT, tag()};
    return switch (this) {
      case Batch b -> BatchCodec.join(header, b.commands().stream().map(KvCommand::encode).toList());
      case Put p -> BatchCodec.framed(header, p.request());
      case DeleteRange d -> BatchCodec.framed(header, d.request());
      case Txn t -> BatchCodec.framed(header, t.request());
      case Compact c -> BatchCodec.framed(header, c.request());
      case LeaseGrant g -> BatchCodec.framed(header, g.request());
      case LeaseRevoke r -> BatchCodec.framed(header, r.request());
      case Alarm a -> BatchCodec.framed(header, a.request());
      case MemberPendingAdd m -> BatchCodec.framed(header, m.member());
      case MemberPendingRemove m -> BatchCodec.framed(header, MemberRemoveRequest.newBuilder().setID(m.id()).build());
      case AuthCommand a -> concat(header, a.body());
      case LeaseCheckpoint cp -> {
        var out = new java.io.ByteArrayOutputStream();
        out.writeBytes(header);
        try {
          for (LeaseCheckpoint.Remaining r : cp.leases()) {
            LeaseTimeToLiveResponse.newBuilder()
                .setID(r.id())
                .setTTL(r.remainingTtlSeconds())
                .build()
                .writeDelimitedTo(out);
          }
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e); // cannot happen writing to memory
        }
        yield out.toByteArray();
      }
    };
  }

  private static byte[] concat(byte[] header, byte[] body) {
    byte[] out = Arrays.copyOf(header, header.length + body.length);
    System.arraycopy(body, 0, out, header.length, body.length);
    return out;
  }

  /**
   * Decodes {@link #encode()}'s output.
   *
   * @throws IllegalArgumentException if the bytes are not a command of a known format and type
   */
  static KvCommand decode(byte[] bytes) {
    return decode(bytes, 0, bytes.length);
  }

  /** Decodes the command at {@code bytes[offset, offset + length)}; request fields are copied out. */
  static KvCommand decode(byte[] bytes, int offset, int length) {
    if (length < 2) {
      throw new IllegalArgumentException("kv command too short: " + length + " bytes");
    }
    if (bytes[offset] != FORMAT) {
      throw new IllegalArgumentException("unknown kv command format " + bytes[offset] + ", expected " + FORMAT);
    }
    byte tag = bytes[offset + 1];
    int at = offset + 2;
    int size = length - 2;
    try {
      return switch (tag) {
        case 1 -> new Put(PutRequest.parser().parseFrom(bytes, at, size));
        case 2 -> new DeleteRange(DeleteRangeRequest.parser().parseFrom(bytes, at, size));
        case 3 -> new Txn(TxnRequest.parser().parseFrom(bytes, at, size));
        case 4 -> new Compact(CompactionRequest.parser().parseFrom(bytes, at, size));
        case 5 -> new LeaseGrant(LeaseGrantRequest.parser().parseFrom(bytes, at, size));
        case 6 -> new LeaseRevoke(LeaseRevokeRequest.parser().parseFrom(bytes, at, size));
        case 7 -> {
          List<LeaseCheckpoint.Remaining> leases = new ArrayList<>();
          var in = new java.io.ByteArrayInputStream(bytes, at, size);
          while (true) {
            LeaseTimeToLiveResponse r = LeaseTimeToLiveResponse.parseDelimitedFrom(in);
            if (r == null) {
              break;
            }
            leases.add(new LeaseCheckpoint.Remaining(r.getID(), r.getTTL()));
          }
          yield new LeaseCheckpoint(leases);
        }
        case 8 -> new Alarm(AlarmRequest.parser().parseFrom(bytes, at, size));
        case 9 -> new Batch(BatchCodec.decode(bytes, at, size));
        case 21 -> new MemberPendingAdd(Member.parser().parseFrom(bytes, at, size));
        case 22 -> new MemberPendingRemove(MemberRemoveRequest.parser().parseFrom(bytes, at, size).getID());
        default -> {
          AuthCommand auth = AuthCommand.decode(tag, com.google.protobuf.ByteString.copyFrom(bytes, at, size));
          if (auth == null) {
            throw new IllegalArgumentException("unknown kv command type " + tag);
          }
          yield auth;
        }
      };
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException("malformed kv command of type " + tag + ": " + e.getMessage());
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("malformed lease checkpoint: " + e.getMessage());
    }
  }

  /** The request message, for logging and size checks; null for a checkpoint or a batch. */
  default Message request() {
    return switch (this) {
      case Put p -> p.request();
      case DeleteRange d -> d.request();
      case Txn t -> t.request();
      case Compact c -> c.request();
      case LeaseGrant g -> g.request();
      case LeaseRevoke r -> r.request();
      case Alarm a -> a.request();
      case MemberPendingAdd m -> m.member();
      case MemberPendingRemove m -> MemberRemoveRequest.newBuilder().setID(m.id()).build();
      case AuthCommand a -> a.message();
      case LeaseCheckpoint cp -> null;
      case Batch b -> null;
    };
  }
}
