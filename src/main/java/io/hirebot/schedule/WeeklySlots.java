package io.hirebot.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.Set;

/**
 * The instants of a repeating local time ("weekdays at 18:00 in Europe/Berlin"), computed explicitly in the
 * given zone. On a spring-forward day a time in the gap fires at the same instant as the first valid local
 * time after it; on a fall-back day a repeated time fires once, at its first occurrence. Pure.
 */
public record WeeklySlots(Set<DayOfWeek> days, LocalTime time, ZoneId zone) {
  /** A week and a day: far enough back to meet any non-empty set of days. */
  private static final int SEARCH_DAYS = 8;

  public WeeklySlots {
    if (days.isEmpty()) {
      throw new IllegalArgumentException("no days");
    }
    days = Set.copyOf(days);
  }

  /** The latest slot at or before {@code t}. */
  public Instant latestAtOrBefore(Instant t) {
    LocalDate date = t.atZone(zone).toLocalDate();
    for (int i = 0; i <= SEARCH_DAYS; i++) {
      Optional<Instant> slot = slotOn(date.minusDays(i));
      if (slot.isPresent() && !slot.get().isAfter(t)) {
        return slot.get();
      }
    }
    throw new IllegalStateException("no slot within " + SEARCH_DAYS + " days before " + t);
  }

  /** The first slot strictly after {@code t}. */
  public Instant nextAfter(Instant t) {
    LocalDate date = t.atZone(zone).toLocalDate().minusDays(1);
    for (int i = 0; i <= SEARCH_DAYS + 1; i++) {
      Optional<Instant> slot = slotOn(date.plusDays(i));
      if (slot.isPresent() && slot.get().isAfter(t)) {
        return slot.get();
      }
    }
    throw new IllegalStateException("no slot within " + SEARCH_DAYS + " days after " + t);
  }

  private Optional<Instant> slotOn(LocalDate date) {
    if (!days.contains(date.getDayOfWeek())) {
      return Optional.empty();
    }
    // ZonedDateTime.of resolves gaps forward and overlaps to the earlier offset, as documented above.
    return Optional.of(ZonedDateTime.of(date, time, zone).toInstant());
  }
}
