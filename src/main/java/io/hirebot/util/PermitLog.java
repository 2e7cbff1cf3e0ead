package io.hirebot.util;

import java.util.function.LongSupplier;

/**
 * At most {@code permits} permits in any window of {@code windowNanos}, kept exactly: the time of each permit still
 * in the window (or booked ahead) is remembered, so the whole allowance is usable at once and the next permit comes
 * when the oldest leaves the window. Not thread-safe: its owner ({@link CeiledBucket}) locks.
 */
final class PermitLog {
  private final int permits;
  private final long windowNanos;
  private final LongSupplier nanoClock;
  /** Permit times, oldest first, in a ring: {@code times[(head + i) % times.length]} for {@code i < size}. */
  private long[] times;
  private int head;
  private int size;

  PermitLog(int permits, long windowNanos, LongSupplier nanoClock) {
    if (permits < 1 || windowNanos < 1) {
      throw new IllegalArgumentException("permits and window must be positive: " + permits + "/" + windowNanos);
    }
    this.permits = permits;
    this.windowNanos = windowNanos;
    this.nanoClock = nanoClock;
    this.times = new long[(int) Math.min(permits + 1L, 1024)];
  }

  /**
   * Books one permit for no sooner than {@code afterNanos} from now and as soon as the window allows after that; the
   * nanoseconds from now until it may be used.
   */
  long reserveAfter(long afterNanos) {
    long now = nanoClock.getAsLong();
    forgetBefore(now);
    long at = Math.max(now + Math.max(0, afterNanos), size == 0 ? now : get(size - 1));
    if (size >= permits) {
      at = Math.max(at, get(size - permits) + windowNanos);
    }
    add(at);
    return at - now;
  }

  /**
   * Nanoseconds until {@code free} permits would be free now (0 if they are); books nothing. More than the whole
   * allowance is never free: the answer is then a window's wait.
   */
  long waitFor(int free) {
    long now = nanoClock.getAsLong();
    forgetBefore(now);
    int over = size + free - permits;
    if (over <= 0) {
      return 0;
    }
    return over > size ? windowNanos : Math.max(1, get(over - 1) + windowNanos - now);
  }

  private void forgetBefore(long now) {
    // Differences, not sums: nanoTime's origin is arbitrary and a sum may overflow where a difference does not.
    while (size > 0 && now - get(0) >= windowNanos) {
      head = (head + 1) % times.length;
      size--;
    }
  }

  private long get(int i) {
    return times[(head + i) % times.length];
  }

  private void add(long at) {
    if (size == times.length) {
      long[] larger = new long[times.length * 2];
      for (int i = 0; i < size; i++) {
        larger[i] = get(i);
      }
      times = larger;
      head = 0;
    }
    times[(head + size) % times.length] = at;
    size++;
  }
}
