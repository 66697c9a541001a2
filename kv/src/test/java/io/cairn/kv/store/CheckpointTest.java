package io.cairn.kv.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Checkpoints of either backend open as a RocksDB store or as a copy in memory. */
@ParameterizedClass
@EnumSource(BackendKind.class)
class CheckpointTest extends StoreTestBase {
  CheckpointTest(BackendKind kind) {
    super(kind);
  }

  @Test
  void checkpointsOpenAsRocksDbOrInMemoryWithTheSameState() throws Exception {
    mixedHistory();
    Observed before = Observed.of(store());
    Path dir = tmp.resolve("checkpoints").resolve("cp1");
    store().checkpoint(dir);
    delete(Req.del("k1")); // not in the checkpoint
    try (KvStore fromDisk = KvStores.open(dir)) {
      assertThat(Observed.of(fromDisk)).isEqualTo(before);
    }
    try (KvStore inMemory = KvStores.inMemoryCopyOf(dir, -1)) {
      assertThat(Observed.of(inMemory)).isEqualTo(before);
    }
    assertThatThrownBy(() -> store().checkpoint(dir)).isInstanceOf(IOException.class);
  }
}
