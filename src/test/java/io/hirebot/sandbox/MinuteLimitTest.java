package io.hirebot.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.testing.DocumentedLimits;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Feishu's "1000/min and 50/s" endpoints (IM send/reply/patch/card update and the Hire APIs whose pages say so, listed
 * in {@link DocumentedLimits}): hitting either ceiling is refused, the minute one over any 60 s (feishu-bot-protocol.md
 * §5.5).
 */
class MinuteLimitTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T02:00:00Z"));
  private final Faults faults = new Faults();
  private final RateLimiter limiter = new RateLimiter(clock, faults);

  @Test
  @DisplayName("the 1001st IM call within 60 s is refused though each second stayed under 50; reset = seconds until the window allows")
  void imMinuteCeiling() {
    // 1000 calls at 20/s: 50 s, never near the per-second limit
    for (int i = 0; i < 1000; i++) {
      assertTrue(limiter.acquire(ImRoutes.IM_ENDPOINT, ImRoutes.IM_ENDPOINT, ImRoutes.IM_APP_RATE).allowed(), "call " + i);
      clock.advance(Duration.ofMillis(50));
    }
    RateLimiter.Decision refused = limiter.acquire(ImRoutes.IM_ENDPOINT, ImRoutes.IM_ENDPOINT, ImRoutes.IM_APP_RATE);
    assertFalse(refused.allowed(), "Feishu refuses the 1001st message in a minute");
    assertEquals(1000, refused.limit());
    // the first call was at 0 s and it is now 50 s: the window frees a call at 60 s
    assertEquals(10, refused.resetSeconds());

    clock.advance(Duration.ofSeconds(9));
    assertFalse(limiter.acquire(ImRoutes.IM_ENDPOINT, ImRoutes.IM_ENDPOINT, ImRoutes.IM_APP_RATE).allowed(),
        "a sliding 60 s, not the next minute boundary");
    clock.advance(Duration.ofSeconds(1));
    assertTrue(limiter.acquire(ImRoutes.IM_ENDPOINT, ImRoutes.IM_ENDPOINT, ImRoutes.IM_APP_RATE).allowed());
  }

  @Test
  @DisplayName("the Hire endpoints documented as 1000/min & 50/s are refused after 1000 in a minute; others are not")
  void hireMinuteCeiling() {
    // Each API's "接口频率限制" as its doc page states it (docs/feishu-fidelity.md, "Rate limits").
    List<String> wrong = new ArrayList<>();
    for (DocumentedLimits.Limit api : DocumentedLimits.HIRE_APIS) {
      String route = api.route();
      // at 20/s (or the API's own lower rate), never over its per second limit: only the minute can refuse
      Duration spacing = Duration.ofMillis(Math.max(50, 1000 / api.perSecond()));
      for (int i = 0; i < 1000; i++) {
        assertTrue(limiter.acquire(route, route, api.perSecond()).allowed(), route + " call " + (i + 1));
        clock.advance(spacing);
      }
      RateLimiter.Decision next = limiter.acquire(route, route, api.perSecond());
      int ceiling = next.allowed() ? 0 : next.limit();
      if (ceiling != api.perMinute()) {
        wrong.add(route + " minute ceiling " + ceiling + "; documented " + api.perMinute() + " (" + api.doc() + ")");
      }
    }
    assertEquals(List.of(), wrong, "0: no ceiling");
  }

  @Test
  @DisplayName("a refused call does not count against the minute, and rate limits off means no minute ceiling either")
  void refusedCallsDoNotCount() {
    faults.rateLimitPerMinute(ImRoutes.IM_ENDPOINT, 3);
    for (int i = 0; i < 3; i++) {
      assertTrue(limiter.acquire(ImRoutes.IM_ENDPOINT, ImRoutes.IM_ENDPOINT, ImRoutes.IM_APP_RATE).allowed());
    }
    for (int i = 0; i < 10; i++) {
      assertFalse(limiter.acquire(ImRoutes.IM_ENDPOINT, ImRoutes.IM_ENDPOINT, ImRoutes.IM_APP_RATE).allowed());
    }
    clock.advance(Duration.ofSeconds(60));
    assertTrue(limiter.acquire(ImRoutes.IM_ENDPOINT, ImRoutes.IM_ENDPOINT, ImRoutes.IM_APP_RATE).allowed());
    faults.rateLimits(false);
    for (int i = 0; i < 10; i++) {
      assertTrue(limiter.acquire(ImRoutes.IM_ENDPOINT, ImRoutes.IM_ENDPOINT, ImRoutes.IM_APP_RATE).allowed());
    }
  }
}
