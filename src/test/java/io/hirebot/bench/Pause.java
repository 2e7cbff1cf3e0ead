package io.hirebot.bench;

/** Sleeps of the benchmark's own (main) thread, e.g. to let a rate-limit budget refill; never on an event loop. */
final class Pause {
  private Pause() {}

  static void millis(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("benchmark interrupted", e);
    }
  }
}
