package io.hirebot.sandbox;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** Token buckets per endpoint key, refilled on the config clock; each bucket holds one second's worth; thread-safe. */
final class RateLimiter {

  private static final class Bucket {
    double tokens;
    long lastMillis;
    int rate;
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

  /** Takes one token from the bucket {@code key} whose limit is looked up as {@code endpoint}. */
  synchronized Decision acquire(String endpoint, String key, int defaultPerSecond) {
    if (!faults.rateLimitsEnabled()) {
      return new Decision(true, 0, 0);
    }
    int rate = faults.rateFor(endpoint, defaultPerSecond);
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
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return new Decision(true, rate, 0);
    }
    double waitMillis = (1 - b.tokens) * 1000.0 / Math.max(1, rate);
    return new Decision(false, rate, Math.max(1, (long) Math.ceil(waitMillis / 1000.0)));
  }

  synchronized void reset() {
    buckets.clear();
  }
}
