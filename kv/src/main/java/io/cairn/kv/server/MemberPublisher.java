package io.cairn.kv.server;

import io.cairn.kv.api.Members;
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
 * and other members learn them only this way). Checks every second for as long as the member runs:
 * cheap when the record is right, and a member's first view of the configuration may be its own
 * bootstrap one rather than the leader's.
 *
 * <p>A learner is a member here too. It also watches for this member's removal: once it has been a
 * member and the configuration has not listed it, neither as voter nor as learner, for {@link
 * #REMOVED_AFTER_CHECKS} checks in a row, it calls {@code onRemoved}, as an etcd member stops itself when it learns it was
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
  private volatile boolean wasMember;
  /** Consecutive checks that did not find this member in the configuration. */
  private int checksAbsent;
  /** Checks (one a second) a member must be missing from the configuration to count as removed. */
  static final int REMOVED_AFTER_CHECKS = 8;

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
    if (inFlight) {
      return;
    }
    RaftMember recorded =
        raft.membersAndLearners().stream()
            .filter(m -> m.id().equals(selfId))
            .findFirst()
            .orElse(null);
    if (recorded == null) {
      // a learner's promotion takes it out of the configuration for a moment (see
      // RaftGroupHandle.promoteLearner): only an absence that lasts counts as a removal
      if (wasMember && ++checksAbsent >= REMOVED_AFTER_CHECKS) {
        log.error("this member ({}) was removed from the cluster; stopping", selfId);
        timer.shutdown();
        onRemoved.run();
      }
      return; // not (yet) a member: the leader has not added us
    }
    wasMember = true;
    checksAbsent = 0;
    if (raft.leader().isEmpty()) {
      return;
    }
    Members.Info have = Members.fromRaft(recorded);
    Members.Info want = Members.fromRaft(self);
    if (have.name().equals(want.name()) && have.clientUrls().equals(want.clientUrls())) {
      // Keep checking rather than stopping: the configuration seen here can still be this member's
      // own bootstrap one (which lists its own client URLs) until the leader's reaches it.
      return;
    }
    inFlight = true;
    // the recorded peer URLs stay: `member update` may have changed them since this member started
    Members.Info published = new Members.Info(have.id(), want.name(), have.peerUrls(), want.clientUrls());
    raft.updateMember(new RaftMember(selfId, recorded.peerAddress(), published.toRaft().clientAddress()))
        .whenComplete(
            (ok, failure) -> {
              inFlight = false;
              if (failure != null) {
                log.debug("publishing this member's attributes failed; retrying", failure);
              } else {
                log.info("published member attributes");
              }
            });
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
