package io.hirebot.schedule;

import java.time.Duration;

/**
 * A routine that runs every period, the first time one period after start: a bot that just started has more urgent
 * reads to make, and what such a routine sends (reminders, nudges) loses nothing by waiting one period. Its failures
 * are logged by the {@link Scheduler}, once, with the routine's name.
 */
public abstract class DeferredRoutine implements Routine {
  private final String name;
  private final Duration period;

  protected DeferredRoutine(String name, Duration period) {
    this.name = name;
    this.period = period;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final Duration period() {
    return period;
  }

  @Override
  public final Duration initialDelay() {
    return period;
  }
}
