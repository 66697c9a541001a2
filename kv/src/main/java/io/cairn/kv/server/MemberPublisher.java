package io.cairn.kv.server;

import io.cairn.raft.RaftGroupHandle;
import io.cairn.raft.RaftMember;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * etcd's "publish": once the group has a leader, makes sure the cluster's record of this member
 * carries its name and client URLs (a member added with {@code member add} is recorded without them,
 * and other members learn them only this way). Retries every second until done.
 *
 * <p>It also watches for this member's removal: once it has been a member and the configuration no
 * longer lists it, it calls {@code onRemoved}, as an etcd member stops itself when it learns it was
 * removed.
 */
final class MemberPublisher implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(MemberPublisher.class);

  private final RaftGroupHandle raft;
  private final RaftMember self;
  private final String selfId;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("kv-publish").daemon().factory());
  private final Runnable onRemoved;
  private volatile boolean inFlight;
  private volatile boolean published;
  private volatile boolean wasMember;

  MemberPublisher(RaftGroupHandle raft, RaftMember self, String selfId, Runnable onRemoved) {
    this.raft = raft;
    this.self = self;
    this.selfId = selfId;
    this.onRemoved = onRemoved;
  }

  void start() {
    timer.scheduleWithFixedDelay(this::check, 200, 1000, TimeUnit.MILLISECONDS);
  }

  private void check() {
    if (inFlight || raft.leader().isEmpty()) {
      return;
    }
    RaftMember recorded = raft.members().stream().filter(m -> m.id().equals(selfId)).findFirst().orElse(null);
    if (recorded == null) {
      if (wasMember) {
        log.error("this member ({}) was removed from the cluster; stopping", selfId);
        timer.shutdown();
        onRemoved.run();
      }
      return; // not (yet) a member: the leader has not added us
    }
    wasMember = true;
    if (published || recorded.clientAddress().equals(self.clientAddress())) {
      published = true;
      return;
    }
    inFlight = true;
    raft.updateMember(new RaftMember(selfId, recorded.peerAddress(), self.clientAddress()))
        .whenComplete(
            (ok, failure) -> {
              inFlight = false;
              if (failure != null) {
                log.debug("publishing this member's attributes failed; retrying", failure);
              } else {
                published = true;
                log.info("published member attributes");
              }
            });
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
