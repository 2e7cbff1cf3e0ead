package io.hirebot.util;

import io.vertx.core.Future;
import java.util.function.LongSupplier;

/**
 * A per-second token bucket under a {@link RateBudget.Ceiling} per minute, as one budget of this process: a permit
 * is taken from both or from neither, and bulk takers leave the ceiling's reserve to interactive ones.
 */
public final class CeiledBucket implements RateBudget {
  private final TokenBucket second;
  private final TokenBucket minute;
  private final double bulkFloor;

  public CeiledBucket(double permitsPerSecond, int burst, Ceiling perMinute, LongSupplier nanoClock) {
    this.second = new TokenBucket(permitsPerSecond, burst, nanoClock);
    this.minute = new TokenBucket(perMinute.perSecond(), Math.max(1, (int) perMinute.capacity()), nanoClock);
    this.bulkFloor = 1 + perMinute.reserve();
  }

  /** Books a permit in both buckets (borrowing if need be): the wait is the longer of the two. */
  public synchronized long reserveNanos() {
    return Math.max(second.reserve(), minute.reserve());
  }

  /** Takes a permit only if both buckets have one free now, the minute's above the reserve; else the wait. */
  public synchronized long takeOrWaitNanos() {
    long wait = Math.max(second.waitFor(1), minute.waitFor(bulkFloor));
    if (wait == 0) {
      second.reserve();
      minute.reserve();
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
