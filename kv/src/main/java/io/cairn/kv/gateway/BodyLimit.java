package io.cairn.kv.gateway;

import io.grpc.Status;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpUtil;

/**
 * Whole request bodies up to the gRPC message limit. A larger body is refused the way etcd refuses
 * it (its gateway hands the body to gRPC, which rejects it): 429 with a RESOURCE_EXHAUSTED error,
 * then the connection closes, since the rest of the body is never read.
 */
final class BodyLimit extends HttpObjectAggregator {
  private final int max;

  BodyLimit(int max) {
    super(max);
    this.max = max;
  }

  @Override
  protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
    long length = HttpUtil.getContentLength(oversized, -1L);
    String size = length >= 0 ? Long.toString(length) : "more";
    Responses.sendError(
        ctx,
        Status.RESOURCE_EXHAUSTED.withDescription(
            "grpc: received message larger than max (" + size + " vs. " + max + ")"),
        false);
  }
}
