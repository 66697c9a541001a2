package io.cairn.raft;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.ratis.server.RaftServerConfigKeys;
import org.apache.ratis.server.protocol.TermIndex;
import org.apache.ratis.server.storage.FileInfo;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.server.storage.RaftStorageDirectory;
import org.apache.ratis.server.storage.RaftStorageMetadataFile;
import org.apache.ratis.statemachine.SnapshotRetentionPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotStoreTest {
  @TempDir Path dir;

  private SnapshotStore store() throws IOException {
    SnapshotStore s = new SnapshotStore();
    s.init(storage(dir));
    return s;
  }

  private static SnapshotStore.Writer writing(long term, long index, String content) {
    return stateDir -> {
      Files.createDirectories(stateDir.resolve("sub"));
      Files.writeString(stateDir.resolve("data"), content);
      Files.writeString(stateDir.resolve("sub").resolve("more"), content + "!");
      return TermIndex.valueOf(term, index);
    };
  }

  @Test
  void takesListsAndReloadsSnapshots() throws Exception {
    SnapshotStore s = store();
    assertThat(s.getLatestSnapshot()).isNull();

    SnapshotStore.Snapshot first = s.take(writing(1, 10, "a"));
    SnapshotStore.Snapshot second = s.take(writing(2, 20, "b"));
    assertThat(second.termIndex()).isEqualTo(TermIndex.valueOf(2, 20));
    assertThat(s.getLatestSnapshot().getTermIndex()).isEqualTo(TermIndex.valueOf(2, 20));
    assertThat(Files.readString(second.stateDir().resolve("data"))).isEqualTo("b");
    // Every file but the .md5 companions is offered to followers, with its digest.
    assertThat(second.info().getFiles())
        .extracting(f -> second.dir().relativize(f.getPath()).toString())
        .containsExactlyInAnyOrder("SNAPSHOT", "state/data", "state/sub/more");
    assertThat(second.info().getFiles()).extracting(FileInfo::getFileDigest).doesNotContainNull();

    // An older index does not replace the latest one.
    assertThat(s.take(writing(2, 15, "c"))).isEqualTo(second);

    assertThat(store().latest().termIndex()).isEqualTo(TermIndex.valueOf(2, 20));
    s.cleanupOldSnapshots(new SnapshotRetentionPolicy() {
      @Override
      public int getNumSnapshotsRetained() {
        return 1;
      }
    });
    assertThat(first.dir()).doesNotExist();
    assertThat(second.dir()).exists();
    try (Stream<Path> files = Files.list(dir.resolve("sm"))) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("snapshot.2_20");
    }
  }

  @Test
  void ignoresIncompleteSnapshots() throws Exception {
    SnapshotStore s = store();
    s.take(writing(1, 10, "a"));
    Path partial = dir.resolve("sm").resolve("snapshot.3_30");
    Files.createDirectories(partial.resolve("state"));
    Files.writeString(partial.resolve("state").resolve("data"), "half");
    assertThat(s.reload().termIndex()).isEqualTo(TermIndex.valueOf(1, 10));
  }

  static RaftStorage storage(Path root) {
    RaftStorageDirectory directory =
        new RaftStorageDirectory() {
          @Override
          public File getRoot() {
            return root.toFile();
          }

          @Override
          public boolean isHealthy() {
            return true;
          }
        };
    return new RaftStorage() {
      @Override
      public void initialize() {}

      @Override
      public RaftStorageDirectory getStorageDir() {
        return directory;
      }

      @Override
      public RaftStorageMetadataFile getMetadataFile() {
        return null;
      }

      @Override
      public RaftServerConfigKeys.Log.CorruptionPolicy getLogCorruptionPolicy() {
        return RaftServerConfigKeys.Log.CorruptionPolicy.EXCEPTION;
      }

      @Override
      public void close() {}
    };
  }
}
