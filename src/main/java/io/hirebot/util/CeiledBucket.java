package io.hirebot.util;

import io.vertx.core.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A per-second token bucket under a {@link RateBudget.Ceiling} per minute, as one budget of this process: a permit
 * is taken from both or from neither, and bulk takers leave the ceiling's reserve to interactive ones. The minute is
 * a log of each permit's time ({@link PermitLog}): the whole ceiling is usable at once, and no 60 s ever holds more.
 */
public final class CeiledBucket implements RateBudget {
  private static final long MINUTE_NANOS = TimeUnit.MINUTES.toNanos(1);
  private final TokenBucket second;
  private final PermitLog minute;
  private final int bulkFloor;

  public CeiledBucket(double permitsPerSecond, int burst, Ceiling perMinute, LongSupplier nanoClock) {
    this.second = new TokenBucket(permitsPerSecond, burst, nanoClock);
    int permits = perMinute.permits();
    this.minute = new PermitLog(permits, MINUTE_NANOS, nanoClock);
    // A reserve as large as the ceiling would leave bulk nothing ever: it then takes only from an empty minute.
    this.bulkFloor = perMinute.bulkFloor();
  }

  /**
   * Books a permit in both (borrowing if need be): the wait is the longer of the two. The minute's log records the
   * permit for when the per-second wait lets it go, not before.
   */
  public synchronized long reserveNanos() {
    return minute.reserveAfter(second.reserve());
  }

  /** Takes a permit only if both have one free now, the minute's above the reserve; else the wait. */
  public synchronized long takeOrWaitNanos() {
    long wait = Math.max(second.waitFor(1), minute.waitFor(bulkFloor));
    if (wait == 0) {
      second.reserve();
      minute.reserveAfter(0);
    }
    return wait;
  }

  @Override
  public Future<Long> reserve() {
    return Future.succeededFuture(reserveNanos());
  }

  @Override
  public Future<Long> takeOrWait() {
    return Future.succeededFuture(takeOrWaitNanos());
  }

  /** Feishu's reset covers both ceilings: holding the per-second bucket holds every permit. */
  @Override
  public void penalize(long nanos) {
    second.penalize(nanos);
  }
}
