package io.cairn.kv.server;

import io.cairn.kv.store.ApplyResult;
import io.cairn.kv.store.EtcdError;
import io.cairn.kv.store.KvCommand;
import io.cairn.raft.GroupStateMachine;
import io.cairn.raft.RaftMember;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The kv store as a Raft group's state machine. */
final class KvStateMachine implements GroupStateMachine {
  private static final Logger log = LoggerFactory.getLogger(KvStateMachine.class);

  private final SwappableStore store;
  private final StoreDirectory directory;
  private final BiConsumer<Optional<RaftMember>, Long> onLeaderChange;
  private final Runnable onInstall;

  KvStateMachine(
      SwappableStore store, StoreDirectory directory, BiConsumer<Optional<RaftMember>, Long> onLeaderChange,
      Runnable onInstall) {
    this.store = store;
    this.directory = directory;
    this.onLeaderChange = onLeaderChange;
    this.onInstall = onInstall;
  }

  @Override
  public long appliedIndex() {
    return store.appliedIndex();
  }

  @Override
  public byte[] apply(long index, long term, byte[] command) {
    KvCommand cmd;
    try {
      cmd = KvCommand.decode(command);
    } catch (IllegalArgumentException e) {
      // Every member refuses the same bytes the same way, so the replicas stay identical.
      log.error("raft entry {} is not a kv command this version understands: {}", index, e.getMessage());
      store.applyNoop(index);
      return new ApplyResult.Failed(EtcdError.CORRUPT).encode();
    }
    return store.apply(index, cmd).map(ApplyResult::encode).orElse(new byte[0]);
  }

  @Override
  public void applyNoop(long index, long term) {
    store.applyNoop(index);
  }

  @Override
  public long snapshot(Path dir) throws IOException {
    long index = store.appliedIndex();
    store.checkpoint(dir);
    return index;
  }

  @Override
  public void install(Path dir) throws IOException {
    String previous = directory.inUse();
    store.replace(directory.install(dir), () -> deleteReplaced(previous));
    onInstall.run();
  }

  private void deleteReplaced(String name) {
    try {
      directory.deleteUnlessInUse(name);
    } catch (IOException | RuntimeException e) {
      log.warn("could not delete the replaced store directory {}; it goes at the next start", name, e);
    }
  }

  @Override
  public void leaderChanged(Optional<RaftMember> leader, long term) {
    onLeaderChange.accept(leader, term);
  }
}
