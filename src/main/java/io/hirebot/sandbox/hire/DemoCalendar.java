package io.hirebot.sandbox.hire;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Set;

/**
 * The demo tenant's week, from the clock in the configured zone, so that the demo looks like a real week whatever day
 * it runs: interviews on working days in office hours (half-hour slots from 09:00 to 16:30, an hour long), joins on a
 * working-day morning, never after now. Pure.
 */
final class DemoCalendar {
  private static final LocalTime FIRST_SLOT = LocalTime.of(9, 0);
  /** Half-hour slots a day: 09:00 to 16:30, so an interview of an hour ends by 17:30. */
  private static final int SLOTS = 16;
  /** Steps through the slots so that neighbouring numbers land hours apart (coprime to {@link #SLOTS}). */
  private static final int STRIDE = 7;
  private static final LocalTime JOIN_TIME = LocalTime.of(9, 30);
  private static final long MINUTE = Duration.ofMinutes(1).toMillis();
  private static final long HOUR = Duration.ofHours(1).toMillis();

  final ZoneId zone;
  final long now;
  final LocalDate today;

  DemoCalendar(Clock clock, ZoneId zone) {
    this.zone = zone;
    this.now = clock.millis();
    this.today = clock.instant().atZone(zone).toLocalDate();
  }

  /** This week's Monday. */
  LocalDate monday() {
    return today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }

  static boolean workday(LocalDate day) {
    return day.getDayOfWeek().getValue() <= DayOfWeek.FRIDAY.getValue();
  }

  /** {@code day}, or the Monday after it when it falls on a weekend. */
  static LocalDate workdayFrom(LocalDate day) {
    LocalDate d = day;
    while (!workday(d)) {
      d = d.plusDays(1);
    }
    return d;
  }

  /** The last working day before {@code day}. */
  static LocalDate workdayBefore(LocalDate day) {
    LocalDate d = day.minusDays(1);
    while (!workday(d)) {
      d = d.minusDays(1);
    }
    return d;
  }

  /** {@code n} working days after {@code day}. */
  static LocalDate workdaysAfter(LocalDate day, int n) {
    LocalDate d = day;
    for (int i = 0; i < n; i++) {
      d = workdayFrom(d.plusDays(1));
    }
    return d;
  }

  /**
   * Slot {@code n} (any number: numbers spread over the day) of {@code day} in epoch ms, or the next one round the day
   * that {@code taken} has not: no two interviews at one moment while the day has room.
   */
  long slot(LocalDate day, int n, Set<Long> taken) {
    for (int i = 0; i < SLOTS; i++) {
      long t = slot(day, n + i);
      if (!taken.contains(t)) {
        return t;
      }
    }
    return slot(day, n);
  }

  /**
   * A free slot (from {@code n}) on the first working day from {@code preferred} whose interview (an hour) is over by
   * {@code limit}, moving back a working day at a time when there is none: an interview of the past.
   */
  long slotBefore(long limit, LocalDate preferred, int n, Set<Long> taken) {
    for (LocalDate day = workdayFrom(preferred); ; day = workdayBefore(day)) {
      for (int i = 0; i < SLOTS; i++) {
        long t = slot(day, n + i);
        if (t + HOUR <= limit && !taken.contains(t)) {
          return t;
        }
      }
    }
  }

  private long slot(LocalDate day, int n) {
    int half = Math.floorMod(n * STRIDE, SLOTS);
    return at(day, FIRST_SLOT.plusMinutes(30L * half));
  }

  /**
   * When hire {@code n} joined, in turn: this week, last week, or two to three weeks ago; on a working-day morning,
   * and never after now (early on a Monday, this week's hire joined at midnight).
   */
  long joined(int n) {
    LocalDate day = switch (n % 3) {
      case 0 -> monday().plusDays((n / 3) % 3);
      case 1 -> monday().minusWeeks(1).plusDays(n % 5);
      default -> monday().minusWeeks(2 + (n / 3) % 2).plusDays(n % 5);
    };
    if (day.isAfter(today)) {
      day = today;
    }
    long morning = at(day, JOIN_TIME);
    return morning <= now ? morning : Math.max(day.atStartOfDay(zone).toInstant().toEpochMilli(), now - MINUTE);
  }

  /**
   * The planned start of accepted offer {@code n} not yet joined, in turn: a working day left this week (or, when none
   * is left or for every fourth of them, the last one passed: someone late), next week, or in about three weeks.
   */
  LocalDate start(int n) {
    LocalDate nextMonday = monday().plusWeeks(1);
    return switch (n % 3) {
      case 0 -> {
        LocalDate left = workdayFrom(today.plusDays((n / 3) % 2));
        yield n % 4 == 3 || !left.isBefore(nextMonday) ? workdayBefore(today) : left;
      }
      case 1 -> nextMonday.plusDays(n % 5);
      default -> workdayFrom(today.plusDays(21));
    };
  }

  long at(LocalDate day, LocalTime time) {
    return day.atTime(time).atZone(zone).toInstant().toEpochMilli();
  }
}
