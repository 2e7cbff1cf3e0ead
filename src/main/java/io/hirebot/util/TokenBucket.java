package io.hirebot.util;

import java.util.function.LongSupplier;

/**
 * A token bucket that never blocks: {@link #reserve()} books the next permit and says how long the
 * caller must wait before using it, so callers wait with a timer instead of a sleeping thread.
 */
public final class TokenBucket {
  private final double permitsPerNano;
  private final double capacity;
  private final LongSupplier nanoClock;
  private double available;
  private long lastRefill;

  /**
   * @param permitsPerSecond sustained rate
   * @param burst how many permits may be used at once after a quiet period
   */
  public TokenBucket(double permitsPerSecond, int burst, LongSupplier nanoClock) {
    if (permitsPerSecond <= 0 || burst < 1) {
      throw new IllegalArgumentException("rate and burst must be positive: " + permitsPerSecond + "/" + burst);
    }
    this.permitsPerNano = permitsPerSecond / 1_000_000_000d;
    this.capacity = burst;
    this.nanoClock = nanoClock;
    this.available = burst;
    this.lastRefill = nanoClock.getAsLong();
  }

  public TokenBucket(double permitsPerSecond, int burst) {
    this(permitsPerSecond, burst, System::nanoTime);
  }

  /** Takes one permit (possibly borrowed from the future) and returns the wait in nanoseconds, 0 if none. */
  public synchronized long reserve() {
    refill();
    available -= 1;
    return available >= 0 ? 0 : (long) Math.ceil(-available / permitsPerNano);
  }

  /** Takes one permit only if one is available now; never borrows. */
  public synchronized boolean tryAcquire() {
    refill();
    if (available < 1) {
      return false;
    }
    available -= 1;
    return true;
  }

  /**
   * Takes one permit only if one is available now (like {@link #tryAcquire()}), and otherwise says how long
   * until one will be, without booking it: 0 when taken, else the nanoseconds to wait before asking again.
   */
  public synchronized long takeOrWait() {
    refill();
    if (available >= 1) {
      available -= 1;
      return 0;
    }
    return Math.max(1, (long) Math.ceil((1 - available) / permitsPerNano));
  }

  private void refill() {
    long now = nanoClock.getAsLong();
    available = Math.min(capacity, available + (now - lastRefill) * permitsPerNano);
    lastRefill = now;
  }

  /** Pushes the bucket back after the server said "too many requests": nothing is granted for {@code nanos}. */
  public synchronized void penalize(long nanos) {
    long now = nanoClock.getAsLong();
    available = Math.min(available, 0) - nanos * permitsPerNano;
    lastRefill = now;
  }
}
