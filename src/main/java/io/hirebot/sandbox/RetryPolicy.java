package io.hirebot.sandbox;

import java.time.Duration;
import java.util.List;

/**
 * Feishu's event re-push schedule (15 s, 5 min, 1 h, 6 h after a non-200 or a > 3 s answer), divided by
 * {@code compression} so tests can run it; card callbacks are never retried.
 */
public record RetryPolicy(boolean enabled, double compression) {

  public static final List<Duration> SCHEDULE = List.of(Duration.ofSeconds(15), Duration.ofMinutes(5),
      Duration.ofHours(1), Duration.ofHours(6));

  public static final RetryPolicy OFF = new RetryPolicy(false, 1);

  /** The real schedule. */
  public static RetryPolicy feishu() {
    return new RetryPolicy(true, 1);
  }

  /** The schedule divided by {@code factor} (e.g. 1000: 15 ms, 300 ms, 3.6 s, 21.6 s). */
  public static RetryPolicy compressed(double factor) {
    return new RetryPolicy(true, factor);
  }

  long delayMillis(int retry) {
    return Math.max(1, (long) (SCHEDULE.get(retry).toMillis() / compression));
  }
}
