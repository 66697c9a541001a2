package io.cairn.common.lifecycle;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The process's data directory as a service: start creates it and takes an exclusive lock on {@code
 * <dir>/LOCK}, so two cairn processes never write the same data; stop releases the lock. Start it
 * before the services that store data under it.
 */
public final class DataDirectory implements Service {
  private final Path dir;
  private volatile FileChannel channel;
  private volatile FileLock lock;

  public DataDirectory(Path dir) {
    this.dir = dir.toAbsolutePath().normalize();
  }

  public Path path() {
    return dir;
  }

  @Override
  public String name() {
    return "data-dir";
  }

  @Override
  public void start() throws IOException {
    try {
      Files.createDirectories(dir);
    } catch (FileAlreadyExistsException e) {
      throw new IOException("data directory " + dir + " exists but is not a directory");
    } catch (AccessDeniedException e) {
      throw new IOException("cannot create data directory " + dir + ": permission denied");
    }
    FileChannel ch =
        FileChannel.open(dir.resolve("LOCK"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock l;
    try {
      l = ch.tryLock();
    } catch (OverlappingFileLockException e) {
      l = null; // held by this very process
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
    if (l == null) {
      ch.close();
      throw new IOException(
          "data directory " + dir + " is in use by another cairn process (its LOCK file is held)");
    }
    channel = ch;
    lock = l;
  }

  @Override
  public boolean isReady() {
    return lock != null;
  }

  @Override
  public void stop() {
    FileChannel ch = channel;
    channel = null;
    lock = null;
    if (ch != null) {
      try {
        ch.close(); // releases the lock
      } catch (IOException ignored) {
        // the process is going away; the OS releases the lock anyway
      }
    }
  }

  @Override
  public List<Endpoint> endpoints() {
    return lock == null ? List.of() : List.of(new Endpoint("data", dir.toString(), "data directory"));
  }
}
