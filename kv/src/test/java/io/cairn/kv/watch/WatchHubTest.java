package io.cairn.kv.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import io.cairn.kv.store.KvCommand;
import io.cairn.kv.store.KvStore;
import io.cairn.kv.store.KvStores;
import io.etcd.jetcd.api.CompactionRequest;
import io.etcd.jetcd.api.DeleteRangeRequest;
import io.etcd.jetcd.api.Event;
import io.etcd.jetcd.api.PutRequest;
import io.etcd.jetcd.api.ResponseHeader;
import io.etcd.jetcd.api.WatchCreateRequest;
import io.etcd.jetcd.api.WatchResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WatchHubTest {
  private final KvStore store = KvStores.inMemory();
  private final WatchHub hub =
      new WatchHub(store, rev -> ResponseHeader.newBuilder().setRevision(rev).build(), 1 << 20, Duration.ofMinutes(10));
  private long index;

  /** Collects responses; can be told to refuse events, like a full buffer. */
  static final class Sink implements WatchSink {
    final List<WatchResponse> responses = new CopyOnWriteArrayList<>();
    final AtomicBoolean full = new AtomicBoolean();

    @Override
    public boolean offerEvents(List<WatchResponse> rs) {
      if (full.get()) {
        return false;
      }
      responses.addAll(rs);
      return true;
    }

    @Override
    public void sendControl(WatchResponse r) {
      responses.add(r);
    }

    @Override
    public boolean hasRoom() {
      return !full.get();
    }

    List<Event> events() {
      List<Event> out = new ArrayList<>();
      responses.forEach(r -> out.addAll(r.getEventsList()));
      return out;
    }

    List<String> values() {
      return events().stream()
          .map(e -> e.getType() + ":" + e.getKv().getKey().toStringUtf8() + "=" + e.getKv().getValue().toStringUtf8())
          .toList();
    }
  }

  @AfterEach
  void close() {
    hub.close();
    store.close();
  }

  private static ByteString b(String s) {
    return ByteString.copyFromUtf8(s);
  }

  private void put(String k, String v) {
    store.apply(++index, new KvCommand.Put(PutRequest.newBuilder().setKey(b(k)).setValue(b(v)).build()));
  }

  private void delete(String k) {
    store.apply(++index, new KvCommand.DeleteRange(DeleteRangeRequest.newBuilder().setKey(b(k)).build()));
  }

  private static WatchCreateRequest.Builder watch(String key) {
    return WatchCreateRequest.newBuilder().setKey(b(key));
  }

  @Test
  void liveWatchGetsCreatedThenEventsInOrder() {
    Sink sink = new Sink();
    WatchStream stream = hub.openStream(sink);
    stream.create(watch("a").setRangeEnd(b("b")).build());
    assertThat(sink.responses.get(0).getCreated()).isTrue();
    assertThat(sink.responses.get(0).getWatchId()).isZero();
    put("a1", "x");
    put("zz", "ignored");
    put("a2", "y");
    delete("a1");
    assertThat(sink.values()).containsExactly("PUT:a1=x", "PUT:a2=y", "DELETE:a1=");
    assertThat(sink.events().get(2).getKv().getModRevision()).isEqualTo(5);
  }

  @Test
  void historyFromAStartRevisionThenLive() {
    put("k", "v1"); // rev 2
    put("k", "v2"); // rev 3
    put("k", "v3"); // rev 4
    Sink sink = new Sink();
    hub.openStream(sink).create(watch("k").setStartRevision(3).setPrevKv(true).build());
    await().atMost(Duration.ofSeconds(5)).until(() -> sink.events().size() == 2);
    put("k", "v4");
    await().atMost(Duration.ofSeconds(5)).until(() -> sink.events().size() == 3);
    assertThat(sink.values()).containsExactly("PUT:k=v2", "PUT:k=v3", "PUT:k=v4");
    assertThat(sink.events().get(0).getPrevKv().getValue().toStringUtf8()).isEqualTo("v1");
  }

  @Test
  void aFullSinkLosesNothingAndDuplicatesNothing() {
    Sink sink = new Sink();
    hub.openStream(sink).create(watch("k").build());
    put("k", "1");
    sink.full.set(true);
    for (int i = 2; i <= 50; i++) {
      put("k", Integer.toString(i));
    }
    sink.full.set(false);
    hub.wakeUp();
    await().atMost(Duration.ofSeconds(5)).until(() -> sink.events().size() >= 50);
    put("k", "51");
    await().atMost(Duration.ofSeconds(5)).until(() -> sink.events().size() >= 51);
    List<String> expected = new ArrayList<>();
    for (int i = 1; i <= 51; i++) {
      expected.add("PUT:k=" + i);
    }
    assertThat(sink.values()).containsExactlyElementsOf(expected);
  }

  @Test
  void filtersAndPrevKvAreHonoured() {
    put("f", "old");
    Sink sink = new Sink();
    hub.openStream(sink).create(watch("f").addFilters(WatchCreateRequest.FilterType.NOPUT).build());
    Sink withPrev = new Sink();
    hub.openStream(withPrev).create(watch("f").build());
    put("f", "new");
    delete("f");
    assertThat(sink.values()).containsExactly("DELETE:f=");
    assertThat(withPrev.values()).containsExactly("PUT:f=new", "DELETE:f=");
    assertThat(withPrev.events()).noneMatch(Event::hasPrevKv);
  }

  @Test
  void syncedWatchersThatAskForPrevKvGetThePreviousValues() {
    put("p", "old");
    Sink withPrev = new Sink();
    hub.openStream(withPrev).create(watch("p").setPrevKv(true).build());
    Sink without = new Sink();
    hub.openStream(without).create(watch("p").build());
    put("p", "new");
    delete("p");
    put("p", "again");
    assertThat(withPrev.events())
        .extracting(e -> e.getType() + "<-" + (e.hasPrevKv() ? e.getPrevKv().getValue().toStringUtf8() : "none"))
        .containsExactly("PUT<-old", "DELETE<-new", "PUT<-none");
    assertThat(without.events()).hasSize(3).noneMatch(Event::hasPrevKv);
  }

  @Test
  void compactedStartIsCancelledWithTheCompactRevision() {
    put("c", "1");
    put("c", "2");
    put("c", "3");
    store.apply(++index, new KvCommand.Compact(CompactionRequest.newBuilder().setRevision(3).build()));
    Sink sink = new Sink();
    hub.openStream(sink).create(watch("c").setStartRevision(2).build());
    assertThat(sink.responses).hasSize(2);
    assertThat(sink.responses.get(0).getCreated()).isTrue();
    WatchResponse cancel = sink.responses.get(1);
    assertThat(cancel.getCanceled()).isTrue();
    assertThat(cancel.getCompactRevision()).isEqualTo(3);
  }

  @Test
  void cancelStopsEventsAndUnknownIdsAreIgnored() {
    Sink sink = new Sink();
    WatchStream stream = hub.openStream(sink);
    stream.create(watch("x").build());
    stream.create(watch("y").build());
    assertThat(sink.responses.get(1).getWatchId()).isEqualTo(1);
    stream.cancel(0);
    stream.cancel(42);
    put("x", "1");
    put("y", "2");
    assertThat(sink.responses.stream().filter(WatchResponse::getCanceled).map(WatchResponse::getWatchId))
        .containsExactly(0L);
    assertThat(sink.values()).containsExactly("PUT:y=2");
  }

  @Test
  void emptyRangeIsRefused() {
    Sink sink = new Sink();
    hub.openStream(sink).create(watch("b").setRangeEnd(b("a")).build());
    WatchResponse r = sink.responses.get(0);
    assertThat(r.getCreated()).isTrue();
    assertThat(r.getCanceled()).isTrue();
    assertThat(r.getWatchId()).isEqualTo(-1);
    assertThat(r.getCancelReason()).isEqualTo("mvcc: watcher range is empty");
  }

  @Test
  void progressRequestAnswersWithTheCurrentRevision() {
    put("p", "1");
    Sink sink = new Sink();
    WatchStream stream = hub.openStream(sink);
    stream.create(watch("p").build());
    stream.requestProgress();
    WatchResponse progress = sink.responses.get(sink.responses.size() - 1);
    assertThat(progress.getWatchId()).isEqualTo(-1);
    assertThat(progress.getHeader().getRevision()).isEqualTo(2);
  }
}
