package io.hirebot.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Feishu's "1000/min and 50/s" endpoints (IM send/reply/patch/card update, termination reasons, the task lists,
 * test search): hitting either ceiling is refused, the minute one over any 60 s (feishu-bot-protocol.md §5.5).
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
    String terminationReasons = "/open-apis/hire/v1/termination_reasons";
    // Docs hire-v1/application/list: "接口频率限制 1000 次/分钟、50 次/秒".
    String applications = "/open-apis/hire/v1/applications";
    String jobs = "/open-apis/hire/v1/jobs";
    for (int i = 0; i < 1000; i++) {
      assertTrue(limiter.acquire(terminationReasons, terminationReasons, Api.DEFAULT_RATE).allowed());
      assertTrue(limiter.acquire(applications, applications, Api.DEFAULT_RATE).allowed());
      assertTrue(limiter.acquire(jobs, jobs, Api.DEFAULT_RATE).allowed());
      clock.advance(Duration.ofMillis(40));
    }
    assertFalse(limiter.acquire(terminationReasons, terminationReasons, Api.DEFAULT_RATE).allowed());
    assertFalse(limiter.acquire(applications, applications, Api.DEFAULT_RATE).allowed());
    assertTrue(limiter.acquire(jobs, jobs, Api.DEFAULT_RATE).allowed(), "jobs documents no minute ceiling");
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
