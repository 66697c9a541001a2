package io.cairn.common.lifecycle;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Services started in the order given and stopped in reverse. If one fails to start, those already
 * started are stopped and the failure is rethrown, so a group is either fully up or fully down.
 * Thread-safe: {@link #stop()} may race with {@link #isReady()} from the admin endpoint.
 */
public final class ServiceGroup {
  private static final Logger log = LoggerFactory.getLogger(ServiceGroup.class);

  private final List<Service> services;
  private final List<Service> started = new ArrayList<>();

  public ServiceGroup(List<Service> services) {
    this.services = List.copyOf(services);
  }

  public List<Service> services() {
    return services;
  }

  public synchronized void start() throws Exception {
    for (Service s : services) {
      try {
        s.start();
        started.add(s);
        log.debug("started {}", s.name());
      } catch (Exception | Error e) {
        stop();
        throw e;
      }
    }
  }

  /** Names of services that are not ready; empty when all are. */
  public List<String> notReady() {
    List<String> names = new ArrayList<>();
    for (Service s : services) {
      if (!s.isReady()) {
        names.add(s.name());
      }
    }
    return names;
  }

  public List<Endpoint> endpoints() {
    List<Endpoint> all = new ArrayList<>();
    services.forEach(s -> all.addAll(s.endpoints()));
    return all;
  }

  /** Stops started services in reverse order; a failure in one does not keep the others running. */
  public synchronized void stop() {
    for (int i = started.size() - 1; i >= 0; i--) {
      Service s = started.get(i);
      long begin = System.nanoTime();
      log.info("stopping {}", s.name()); // so that a stop that hangs names its service
      try {
        s.stop();
        log.info("{} stopped ({} ms)", s.name(), (System.nanoTime() - begin) / 1_000_000);
      } catch (RuntimeException e) {
        log.warn("stopping {} failed", s.name(), e);
      }
    }
    started.clear();
  }
}
