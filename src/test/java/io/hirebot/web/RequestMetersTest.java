package io.hirebot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RequestMetersTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final RequestMeters meters = new RequestMeters(registry, List.of("/webhook/event", "/healthz"));

  private double count(String route, String code) {
    Counter c = registry.find(RequestMeters.REQUESTS).tag("route", route).tag("code", code).counter();
    return c == null ? 0 : c.count();
  }

  @Test
  @DisplayName("requests are counted by route and status code, and timed by route")
  void countedByRouteAndCode() {
    long start = System.nanoTime();
    meters.record(meters.route("/webhook/event"), 200, start);
    meters.record(meters.route("/webhook/event"), 200, start);
    meters.record(meters.route("/webhook/event"), 401, start);
    meters.record(meters.route("/healthz"), 503, start);
    assertEquals(2, count("/webhook/event", "200"));
    assertEquals(1, count("/webhook/event", "401"));
    assertEquals(1, count("/healthz", "503"));
    assertEquals(0, count("/healthz", "200"));
    assertEquals(3, registry.find(RequestMeters.RESPONSE_TIME).tag("route", "/webhook/event").timer().count());
    assertEquals(1, registry.find(RequestMeters.RESPONSE_TIME).tag("route", "/healthz").timer().count());
  }

  @Test
  @DisplayName("any path that is no known route is counted as route 'other': a sender cannot add tag values")
  void unknownPathsShareOneTag() {
    for (int i = 0; i < 50; i++) {
      meters.record(meters.route("/nope/" + i), 404, System.nanoTime());
    }
    meters.record(meters.route("/WEBHOOK/EVENT"), 404, System.nanoTime());
    assertEquals(51, count(RequestMeters.OTHER, "404"));
    Set<String> routes = registry.getMeters().stream().map(Meter::getId).map(id -> id.getTag("route"))
        .collect(Collectors.toSet());
    assertEquals(Set.of("/webhook/event", "/healthz", RequestMeters.OTHER), routes);
  }

  @Test
  @DisplayName("a status code outside HTTP's range is counted as code 'other'; counters exist only once used")
  void codesOutsideTheRange() {
    assertNull(registry.find(RequestMeters.REQUESTS).counter(), "no counter before a request");
    meters.record(meters.route("/healthz"), 99, System.nanoTime());
    meters.record(meters.route("/healthz"), 600, System.nanoTime());
    assertEquals(2, count("/healthz", RequestMeters.OTHER));
    assertNotNull(registry.find(RequestMeters.RESPONSE_TIME).tag("route", RequestMeters.OTHER).timer(),
        "the timers are registered up front");
  }
}
