package io.cairn.kv.store.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RocksBackendTest {
  @TempDir Path tmp;

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void dataSurvivesCloseAndCloseReleasesTheDatabaseLock() throws IOException {
    Path dir = tmp.resolve("db");
    try (RocksBackend first = RocksBackend.open(dir)) {
      first.commit(new WriteBatch().put(Bucket.LEASE, b("k"), b("v")).put(Bucket.KEY, b("r"), b("x")));
    }
    try (RocksBackend second = RocksBackend.open(dir)) {
      assertThat(second.get(Bucket.LEASE, b("k"))).isEqualTo(b("v"));
      assertThat(second.get(Bucket.KEY, b("r"))).isEqualTo(b("x"));
      second.flush();
      assertThat(second.sizeBytes()).isPositive();
    }
  }
}
