package io.cairn.kv.watch;

import io.etcd.jetcd.api.Event;
import io.etcd.jetcd.api.ResponseHeader;
import io.etcd.jetcd.api.WatchResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the responses of one delivery: one response with every event, or, for a watcher that asked
 * for {@code fragment} and a response over the size limit, several with {@code fragment=true} on all
 * but the last (etcd's v3rpc sendFragments).
 */
final class Fragments {
  private Fragments() {}

  static List<WatchResponse> split(Watcher w, List<Event> events, ResponseHeader header, long maxBytes) {
    WatchResponse whole =
        WatchResponse.newBuilder().setHeader(header).setWatchId(w.id).addAllEvents(events).build();
    if (!w.fragment || whole.getSerializedSize() <= maxBytes || events.size() < 2) {
      return List.of(whole);
    }
    List<WatchResponse> parts = new ArrayList<>();
    WatchResponse.Builder part = WatchResponse.newBuilder().setHeader(header).setWatchId(w.id);
    long size = header.getSerializedSize() + 16;
    for (Event e : events) {
      int es = e.getSerializedSize() + 8;
      if (part.getEventsCount() > 0 && size + es > maxBytes) {
        parts.add(MissingFields.setFragment(part).build());
        part = WatchResponse.newBuilder().setHeader(header).setWatchId(w.id);
        size = header.getSerializedSize() + 16;
      }
      part.addEvents(e);
      size += es;
    }
    parts.add(part.build());
    return parts;
  }
}
