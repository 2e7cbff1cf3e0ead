package io.hirebot.command;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;

/**
 * A span of days named in plain words ("today", "last week", "本周"), resolved against a given "today"
 * so that parsing stays pure and the time zone is the caller's choice. Weeks start on Monday; "last week" and
 * "last month" are the previous calendar week and month, "past week" and "past month" the days up to today.
 */
public enum Period {
  TODAY, TOMORROW, YESTERDAY, THIS_WEEK, NEXT_WEEK, LAST_WEEK, THIS_MONTH, LAST_MONTH,
  /** "past week", "最近一周": today and the six days before it. */
  PAST_WEEK,
  /** "past month", "最近一个月": the month up to today. */
  PAST_MONTH,
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
      case PAST_WEEK: return today.minusDays(UPCOMING_DAYS - 1);
      case PAST_MONTH: return today.minusMonths(1).plusDays(1);
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
      case PAST_WEEK: case PAST_MONTH: return today.plusDays(1);
      default: return start.plusDays(1);
    }
  }

  /**
   * The day after the span's last day when that day is over ("yesterday", "last week"), else empty: a span that
   * reaches today runs to now. What a date filter needs, so that "last week" stops at Sunday.
   */
  public Optional<LocalDate> endIfOver(LocalDate today) {
    LocalDate end = endExclusive(today);
    return end.isAfter(today) ? Optional.empty() : Optional.of(end);
  }
}
