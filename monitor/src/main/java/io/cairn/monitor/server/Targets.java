package io.cairn.monitor.server;

import io.cairn.monitor.config.ConfigException;
import io.cairn.monitor.config.FileSdConfig;
import io.cairn.monitor.config.HttpSdConfig;
import io.cairn.monitor.config.PromConfig;
import io.cairn.monitor.config.ScrapeConfig;
import io.cairn.monitor.discovery.Discoverer;
import io.cairn.monitor.discovery.FileDiscoverer;
import io.cairn.monitor.discovery.HttpDiscoverer;
import io.cairn.monitor.discovery.StaticDiscoverer;
import io.cairn.monitor.discovery.TargetGroup;
import io.cairn.monitor.relabel.Relabel;
import io.cairn.monitor.scrape.DroppedTarget;
import io.cairn.monitor.scrape.ScrapeManager;
import io.cairn.monitor.scrape.ScrapeSettings;
import io.cairn.monitor.scrape.ScrapeTarget;
import io.cairn.monitor.scrape.TargetLabels;
import io.cairn.tsdb.model.Labels;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The glue between configuration, discovery and scraping: builds each job's discoverers from its
 * {@code *_sd_configs}, and turns discovered groups into scrape targets ({@code relabel_configs},
 * Prometheus's {@code PopulateLabels}) that the {@link ScrapeManager} runs.
 *
 * <p>{@link #accept} runs on the discovery manager's thread; {@link #use} swaps the configuration
 * atomically (a reload), after which the next {@code accept} applies it.
 */
final class Targets implements Consumer<Map<String, List<TargetGroup>>> {
  private static final Logger log = LoggerFactory.getLogger(Targets.class);

  /** One job's configuration as the glue needs it, computed once per (re)load. */
  record Job(ScrapeConfig config, ScrapeSettings settings, TargetLabels.Defaults defaults) {}

  private final ScrapeManager scrapes;
  private volatile Map<String, Job> jobs = Map.of();

  Targets(ScrapeManager scrapes) {
    this.scrapes = scrapes;
  }

  /**
   * Prepares a configuration: the jobs' settings (reading secret files) and discoverers.
   *
   * @throws ConfigException if a secret file cannot be read
   */
  static Map<String, Job> jobs(PromConfig config) throws ConfigException {
    Map<String, Job> out = new LinkedHashMap<>();
    for (ScrapeConfig sc : config.scrapeConfigs()) {
      out.put(sc.jobName(), new Job(sc, JobSettings.settings(sc), JobSettings.defaults(sc)));
    }
    return out;
  }

  /** The discoverers of every job, in the order of its {@code *_sd_configs}. */
  static Map<String, List<Discoverer>> discoverers(Map<String, Job> jobs, KvDiscovery kv) {
    Map<String, List<Discoverer>> out = new LinkedHashMap<>();
    jobs.forEach((name, job) -> {
      ScrapeConfig sc = job.config();
      List<Discoverer> ds = new ArrayList<>();
      if (!sc.staticConfigs().isEmpty()) {
        List<TargetGroup> groups = new ArrayList<>();
        for (int i = 0; i < sc.staticConfigs().size(); i++) {
          var g = sc.staticConfigs().get(i);
          groups.add(TargetGroup.of(Integer.toString(i), g.targets(), g.labels()));
        }
        ds.add(new StaticDiscoverer(groups));
      }
      for (FileSdConfig f : sc.fileSdConfigs()) {
        ds.add(new FileDiscoverer(f.files(), f.refreshInterval().toDuration()));
      }
      for (HttpSdConfig h : sc.httpSdConfigs()) {
        ds.add(new HttpDiscoverer(URI.create(h.url()), h.refreshInterval().toDuration(), Duration.ofSeconds(30)));
      }
      sc.kvSdConfigs().forEach(k -> ds.add(kv.discoverer(k)));
      out.put(name, ds);
    });
    return out;
  }

  void use(Map<String, Job> next) {
    jobs = Map.copyOf(next);
  }

  @Override
  public void accept(Map<String, List<TargetGroup>> groupsByJob) {
    Map<String, Job> current = jobs;
    try {
      for (String running : scrapes.jobs()) {
        if (!current.containsKey(running)) {
          scrapes.removeJob(running);
        }
      }
      for (var e : current.entrySet()) {
        sync(e.getKey(), e.getValue(), groupsByJob.getOrDefault(e.getKey(), List.of()));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void sync(String name, Job job, List<TargetGroup> groups) throws InterruptedException {
    List<ScrapeTarget> active = new ArrayList<>();
    List<DroppedTarget> dropped = new ArrayList<>();
    var relabels = job.config().relabelConfigs();
    for (TargetGroup g : groups) {
      for (Labels discovered : g.targetLabels()) {
        switch (TargetLabels.populate(discovered, job.defaults(), l -> Relabel.process(l, relabels))) {
          case TargetLabels.Kept k -> active.add(k.toTarget(job.settings()));
          case TargetLabels.Dropped d -> dropped.add(new DroppedTarget(d.discoveredLabels()));
          case TargetLabels.Failed f -> log.warn("job {}: dropping target {}: {}", name, f.discoveredLabels(), f.error());
        }
      }
    }
    long limit = job.config().targetLimit();
    if (limit > 0 && active.size() > limit) {
      log.error("job {}: {} targets exceed target_limit {}; scraping none of them", name, active.size(), limit);
      active.clear();
    }
    scrapes.sync(name, active, dropped);
  }
}
