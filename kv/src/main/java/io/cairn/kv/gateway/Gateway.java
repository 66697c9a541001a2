package io.cairn.kv.gateway;

import io.cairn.kv.api.AuthService;
import io.cairn.kv.api.ClusterService;
import io.cairn.kv.api.ElectionService;
import io.cairn.kv.api.KvService;
import io.cairn.kv.api.LeaseService;
import io.cairn.kv.api.LockService;
import io.cairn.kv.api.MaintenanceService;
import io.cairn.kv.api.WatchService;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.function.BooleanSupplier;

/**
 * What the gateway serves with: the same service objects the gRPC server uses, the health check and
 * the metrics registry. {@link #install} puts the HTTP/1.1 handlers on a connection.
 *
 * @param healthy etcd's /health: a leader and no alarms
 */
public record Gateway(
    KvService kv,
    WatchService watch,
    LeaseService lease,
    ClusterService cluster,
    MaintenanceService maintenance,
    AuthService auth,
    LockService lock,
    ElectionService election,
    BooleanSupplier healthy,
    PrometheusRegistry registry,
    long maxBodyBytes) {

  /** Idle HTTP/1.1 connections are closed after this many seconds. */
  static final int IDLE_SECONDS = 300;

  /** Adds the HTTP/1.1 gateway after {@code ctx}'s handler. */
  public void install(ChannelHandlerContext ctx) {
    String after = ctx.name();
    var p = ctx.pipeline();
    p.addAfter(after, "gateway-idle", new IdleStateHandler(0, 0, IDLE_SECONDS));
    p.addAfter("gateway-idle", "gateway-codec", new HttpServerCodec(4096, 8192, 8192));
    p.addAfter("gateway-codec", "gateway-aggregator", new BodyLimit((int) Math.min(Integer.MAX_VALUE, maxBodyBytes)));
    p.addAfter("gateway-aggregator", "gateway", new GatewayHandler(this));
  }

  /**
   * The port-sharing negotiator for the gRPC server on a client port.
   *
   * @param tls the TLS context of an https:// port; null for http://
   */
  public PortSharing portSharing(SslContext tls) {
    return new PortSharing(this::install, tls);
  }
}
