package io.hirebot.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Counts the bot's HTTP requests by route and status code ({@code hirebot_http_requests_total{route,code}}) and times
 * them by route ({@code hirebot_http_response_time_seconds{route}}), in place of Vert.x's HTTP server metrics, which
 * took a tenth of an event loop's intake time (tags built, meters looked up and a status code formatted per request).
 * Every meter is resolved once: the timers when built, each (route, code) counter on its first request. Routes are the
 * known paths plus {@link #OTHER}, codes are HTTP's (100–599, anything else {@link #OTHER}), so a sender cannot add tag
 * values by inventing paths. Thread-safe.
 */
public final class RequestMeters {
  static final String REQUESTS = "hirebot.http.requests";
  static final String RESPONSE_TIME = "hirebot.http.response.time";
  /** The route tag of every path that is none of the known ones. */
  static final String OTHER = "other";
  private static final int FIRST_CODE = 100;
  private static final int CODES = 500;

  private final MeterRegistry registry;
  private final List<String> routes;
  private final Timer[] timers;
  /** Per route, the counters by status code, created on first use. */
  private final AtomicReferenceArray<Counter>[] counters;

  /** @param routes the known paths; any other path is counted as {@link #OTHER} */
  @SuppressWarnings("unchecked")
  RequestMeters(MeterRegistry registry, List<String> routes) {
    this.registry = registry;
    this.routes = List.copyOf(routes);
    int n = this.routes.size() + 1;
    timers = new Timer[n];
    counters = new AtomicReferenceArray[n];
    for (int i = 0; i < n; i++) {
      timers[i] = Timer.builder(RESPONSE_TIME).tag("route", route(i)).register(registry);
      counters[i] = new AtomicReferenceArray<>(CODES + 1);
    }
  }

  /** The index of {@code path}'s route: a known path's, else {@link #OTHER}'s. */
  int route(String path) {
    int i = routes.indexOf(path);
    return i < 0 ? routes.size() : i;
  }

  /** A request to route {@code route} (from {@link #route(String)}) begun at {@code startNanos} answered {@code code}. */
  void record(int route, int code, long startNanos) {
    timers[route].record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    counter(route, code).increment();
  }

  private Counter counter(int route, int code) {
    boolean valid = code >= FIRST_CODE && code < FIRST_CODE + CODES;
    int slot = valid ? code - FIRST_CODE : CODES;
    Counter counter = counters[route].get(slot);
    if (counter == null) {
      // Two threads racing here get the registry's one counter for the id.
      counter = Counter.builder(REQUESTS).tag("route", route(route)).tag("code", valid ? String.valueOf(code) : OTHER)
          .register(registry);
      counters[route].set(slot, counter);
    }
    return counter;
  }

  private String route(int index) {
    return index < routes.size() ? routes.get(index) : OTHER;
  }
}
