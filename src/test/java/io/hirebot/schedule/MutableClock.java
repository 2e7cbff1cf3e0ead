package io.hirebot.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock tests move by hand: schedules are driven by jumping the time, never by waiting for it. Between
 * jumps it runs with the system clock, so rate limiters and timeouts that read it keep working. Its views in other
 * zones ({@link #withZone}) move with it: "today" in Shanghai is read from one of them, and a view that kept UTC made
 * tests of "today" fail every day from 16:00 UTC.
 */
public final class MutableClock extends Clock {
  private final AtomicReference<Duration> offset;
  private final ZoneId zone;

  private MutableClock(AtomicReference<Duration> offset, ZoneId zone) {
    this.offset = offset;
    this.zone = zone;
  }

  public static MutableClock atNow() {
    return new MutableClock(new AtomicReference<>(Duration.ZERO), ZoneOffset.UTC);
  }

  /**
   * A clock at 15:00 in {@code zone} of today, or of the Friday before when today is a weekend: for tests whose
   * demo data must look like a working day (interviews today, a day's new activity) whenever they run. Started at the
   * wall clock, DigestTest and TasksTest failed each night from 00:00 to about 09:30 Shanghai and at weekends.
   */
  public static MutableClock atWorkdayAfternoon(ZoneId zone) {
    java.time.LocalDate day = Instant.now().atZone(zone).toLocalDate();
    while (day.getDayOfWeek().getValue() > java.time.DayOfWeek.FRIDAY.getValue()) {
      day = day.minusDays(1);
    }
    return at(day.atTime(15, 0).atZone(zone).toInstant());
  }

  /** A clock that reads {@code at} now, and runs on from there. */
  public static MutableClock at(Instant at) {
    return new MutableClock(new AtomicReference<>(Duration.between(Instant.now(), at)), ZoneOffset.UTC);
  }

  public void advance(Duration by) {
    offset.updateAndGet(o -> o.plus(by));
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(offset.get());
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  /** The same clock, moved by the same {@link #advance} calls, read in {@code zone}. */
  @Override
  public MutableClock withZone(ZoneId zone) {
    return zone.equals(this.zone) ? this : new MutableClock(offset, zone);
  }
}
