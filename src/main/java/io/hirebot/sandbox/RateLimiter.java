package io.hirebot.sandbox;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Feishu's gateway limits per endpoint key, on the config clock; thread-safe. Every budget has a per-second token
 * bucket holding one second's worth; the endpoints Feishu documents as "1000/min and 50/s" also have a minute
 * ceiling, and a call is refused when either is reached (frequency-control doc: hitting the QPS or the QPM limit
 * triggers 429/99991400).
 *
 * <p>The minute ceiling is a sliding 60 s, not fixed clock minutes: the docs say only that
 * {@code x-ogw-ratelimit-reset} is the time until the limit "recovers" (恢复 limit 周期) and do not say where a
 * window starts, so the emulator takes the stricter reading (any 60 s, which also refuses a burst straddling a
 * minute boundary) and answers with the seconds until the oldest counted call leaves the window.
 */
final class RateLimiter {
  /**
   * The documented "1000/min & 50/s" endpoints (feishu-bot-protocol.md §5.5; the Hire APIs' doc pages, listed in
   * docs/feishu-fidelity.md "Rate limits"), by route.
   */
  static final Map<String, Integer> PER_MINUTE = Map.ofEntries(
      Map.entry(ImRoutes.IM_ENDPOINT, 1000),
      Map.entry("/open-apis/hire/v1/termination_reasons", 1000),
      // The list only: get_detail is 10/s, per application.
      Map.entry("/open-apis/hire/v1/applications", 1000),
      Map.entry("/open-apis/hire/v1/applications/:application_id/transfer_stage", 1000),
      Map.entry("/open-apis/hire/v1/offers", 1000),
      Map.entry("/open-apis/hire/v1/evaluations", 1000),
      Map.entry("/open-apis/hire/v1/employees/get_by_application", 1000),
      Map.entry("/open-apis/hire/v1/evaluation_tasks", 1000),
      Map.entry("/open-apis/hire/v1/exam_marking_tasks", 1000),
      Map.entry("/open-apis/hire/v1/interview_tasks", 1000),
      Map.entry("/open-apis/hire/v1/tests/search", 1000),
      Map.entry("/open-apis/hire/v1/talents/batch_get_id", 1000));
  private static final long MINUTE_MILLIS = 60_000;

  private static final class Bucket {
    double tokens;
    long lastMillis;
    int rate;
    /** When each call the minute ceiling counts was allowed, oldest first (empty without a ceiling). */
    final ArrayDeque<Long> minute = new ArrayDeque<>();
  }

  /** Outcome of one acquire: allowed, or refused with the limit and the seconds to wait. */
  record Decision(boolean allowed, int limit, long resetSeconds) {}

  private final Clock clock;
  private final Faults faults;
  private final Map<String, Bucket> buckets = new HashMap<>();

  RateLimiter(Clock clock, Faults faults) {
    this.clock = clock;
    this.faults = faults;
  }

  /**
   * Takes one call from the bucket {@code key} whose limits are looked up as {@code endpoint}; the minute ceiling
   * applies to the endpoint's own app-wide bucket (key = endpoint), not to extra keys such as a chat's.
   */
  synchronized Decision acquire(String endpoint, String key, int defaultPerSecond) {
    if (!faults.rateLimitsEnabled()) {
      return new Decision(true, 0, 0);
    }
    int rate = faults.rateFor(endpoint, defaultPerSecond);
    int perMinute = key.equals(endpoint) ? faults.perMinuteFor(endpoint, PER_MINUTE.getOrDefault(endpoint, 0)) : 0;
    long now = clock.millis();
    Bucket b = buckets.computeIfAbsent(key, k -> {
      Bucket nb = new Bucket();
      nb.tokens = rate;
      nb.lastMillis = now;
      nb.rate = rate;
      return nb;
    });
    if (b.rate != rate) {
      b.rate = rate;
      b.tokens = Math.min(b.tokens, rate);
    }
    b.tokens = Math.min(rate, b.tokens + (now - b.lastMillis) * rate / 1000.0);
    b.lastMillis = now;
    while (!b.minute.isEmpty() && b.minute.peekFirst() + MINUTE_MILLIS <= now) {
      b.minute.pollFirst();
    }
    if (perMinute > 0 && b.minute.size() >= perMinute) {
      // A refused call is not counted (it did nothing), so retrying after the reset is allowed.
      long freeAt = b.minute.stream().skip(b.minute.size() - perMinute).findFirst().orElse(now) + MINUTE_MILLIS;
      return new Decision(false, perMinute, Math.max(1, (freeAt - now + 999) / 1000));
    }
    if (b.tokens >= 1) {
      b.tokens -= 1;
      if (perMinute > 0) {
        b.minute.addLast(now);
      }
      return new Decision(true, rate, 0);
    }
    double waitMillis = (1 - b.tokens) * 1000.0 / Math.max(1, rate);
    return new Decision(false, rate, Math.max(1, (long) Math.ceil(waitMillis / 1000.0)));
  }

  synchronized void reset() {
    buckets.clear();
  }
}
