package io.cairn.gateway.provider.kv;

import com.google.protobuf.ByteString;
import io.etcd.jetcd.api.AuthGrpc;
import io.etcd.jetcd.api.AuthenticateRequest;
import io.etcd.jetcd.api.KVGrpc;
import io.etcd.jetcd.api.KeyValue;
import io.etcd.jetcd.api.RangeRequest;
import io.etcd.jetcd.api.RangeResponse;
import io.etcd.jetcd.api.WatchCreateRequest;
import io.etcd.jetcd.api.WatchGrpc;
import io.etcd.jetcd.api.WatchRequest;
import io.etcd.jetcd.api.WatchResponse;
import io.etcd.jetcd.api.Compare;
import io.etcd.jetcd.api.LeaseGrantRequest;
import io.etcd.jetcd.api.LeaseGrpc;
import io.etcd.jetcd.api.LeaseKeepAliveRequest;
import io.etcd.jetcd.api.LeaseKeepAliveResponse;
import io.etcd.jetcd.api.LeaseRevokeRequest;
import io.etcd.jetcd.api.PutRequest;
import io.etcd.jetcd.api.RequestOp;
import io.etcd.jetcd.api.TxnRequest;
import java.util.Optional;
import io.grpc.ClientInterceptor;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One connection to one etcd v3 endpoint (cairn kv or etcd), over the {@code jetcd-grpc} stubs
 * and grpc-netty, as monitor's kv discovery talks to kv: a prefix Range, and a Watch stream whose
 * responses are queued for one reader. With a user name, {@code Authenticate} runs once per
 * connection and its token goes in the {@code token} header of every call, as etcd clients do.
 * Calls may block for at most the given timeout; a failed call throws {@link
 * io.grpc.StatusRuntimeException}. Not shared between threads except {@link #close()}.
 */
final class EtcdClient implements AutoCloseable {
  private static final Metadata.Key<String> TOKEN = Metadata.Key.of("token", Metadata.ASCII_STRING_MARSHALLER);
  /** Largest response accepted: a configuration is small, but a Range returns every key at once. */
  static final int MAX_MESSAGE_BYTES = 64 << 20;

  /** The keys under a prefix at one revision. */
  record Snapshot(long revision, Map<String, String> pairs) {}

  /** What the watch stream delivered: a response, or the end of the stream (error null when completed). */
  sealed interface WatchItem {}

  record Response(WatchResponse response) implements WatchItem {}

  record Ended(Throwable error) implements WatchItem {}

  private final ManagedChannel channel;
  private final ClientInterceptor auth;

  /**
   * Connects (lazily, on the first call) to {@code endpoint} ({@code host:port}, {@code
   * http://host:port} or {@code https://host:port}).
   *
   * @param security authentication and TLS
   * @param timeout bound of the Authenticate call
   */
  EtcdClient(String endpoint, EtcdSecurity security, Duration timeout) {
    this.channel = security.channel(builder(endpoint)).maxInboundMessageSize(MAX_MESSAGE_BYTES).build();
    try {
      this.auth = security.username().isEmpty() ? null : authenticate(security, timeout);
    } catch (RuntimeException e) {
      channel.shutdownNow();
      throw e;
    }
  }

  private ClientInterceptor authenticate(EtcdSecurity security, Duration timeout) {
    String token = AuthGrpc.newBlockingStub(channel).withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .authenticate(AuthenticateRequest.newBuilder().setName(security.username()).setPassword(security.password()).build())
        .getToken();
    Metadata headers = new Metadata();
    headers.put(TOKEN, token);
    return MetadataUtils.newAttachHeadersInterceptor(headers);
  }

  static NettyChannelBuilder builder(String endpoint) {
    String hostPort = endpoint.replaceFirst("^(?i)https?://", "");
    if (hostPort.endsWith("/")) {
      hostPort = hostPort.substring(0, hostPort.length() - 1);
    }
    int colon = hostPort.lastIndexOf(':');
    if (colon <= 0 || colon == hostPort.length() - 1 || hostPort.endsWith("]")) {
      throw new IllegalArgumentException("an etcd endpoint is host:port (such as 127.0.0.1:2379), got \"" + endpoint + "\"");
    }
    String host = hostPort.substring(0, colon).replace("[", "").replace("]", "");
    int port;
    try {
      port = Integer.parseInt(hostPort.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("an etcd endpoint's port is a number, got \"" + endpoint + "\"");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("an etcd endpoint's port is between 1 and 65535, got \"" + endpoint + "\"");
    }
    return NettyChannelBuilder.forAddress(host, port);
  }

  /** Every key under {@code prefix} with its value, and the store's revision they were read at. */
  Snapshot range(String prefix, Duration timeout) {
    ByteString p = ByteString.copyFromUtf8(prefix);
    RangeResponse resp = kv(timeout)
        .range(RangeRequest.newBuilder().setKey(p).setRangeEnd(prefixEnd(p)).build());
    Map<String, String> pairs = new LinkedHashMap<>();
    for (KeyValue kv : resp.getKvsList()) {
      pairs.put(kv.getKey().toStringUtf8(), kv.getValue().toStringUtf8());
    }
    return new Snapshot(resp.getHeader().getRevision(), pairs);
  }

  /**
   * Opens a watch of {@code prefix} from {@code startRevision}; responses and the stream's end are
   * put on the returned queue. The stream ends when the connection fails or this client closes.
   */
  BlockingQueue<WatchItem> watch(String prefix, long startRevision) {
    BlockingQueue<WatchItem> queue = new LinkedBlockingQueue<>();
    WatchGrpc.WatchStub stub = authed(WatchGrpc.newStub(channel));
    StreamObserver<WatchRequest> requests = stub.watch(new StreamObserver<>() {
      @Override
      public void onNext(WatchResponse value) {
        queue.add(new Response(value));
      }

      @Override
      public void onError(Throwable t) {
        queue.add(new Ended(t));
      }

      @Override
      public void onCompleted() {
        queue.add(new Ended(null));
      }
    });
    ByteString p = ByteString.copyFromUtf8(prefix);
    requests.onNext(WatchRequest.newBuilder().setCreateRequest(WatchCreateRequest.newBuilder()
        .setKey(p).setRangeEnd(prefixEnd(p)).setStartRevision(startRevision)).build());
    return queue;
  }

  /** A key's value and the revision it was last modified at. */
  record Stored(String value, long modRevision) {}

  /** The value of {@code key}, or empty when it does not exist. */
  Optional<Stored> get(String key, Duration timeout) {
    RangeResponse resp = kv(timeout).range(RangeRequest.newBuilder().setKey(ByteString.copyFromUtf8(key)).build());
    return resp.getKvsList().stream().findFirst()
        .map(kv -> new Stored(kv.getValue().toStringUtf8(), kv.getModRevision()));
  }

  /**
   * Puts {@code value} at {@code key} only when the key was last modified at {@code modRevision}
   * (0: only when it does not exist), attached to {@code lease} when not 0.
   *
   * @return whether the put happened
   */
  boolean putIf(String key, String value, long modRevision, long lease, Duration timeout) {
    ByteString k = ByteString.copyFromUtf8(key);
    Compare cmp = modRevision == 0
        ? Compare.newBuilder().setKey(k).setTarget(Compare.CompareTarget.CREATE)
            .setResult(Compare.CompareResult.EQUAL).setCreateRevision(0).build()
        : Compare.newBuilder().setKey(k).setTarget(Compare.CompareTarget.MOD)
            .setResult(Compare.CompareResult.EQUAL).setModRevision(modRevision).build();
    PutRequest put = PutRequest.newBuilder().setKey(k).setValue(ByteString.copyFromUtf8(value)).setLease(lease).build();
    return kv(timeout).txn(TxnRequest.newBuilder().addCompare(cmp)
        .addSuccess(RequestOp.newBuilder().setRequestPut(put)).build()).getSucceeded();
  }

  /** How many keys start with {@code prefix}. */
  long count(String prefix, Duration timeout) {
    ByteString p = ByteString.copyFromUtf8(prefix);
    return kv(timeout).range(RangeRequest.newBuilder().setKey(p).setRangeEnd(prefixEnd(p)).setCountOnly(true).build())
        .getCount();
  }

  /** Grants a lease of {@code ttlSeconds}; returns its ID. */
  long grantLease(long ttlSeconds, Duration timeout) {
    return authed(LeaseGrpc.newBlockingStub(channel)).withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .leaseGrant(LeaseGrantRequest.newBuilder().setTTL(ttlSeconds).build()).getID();
  }

  /**
   * Opens a keep-alive stream for {@code lease}; each call of the returned runnable refreshes it
   * once. Closing the client ends the stream.
   */
  Runnable keepAlive(long lease) {
    LeaseGrpc.LeaseStub stub = authed(LeaseGrpc.newStub(channel));
    StreamObserver<LeaseKeepAliveRequest> requests = stub.leaseKeepAlive(new StreamObserver<>() {
      @Override
      public void onNext(LeaseKeepAliveResponse value) {}

      @Override
      public void onError(Throwable t) {}

      @Override
      public void onCompleted() {}
    });
    LeaseKeepAliveRequest request = LeaseKeepAliveRequest.newBuilder().setID(lease).build();
    return () -> {
      synchronized (requests) {
        requests.onNext(request);
      }
    };
  }

  /** Revokes {@code lease}, deleting the keys attached to it. */
  void revokeLease(long lease, Duration timeout) {
    authed(LeaseGrpc.newBlockingStub(channel)).withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .leaseRevoke(LeaseRevokeRequest.newBuilder().setID(lease).build());
  }

  private KVGrpc.KVBlockingStub kv(Duration timeout) {
    return authed(KVGrpc.newBlockingStub(channel)).withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** {@code stub} sending the auth token, when there is one. */
  private <S extends io.grpc.stub.AbstractStub<S>> S authed(S stub) {
    return auth == null ? stub : stub.withInterceptors(auth);
  }

  /** The end of the range of keys that start with {@code prefix} (etcd's {@code --prefix}). */
  static ByteString prefixEnd(ByteString prefix) {
    byte[] b = prefix.toByteArray();
    for (int i = b.length - 1; i >= 0; i--) {
      if (b[i] != (byte) 0xff) {
        b[i]++;
        return ByteString.copyFrom(b, 0, i + 1);
      }
    }
    return ByteString.copyFrom(new byte[] {0});
  }

  @Override
  public void close() {
    channel.shutdownNow();
  }
}
