package io.cairn.kv.store;

import io.cairn.kv.store.backend.Backend;
import io.cairn.kv.store.backend.Bucket;
import io.cairn.kv.store.backend.WriteBatch;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A backend that fails the n-th commit from now, as if the process died there; {@link #close()} does
 * not close the delegate, so a test can open a new store over the surviving data.
 */
final class CrashingBackend implements Backend {
  private final Backend delegate;
  private int commitsUntilCrash = -1;

  CrashingBackend(Backend delegate) {
    this.delegate = delegate;
  }

  /** Lets {@code n} more commits through, then fails every later one. */
  void crashAfter(int n) {
    commitsUntilCrash = n;
  }

  @Override
  public byte[] get(Bucket bucket, byte[] key) {
    return delegate.get(bucket, key);
  }

  @Override
  public void scan(Bucket bucket, byte[] from, byte[] to, Visitor visitor) {
    delegate.scan(bucket, from, to, visitor);
  }

  @Override
  public void commit(WriteBatch batch) {
    if (commitsUntilCrash == 0) {
      throw new IllegalStateException("simulated crash");
    }
    if (commitsUntilCrash > 0) {
      commitsUntilCrash--;
    }
    delegate.commit(batch);
  }

  @Override
  public long sizeBytes() {
    return delegate.sizeBytes();
  }

  @Override
  public long sizeInUseBytes() {
    return delegate.sizeInUseBytes();
  }

  @Override
  public void defragment() {
    delegate.defragment();
  }

  @Override
  public void checkpoint(Path dir) throws IOException {
    delegate.checkpoint(dir);
  }

  @Override
  public void close() {}
}
