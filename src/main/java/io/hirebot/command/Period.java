package io.hirebot.command;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * A span of days named in plain words ("today", "last week", "本周"), resolved against a given "today"
 * so that parsing stays pure and the time zone is the caller's choice. Weeks start on Monday.
 */
public enum Period {
  TODAY, TOMORROW, YESTERDAY, THIS_WEEK, NEXT_WEEK, LAST_WEEK, THIS_MONTH, LAST_MONTH,
  /** The default of "interviews": today and the six days after it. */
  UPCOMING;

  private static final int UPCOMING_DAYS = 7;

  /** The first day of the span. */
  public LocalDate start(LocalDate today) {
    LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    switch (this) {
      case TOMORROW: return today.plusDays(1);
      case YESTERDAY: return today.minusDays(1);
      case THIS_WEEK: return monday;
      case NEXT_WEEK: return monday.plusWeeks(1);
      case LAST_WEEK: return monday.minusWeeks(1);
      case THIS_MONTH: return today.withDayOfMonth(1);
      case LAST_MONTH: return today.minusMonths(1).withDayOfMonth(1);
      default: return today;
    }
  }

  /** The day after the span's last day. */
  public LocalDate endExclusive(LocalDate today) {
    LocalDate start = start(today);
    switch (this) {
      case THIS_WEEK: case NEXT_WEEK: case LAST_WEEK: return start.plusWeeks(1);
      case THIS_MONTH: case LAST_MONTH: return start.plusMonths(1);
      case UPCOMING: return start.plusDays(UPCOMING_DAYS);
      default: return start.plusDays(1);
    }
  }
}
