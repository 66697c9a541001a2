package io.cairn.monitor.discovery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every job's discoverers and hands the merged groups of all jobs to one consumer (the scrape
 * glue), as Prometheus's {@code discovery.Manager}: at most once per update interval (Prometheus
 * 5 s), and only when something changed since the last hand-over.
 *
 * <p>{@link #apply} replaces the discoverers: the old ones are closed, the new ones started. Until
 * every new discoverer of a job has published once, the job keeps its previous merged groups, so
 * a reload does not empty a job for a moment (which would stop its scrape loops). A job absent from
 * {@code apply} is dropped (the consumer sees it gone). The consumer runs on the manager's own
 * virtual thread, never concurrently with itself; an exception it throws is logged.
 */
public final class DiscoveryManager implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DiscoveryManager.class);

  /** Prometheus's throttle of updates to the scrape manager. */
  public static final Duration DEFAULT_UPDATE_INTERVAL = Duration.ofSeconds(5);

  private final Duration updateInterval;
  private final Consumer<Map<String, List<TargetGroup>>> consumer;
  private final CountDownLatch stop = new CountDownLatch(1);
  private final Thread sender;
  private final Object lock = new Object();
  private Map<String, Job> jobs = new LinkedHashMap<>();
  private boolean dirty;

  private static final class Job {
    final List<Discoverer> discoverers;
    final List<List<TargetGroup>> latest = new ArrayList<>();
    List<TargetGroup> merged;

    Job(List<Discoverer> discoverers, List<TargetGroup> previous) {
      this.discoverers = discoverers;
      this.merged = previous;
      discoverers.forEach(d -> latest.add(null));
    }
  }

  public DiscoveryManager(Duration updateInterval, Consumer<Map<String, List<TargetGroup>>> consumer) {
    if (updateInterval.isNegative() || updateInterval.isZero()) {
      throw new IllegalArgumentException("update interval must be positive, got " + updateInterval);
    }
    this.updateInterval = updateInterval;
    this.consumer = Objects.requireNonNull(consumer, "consumer");
    this.sender = Thread.ofVirtual().name("discovery-sender").start(this::send);
  }

  /** Replaces all discoverers with {@code byJob} (job name to its discoverers) and starts them. */
  public void apply(Map<String, List<Discoverer>> byJob) {
    Map<String, Job> old;
    Map<String, Job> next = new LinkedHashMap<>();
    synchronized (lock) {
      old = jobs;
      byJob.forEach((name, ds) -> {
        Job prev = old.get(name);
        next.put(name, new Job(List.copyOf(ds), prev == null ? List.of() : prev.merged));
      });
      jobs = next;
      dirty = true;
    }
    old.values().forEach(j -> j.discoverers.forEach(Discoverer::close));
    next.forEach((name, job) -> {
      for (int i = 0; i < job.discoverers.size(); i++) {
        int index = i;
        job.discoverers.get(i).start(groups -> published(job, index, groups));
      }
    });
  }

  private void published(Job job, int index, List<TargetGroup> groups) {
    synchronized (lock) {
      job.latest.set(index, List.copyOf(groups));
      if (job.latest.stream().allMatch(Objects::nonNull)) {
        List<TargetGroup> merged = new ArrayList<>();
        job.latest.forEach(merged::addAll);
        job.merged = List.copyOf(merged);
      }
      dirty = true;
    }
  }

  /** The merged groups of every job now (what the next hand-over would send). */
  public Map<String, List<TargetGroup>> snapshot() {
    synchronized (lock) {
      Map<String, List<TargetGroup>> out = new LinkedHashMap<>();
      jobs.forEach((name, job) -> out.put(name, job.merged));
      return out;
    }
  }

  private void send() {
    Map<String, List<TargetGroup>> lastSent = null;
    try {
      while (!stop.await(updateInterval.toMillis(), TimeUnit.MILLISECONDS)) {
        Map<String, List<TargetGroup>> now;
        synchronized (lock) {
          if (!dirty) {
            continue;
          }
          dirty = false;
          now = snapshot();
        }
        if (now.equals(lastSent)) {
          continue;
        }
        try {
          consumer.accept(now);
          lastSent = now;
        } catch (RuntimeException e) {
          log.error("discovery consumer failed; will retry with the next change", e);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Closes every discoverer and stops handing over. */
  @Override
  public void close() throws InterruptedException {
    stop.countDown();
    sender.join();
    Map<String, Job> old;
    synchronized (lock) {
      old = jobs;
      jobs = new LinkedHashMap<>();
    }
    old.values().forEach(j -> j.discoverers.forEach(Discoverer::close));
  }
}
