package io.hirebot.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock running with a base clock plus an offset that only grows: in sandbox mode the bot and the emulator share
 * one, so the console's clock control can jump both to the next digest or reminder without waiting for it.
 */
public final class ShiftedClock extends Clock {

  private final Clock base;
  private final AtomicReference<Duration> offset;

  public ShiftedClock(Clock base) {
    this(base, new AtomicReference<>(Duration.ZERO));
  }

  private ShiftedClock(Clock base, AtomicReference<Duration> offset) {
    this.base = base;
    this.offset = offset;
  }

  /** Moves time forward (never back: stored times, tokens and claims must not come from the future). */
  public void advance(Duration by) {
    if (by.isNegative()) {
      throw new IllegalArgumentException("the clock only moves forward, not by " + by);
    }
    offset.accumulateAndGet(by, Duration::plus);
  }

  /** How far ahead of the base clock this one runs. */
  public Duration offset() {
    return offset.get();
  }

  @Override
  public ZoneId getZone() {
    return base.getZone();
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new ShiftedClock(base.withZone(zone), offset);
  }

  @Override
  public Instant instant() {
    return base.instant().plus(offset.get());
  }
}
