package io.cairn.gateway.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The HTTP/1 server pipeline on an EmbeddedChannel, with a recording router and forwarder. */
final class ServerHarness {
  private static final Pattern STATUS = Pattern.compile("HTTP/1\\.1 (\\d{3}) ");

  final List<RequestHead> routed = new ArrayList<>();
  final RecordingForwarder forwarder = new RecordingForwarder();
  final EmbeddedChannel channel;

  ServerHarness(EntryPointOptions options) {
    RequestRouter router = head -> {
      routed.add(head);
      return Target.Proxy.to(URI.create("http://127.0.0.1:1"));
    };
    Pipelines pipelines = new Pipelines(options, new Dispatcher("web", router, forwarder, false));
    channel = new EmbeddedChannel();
    pipelines.http1(channel.pipeline(), true);
  }

  ServerHarness() {
    this(EntryPointOptions.defaults());
  }

  /** Feeds bytes in pieces of {@code pieceSize} (0 = all at once). */
  ServerHarness feed(byte[] raw, int pieceSize) {
    int step = pieceSize <= 0 ? Math.max(1, raw.length) : pieceSize;
    for (int i = 0; i < raw.length && channel.isOpen(); i += step) {
      channel.writeInbound(Unpooled.copiedBuffer(raw, i, Math.min(step, raw.length - i)));
    }
    channel.runPendingTasks();
    return this;
  }

  /** Lets the read-header timeout pass (the embedded loop's clock is advanced, not waited for). */
  ServerHarness expireHeaderTimeout(EntryPointOptions options) {
    channel.advanceTimeBy(options.readHeaderTimeout().toNanos() + 1, java.util.concurrent.TimeUnit.NANOSECONDS);
    channel.runScheduledPendingTasks();
    channel.runPendingTasks();
    return this;
  }

  ServerHarness feed(String raw) {
    return feed(raw.getBytes(StandardCharsets.ISO_8859_1), 0);
  }

  /** Everything written to the client so far, as text. */
  String output() {
    StringBuilder sb = new StringBuilder();
    Object o;
    while ((o = channel.readOutbound()) != null) {
      ByteBuf b = (ByteBuf) o;
      sb.append(b.toString(StandardCharsets.ISO_8859_1));
      b.release();
    }
    return sb.toString();
  }

  /** Status codes of the responses in {@code output}, in order. */
  static List<Integer> statuses(String output) {
    List<Integer> codes = new ArrayList<>();
    Matcher m = STATUS.matcher(output);
    while (m.find()) {
      codes.add(Integer.parseInt(m.group(1)));
    }
    return codes;
  }
}
