package io.cairn.monitor.server;

import com.google.protobuf.ByteString;
import io.cairn.monitor.config.KvSdConfig;
import io.cairn.monitor.discovery.Discoverer;
import io.cairn.monitor.discovery.TargetGroup;
import io.cairn.monitor.discovery.TargetGroupDecoder;
import io.etcd.jetcd.api.KVGrpc;
import io.etcd.jetcd.api.KeyValue;
import io.etcd.jetcd.api.RangeRequest;
import io.etcd.jetcd.api.RangeResponse;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code kv_sd_configs}: target groups kept in cairn kv (or any etcd v3 server) under a prefix.
 * Every {@value #REFRESH_SECONDS} s it reads the prefix (a linearizable Range)
 * from the first endpoint that answers; each key holds one group or a list of groups in the file_sd
 * JSON format, with the key as the source. A key written with a lease disappears when the lease
 * ends, and its targets with it (within one refresh). A value that does not decode is skipped and
 * logged; an unreachable kv keeps the last groups. Adds {@code __meta_kv_key}. TLS and auth of
 * the config are accepted but not used yet (plaintext only).
 */
final class KvDiscoverer implements Discoverer {
  private static final Logger log = LoggerFactory.getLogger(KvDiscoverer.class);
  static final int REFRESH_SECONDS = 5;
  private static final int MAX_KEYS = 10_000;

  private final KvSdConfig config;
  private final CountDownLatch stop = new CountDownLatch(1);
  private final List<ManagedChannel> channels = new ArrayList<>();
  private Thread thread;

  KvDiscoverer(KvSdConfig config) {
    this.config = config;
  }

  @Override
  public synchronized void start(Consumer<List<TargetGroup>> publish) {
    for (String e : config.endpoints()) {
      String hostPort = e.replaceFirst("^https?://", "");
      int colon = hostPort.lastIndexOf(':');
      String host = colon < 0 ? hostPort : hostPort.substring(0, colon).replace("[", "").replace("]", "");
      int port = colon < 0 ? 2379 : Integer.parseInt(hostPort.substring(colon + 1));
      channels.add(NettyChannelBuilder.forAddress(host, port).usePlaintext().maxInboundMessageSize(64 << 20).build());
    }
    thread = Thread.ofVirtual().name("kv-sd " + config.prefix()).start(() -> {
      do {
        List<TargetGroup> groups = read();
        if (groups != null) {
          publish.accept(groups);
        }
      } while (!await());
    });
  }

  private boolean await() {
    try {
      return stop.await(REFRESH_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      return true;
    }
  }

  /** The groups under the prefix, or null if no endpoint answered. */
  private List<TargetGroup> read() {
    ByteString prefix = ByteString.copyFromUtf8(config.prefix());
    RangeRequest req = RangeRequest.newBuilder().setKey(prefix).setRangeEnd(prefixEnd(prefix)).setLimit(MAX_KEYS).build();
    for (ManagedChannel ch : channels) {
      try {
        RangeResponse resp = KVGrpc.newBlockingStub(ch).withDeadlineAfter(REFRESH_SECONDS, TimeUnit.SECONDS).range(req);
        List<TargetGroup> out = new ArrayList<>();
        for (KeyValue kv : resp.getKvsList()) {
          String key = kv.getKey().toStringUtf8();
          byte[] value = kv.getValue().toByteArray();
          String text = new String(value, StandardCharsets.UTF_8).strip();
          byte[] list = text.startsWith("{") ? ("[" + text + "]").getBytes(StandardCharsets.UTF_8) : value;
          try {
            for (TargetGroup g : TargetGroupDecoder.decode(list, TargetGroupDecoder.Format.JSON, key)) {
              Map<String, String> labels = new java.util.HashMap<>(g.labels());
              labels.put("__meta_kv_key", key);
              out.add(new TargetGroup(g.source(), g.targets(), labels));
            }
          } catch (IllegalArgumentException e) {
            log.warn("kv_sd: skipping key {}: {}", key, e.getMessage());
          }
        }
        return out;
      } catch (StatusRuntimeException e) {
        log.debug("kv_sd: endpoint failed: {}", e.getStatus());
      }
    }
    log.warn("kv_sd: no endpoint of {} answered; keeping the last targets", config.endpoints());
    return null;
  }

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
  public synchronized void close() {
    stop.countDown();
    if (thread != null) {
      thread.interrupt();
    }
    channels.forEach(ManagedChannel::shutdownNow);
  }
}
