package io.cairn.kv.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.kv.store.KvStore;
import io.cairn.kv.store.KvStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Store directories: installing a snapshot moves to the next one, and replaced ones are deleted. */
class StoreDirectoryTest {
  private static final long QUOTA = 1L << 30;

  @TempDir Path root;

  @Test
  void installMovesToTheNextDirectoryAndTheReplacedOneCanBeDeleted() throws Exception {
    StoreDirectory dir = new StoreDirectory(root, QUOTA);
    Path received = root.getParent().resolve(root.getFileName() + "-received");
    try (KvStore first = dir.open()) {
      first.checkpoint(received);
    }
    assertThat(dir.inUse()).isEqualTo("store.0");
    try (KvStore second = dir.install(received)) {
      assertThat(dir.inUse()).isEqualTo("store.1");
    }
    dir.deleteUnlessInUse("store.1");
    dir.deleteUnlessInUse("store.0");
    assertThat(names()).containsExactlyInAnyOrder("store.1", "store.current");
  }

  @Test
  void openDeletesStoreDirectoriesNotInUse() throws Exception {
    KvStores.open(root.resolve("store.2"), QUOTA).close();
    Files.writeString(root.resolve("store.current"), "store.2");
    Files.createDirectories(root.resolve("store.1"));
    Files.createDirectories(root.resolve("store.3.tmp"));
    try (KvStore store = new StoreDirectory(root, QUOTA).open()) {
      assertThat(store.revision()).isEqualTo(1);
    }
    assertThat(names()).containsExactlyInAnyOrder("store.2", "store.current");
  }

  private List<String> names() throws Exception {
    try (Stream<Path> s = Files.list(root)) {
      return s.map(p -> p.getFileName().toString()).toList();
    }
  }
}
