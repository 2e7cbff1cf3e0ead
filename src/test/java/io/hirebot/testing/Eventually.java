package io.hirebot.testing;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** Waits for a condition another thread brings about: a wait with a generous limit, not a measurement. */
public final class Eventually {
  private Eventually() {}

  /** Whether {@code condition} held within {@code seconds} (checked every 50 ms). */
  public static boolean holds(Callable<Boolean> condition, int seconds) throws Exception {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!condition.call()) {
      if (System.nanoTime() > until) {
        return false;
      }
      Thread.sleep(50);
    }
    return true;
  }
}
