package io.hirebot.schedule;

import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;

/** Work the {@link Scheduler} runs every {@link #period()}; it decides from {@code now} what is due. */
public interface Routine {
  String name();

  Duration period();

  /** How long after start the first run waits; zero runs it at once (catch-up work). */
  default Duration initialDelay() {
    return Duration.ZERO;
  }

  /** Does what is due at {@code now}; the next run starts only after this future completes. */
  Future<Void> run(Instant now);

  /**
   * The earliest time after {@code now} at which this routine will have something to send (a digest slot, a
   * reminder), if it knows; the sandbox console's clock control jumps there. Routines that only poll say nothing.
   */
  default Future<java.util.Optional<Instant>> nextDue(Instant now) {
    return Future.succeededFuture(java.util.Optional.empty());
  }

  /** A routine from a function of the time, for work that needs no class of its own. */
  static Routine every(String name, Duration period, java.util.function.Function<Instant, Future<?>> work) {
    return every(name, period, Duration.ZERO, work);
  }

  /** As above, first run after {@code initialDelay}. */
  static Routine every(String name, Duration period, Duration initialDelay,
      java.util.function.Function<Instant, Future<?>> work) {
    return new Routine() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Duration period() {
        return period;
      }

      @Override
      public Duration initialDelay() {
        return initialDelay;
      }

      @Override
      public Future<Void> run(Instant now) {
        return work.apply(now).mapEmpty();
      }
    };
  }
}
