package io.hirebot.sandbox;

/**
 * The switch and the optional clock of the sandbox console (the Feishu-like web client at {@code /sandbox}): its
 * routes answer 404 until the composition root enables it, which it does only when the bot runs against this
 * emulator (sandbox mode, no real credentials); the clock control works once a {@link ShiftedClock} shared with the
 * bot and the bot's {@link BotSchedule} are given. Thread-safe.
 */
public final class Console {

  private volatile boolean enabled;
  private volatile ShiftedClock clock;
  private volatile BotSchedule schedule;

  /** Serves the console from now on. */
  public void enable() {
    enabled = true;
  }

  /** Lets the console move {@code clock} (the bot's and this emulator's) and run the bot's routines. */
  public void clock(ShiftedClock sharedClock, BotSchedule botSchedule) {
    this.clock = sharedClock;
    this.schedule = botSchedule;
  }

  public boolean enabled() {
    return enabled;
  }

  ShiftedClock shiftedClock() {
    return clock;
  }

  BotSchedule schedule() {
    return schedule;
  }
}
