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
    return waitUntilPositive(available);
  }

  /**
   * Takes one permit only if it can be used within {@code maxWaitNanos}, and returns the wait; otherwise books
   * nothing and returns the (longer) wait the permit would need, negated.
   */
  public synchronized long reserve(long maxWaitNanos) {
    refill();
    long wait = waitUntilPositive(available - 1);
    if (wait > maxWaitNanos) {
      return -wait;
    }
    available -= 1;
    return wait;
  }

  /** Nanoseconds until at least {@code permits} are available, 0 if they are now; books nothing. */
  public synchronized long waitFor(double permits) {
    refill();
    return permits <= available ? 0 : Math.max(1, (long) Math.ceil((permits - available) / permitsPerNano));
  }

  private long waitUntilPositive(double permits) {
    return permits >= 0 ? 0 : (long) Math.ceil(-permits / permitsPerNano);
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

  /**
   * Pushes the bucket back after the server said "too many requests": nothing is granted for {@code nanos} from now.
   * Penalties overlap rather than add up: a parallel wave of refused calls all report the same reset, and the
   * server's window ends when the longest of them says, not after their sum.
   */
  public synchronized void penalize(long nanos) {
    refill();
    available = Math.min(available, -nanos * permitsPerNano);
  }
}
