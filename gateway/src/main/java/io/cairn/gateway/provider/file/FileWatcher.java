package io.cairn.gateway.provider.file;

import io.cairn.gateway.config.ConfigException;
import io.cairn.gateway.config.ConfigProblem;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a {@link FileProvider}'s files and hands each new valid snapshot to a listener.
 *
 * <p><b>Design.</b> One daemon thread waits on a {@link WatchService} registered on every watched
 * directory (a watched file's parent directory; a directory and all its subdirectories, registered
 * again after each reload so new subdirectories are seen). Editors save in bursts (truncate, write,
 * rename), so an event only arms a timer: the reload runs once no event has arrived for the
 * debounce delay ({@link #DEFAULT_DEBOUNCE}, 300 ms, shorter than Traefik's 2 s providers throttle,
 * which the server may still apply on top). The reload reads, merges and validates everything; a
 * valid result that differs from the current snapshot goes to {@code onChange}; an invalid one goes
 * to {@code onError} with every problem, and the current snapshot stays. Listeners run on the
 * watcher thread, one at a time, and must not block for long; an exception from a listener is logged
 * and the watcher carries on.
 *
 * <p>Thread-safe: {@link #current()} may be called from any thread; {@link #close()} is idempotent
 * and returns once the thread has stopped (bounded by one poll interval).
 */
public final class FileWatcher implements AutoCloseable {
  /** Quiet time after the last file event before reloading. */
  public static final Duration DEFAULT_DEBOUNCE = Duration.ofMillis(300);

  private static final Logger LOG = LoggerFactory.getLogger(FileWatcher.class);
  private static final long POLL_MILLIS = 50;

  private final FileProvider provider;
  private final Duration debounce;
  private final Consumer<DynamicSnapshot> onChange;
  private final Consumer<List<ConfigProblem>> onError;
  private final WatchService watchService;
  private final Set<Path> registered = new HashSet<>();
  private final Thread thread;
  private volatile DynamicSnapshot current;

  private FileWatcher(FileProvider provider, DynamicSnapshot initial, Duration debounce, Consumer<DynamicSnapshot> onChange,
      Consumer<List<ConfigProblem>> onError) throws IOException {
    this.provider = provider;
    this.current = initial;
    this.debounce = debounce;
    this.onChange = onChange;
    this.onError = onError;
    this.watchService = provider.paths().getFirst().getFileSystem().newWatchService();
    register();
    this.thread = Thread.ofPlatform().daemon().name("gateway-file-watcher").unstarted(this::run);
  }

  /**
   * Starts watching.
   *
   * @param initial the snapshot now in use (from {@link FileProvider#load()})
   * @param debounce quiet time before a reload; positive
   * @throws IOException if the directories cannot be watched
   */
  public static FileWatcher start(FileProvider provider, DynamicSnapshot initial, Duration debounce,
      Consumer<DynamicSnapshot> onChange, Consumer<List<ConfigProblem>> onError) throws IOException {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(initial, "initial");
    if (debounce == null || debounce.isNegative() || debounce.isZero()) {
      throw new IllegalArgumentException("the debounce delay must be positive, got " + debounce);
    }
    FileWatcher watcher = new FileWatcher(provider, initial, debounce, Objects.requireNonNull(onChange, "onChange"),
        Objects.requireNonNull(onError, "onError"));
    watcher.thread.start();
    return watcher;
  }

  /** The snapshot in use: the initial one or the last valid reload. */
  public DynamicSnapshot current() {
    return current;
  }

  private void register() throws IOException {
    for (Path p : provider.paths()) {
      Path abs = p.toAbsolutePath();
      if (Files.isDirectory(abs)) {
        try (Stream<Path> dirs = Files.walk(abs)) {
          for (Path d : dirs.filter(Files::isDirectory).toList()) {
            watch(d);
          }
        }
      } else if (abs.getParent() != null) {
        watch(abs.getParent());
      }
    }
  }

  private void watch(Path dir) throws IOException {
    if (registered.add(dir)) {
      dir.register(watchService, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
          StandardWatchEventKinds.ENTRY_DELETE);
    }
  }

  private void run() {
    long deadline = Long.MAX_VALUE;
    try {
      while (!Thread.currentThread().isInterrupted()) {
        WatchKey key = watchService.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
        if (key != null) {
          key.pollEvents();
          key.reset();
          deadline = System.nanoTime() + debounce.toNanos();
        } else if (System.nanoTime() - deadline >= 0) {
          deadline = Long.MAX_VALUE;
          reload();
        }
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      // closing
    }
  }

  private void reload() {
    try {
      register();
    } catch (IOException e) {
      LOG.warn("cannot watch new directories of the file provider: {}", e.toString());
    }
    try {
      DynamicSnapshot next = provider.load();
      if (!next.config().equals(current.config())) {
        DynamicSnapshot previous = current;
        current = next; // what the listener sees as current while it applies next
        try {
          onChange.accept(next);
        } catch (RuntimeException e) {
          current = previous; // not applied: the next file change tries again
          throw e;
        }
      }
    } catch (ConfigException e) {
      LOG.warn("file provider: configuration refused, the previous one stays: {}", e.getMessage());
      try {
        onError.accept(e.problems());
      } catch (RuntimeException listenerFailure) {
        LOG.error("file provider: error listener failed", listenerFailure);
      }
    } catch (RuntimeException e) {
      LOG.error("file provider: change listener failed", e);
    }
  }

  @Override
  public void close() {
    thread.interrupt();
    try {
      watchService.close();
      thread.join(TimeUnit.SECONDS.toMillis(5));
    } catch (IOException e) {
      LOG.debug("closing the watch service", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
