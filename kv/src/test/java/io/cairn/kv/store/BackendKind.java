package io.cairn.kv.store;

import io.cairn.kv.store.backend.Backend;
import io.cairn.kv.store.backend.MemBackend;
import io.cairn.kv.store.backend.RocksBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The backends every behaviour test runs against. */
enum BackendKind {
  MEM {
    @Override
    Backend open(Path dir) {
      return new MemBackend();
    }
  },
  ROCKS {
    @Override
    Backend open(Path dir) {
      try {
        return RocksBackend.open(dir);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  };

  abstract Backend open(Path dir);
}
