package io.cairn.monitor.notifier;

import io.cairn.monitor.discovery.TargetGroup;
import io.cairn.monitor.relabel.Relabel;
import io.cairn.monitor.scrape.HttpClients;
import io.cairn.tsdb.model.Labels;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends alerts to Alertmanagers, as Prometheus 2.42's {@code notifier.Manager}: {@link #send}
 * queues (bounded; the oldest are dropped when full), one sender thread takes batches of at most
 * {@value #MAX_BATCH_SIZE} and posts each batch to every discovered Alertmanager in parallel; a batch
 * no Alertmanager accepted is counted as dropped. See the package documentation for the decisions.
 *
 * <p>Thread-safe: {@link #send} is called by rule evaluations, {@link #apply} by (re)loads, {@link
 * #sync} by the discovery manager, {@link #alertmanagers} by the API, concurrently.
 */
public final class Notifier implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Notifier.class);
  public static final int DEFAULT_QUEUE_CAPACITY = 10_000;
  public static final int MAX_BATCH_SIZE = 64;
  /** How long {@link #close} keeps sending what is queued before it drops the rest. */
  public static final Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofSeconds(5);

  /** The URLs {@code /api/v1/alertmanagers} lists, sets in name order. */
  public record Alertmanagers(List<String> active, List<String> dropped) {}

  private record AmSet(SetSettings settings, HttpClient client, AlertmanagerTargets.Resolved targets) {}

  private record State(NotifierSettings settings, List<AmSet> sets) {}

  private final Object lock = new Object();
  private final AlertQueue queue;
  private final NotifierMetrics metrics;
  private final Duration drainTimeout;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Thread sender;
  private volatile State state = new State(NotifierSettings.NONE, List.of());
  private Map<String, List<TargetGroup>> lastGroups = Map.of();
  private boolean closing;

  /**
   * @param capacity most alerts queued ({@code --alertmanager.notification-queue-capacity})
   * @param registry where the {@code prometheus_notifications_*} metrics go
   */
  public Notifier(int capacity, PrometheusRegistry registry) {
    this(capacity, registry, DEFAULT_DRAIN_TIMEOUT);
  }

  Notifier(int capacity, PrometheusRegistry registry, Duration drainTimeout) {
    this.queue = new AlertQueue(capacity);
    this.drainTimeout = drainTimeout;
    this.metrics = new NotifierMetrics(registry, capacity, this::queueLength, this::discoveredCount);
    this.sender = Thread.ofVirtual().name("notifier-sender").start(this::run);
  }

  /**
   * Queues alerts for sending: external labels are added where missing, then {@code
   * alert_relabel_configs} apply; alerts they drop or leave without labels are not sent (and not
   * counted, as in Prometheus). Returns at once. After {@link #close} the alerts are dropped.
   */
  public void send(List<Alert> alerts) {
    NotifierSettings s = state.settings();
    List<Alert> out = new ArrayList<>(alerts.size());
    for (Alert a : alerts) {
      Labels.Builder b = Labels.from(a.labels()).toBuilder();
      s.externalLabels().forEach((k, v) -> {
        if (b.get(k).isEmpty()) {
          b.set(k, v);
        }
      });
      Labels l = Relabel.process(b.build(), s.alertRelabelConfigs());
      if (l == null || l.isEmpty()) {
        continue;
      }
      Map<String, String> labels = new LinkedHashMap<>();
      l.forEach(x -> labels.put(x.name(), x.value()));
      out.add(new Alert(labels, a.annotations(), a.startsAt(), a.endsAt(), a.generatorUrl()));
    }
    if (out.isEmpty()) {
      return;
    }
    synchronized (lock) {
      if (closing) {
        metrics.dropped.inc(out.size());
        return;
      }
      int dropped = queue.push(out);
      if (dropped > 0) {
        log.warn("Alert notification queue full, dropping {} alerts", dropped);
        metrics.dropped.inc(dropped);
      }
      lock.notifyAll();
    }
  }

  /**
   * Applies a (re)loaded configuration. Queued alerts stay queued; the Alertmanagers of each set are
   * resolved again from the groups last discovered under its name.
   *
   * @throws IllegalArgumentException when a set's TLS files cannot be used (nothing changes)
   */
  public void apply(NotifierSettings settings) {
    List<AmSet> sets = new ArrayList<>();
    for (SetSettings s : settings.sets()) {
      sets.add(new AmSet(s, HttpClients.build(s.http()), AlertmanagerTargets.Resolved.NONE));
    }
    List<AmSet> old;
    synchronized (lock) {
      old = state.sets();
      state = new State(settings, resolve(sets, lastGroups));
    }
    old.forEach(set -> set.client().shutdown()); // requests in flight finish
  }

  /** New discovered groups, by set name ({@code config-0}, ...); the discovery manager's consumer. */
  public void sync(Map<String, List<TargetGroup>> groupsBySet) {
    synchronized (lock) {
      lastGroups = Map.copyOf(groupsBySet);
      state = new State(state.settings(), resolve(state.sets(), lastGroups));
    }
  }

  private List<AmSet> resolve(List<AmSet> sets, Map<String, List<TargetGroup>> groups) {
    List<AmSet> out = new ArrayList<>();
    for (AmSet s : sets) {
      var r = AlertmanagerTargets.resolve(s.settings(), groups.getOrDefault(s.settings().name(), List.of()));
      r.active().forEach(metrics::discovered);
      out.add(new AmSet(s.settings(), s.client(), r));
    }
    return out;
  }

  /** The active and dropped Alertmanagers now. */
  public Alertmanagers alertmanagers() {
    List<String> active = new ArrayList<>();
    List<String> dropped = new ArrayList<>();
    state.sets().stream().sorted(Comparator.comparing(s -> s.settings().name())).forEach(s -> {
      active.addAll(s.targets().active());
      dropped.addAll(s.targets().dropped());
    });
    return new Alertmanagers(List.copyOf(active), List.copyOf(dropped));
  }

  private double queueLength() {
    synchronized (lock) {
      return queue.size();
    }
  }

  private double discoveredCount() {
    return state.sets().stream().mapToInt(s -> s.targets().active().size()).sum();
  }

  private void run() {
    try {
      while (true) {
        List<Alert> batch;
        synchronized (lock) {
          while (queue.size() == 0 && !closing) {
            lock.wait();
          }
          if (queue.size() == 0) {
            return;
          }
          batch = queue.take(MAX_BATCH_SIZE);
        }
        boolean ok = false;
        try {
          ok = sendAll(batch);
        } finally {
          if (!ok) {
            metrics.dropped.inc(batch.size());
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // close() gave up waiting; it counts what is left
    }
  }

  /** Posts the batch to every Alertmanager at once; true if at least one accepted it. */
  private boolean sendAll(List<Alert> batch) throws InterruptedException {
    State s = state;
    long begin = System.nanoTime();
    String v1 = null;
    String v2 = null;
    List<Runnable> tasks = new ArrayList<>();
    AtomicBoolean anyOk = new AtomicBoolean();
    for (AmSet set : s.sets()) {
      if (set.targets().active().isEmpty()) {
        continue;
      }
      String payload;
      if (set.settings().apiVersion().equals("v1")) {
        payload = v1 = v1 == null ? AlertJson.v1(batch) : v1;
      } else {
        payload = v2 = v2 == null ? AlertJson.v2(batch) : v2;
      }
      for (String url : set.targets().active()) {
        tasks.add(() -> {
          try {
            var r = Delivery.post(set.client(), url, set.settings().http().authorization(), payload, set.settings().timeout());
            if (r.ok()) {
              anyOk.set(true);
            } else {
              log.error("Error sending {} alerts to Alertmanager {} ({} attempts): {}", batch.size(), url, r.attempts(), r.error());
              metrics.errors.labelValues(url).inc();
            }
          } catch (InterruptedException e) {
            metrics.errors.labelValues(url).inc();
          }
          metrics.latency.labelValues(url).observe((System.nanoTime() - begin) / 1e9);
          metrics.sent.labelValues(url).inc(batch.size());
        });
      }
    }
    try (ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
      tasks.forEach(ex::execute);
    } // waits for every task; when interrupted, interrupts them and still waits
    if (Thread.currentThread().isInterrupted()) {
      throw new InterruptedException("notifier closed while sending");
    }
    return anyOk.get();
  }

  /**
   * Stops: alerts still queued are sent for at most the drain timeout (5 s), then whatever is left
   * (queued or in flight) is dropped and counted. Idempotent.
   */
  @Override
  public void close() throws InterruptedException {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    synchronized (lock) {
      closing = true;
      lock.notifyAll();
    }
    if (!sender.join(drainTimeout)) {
      sender.interrupt();
      sender.join();
    }
    synchronized (lock) {
      int left = queue.clear();
      if (left > 0) {
        log.warn("notifier stopped with {} alerts unsent; dropping them", left);
        metrics.dropped.inc(left);
      }
    }
    state.sets().forEach(s -> s.client().shutdown());
  }
}
