package io.hirebot.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.util.EnumSet;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("WeeklySlots: digest slot maths in the chat's zone")
class WeeklySlotsTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final Set<DayOfWeek> DAILY = EnumSet.allOf(DayOfWeek.class);
  private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

  private static Instant at(String local, ZoneId zone) {
    return ZonedDateTime.of(java.time.LocalDateTime.parse(local), zone).toInstant();
  }

  @Test
  @DisplayName("daily 09:00: the slot of today once it passed, yesterday's before")
  void daily() {
    WeeklySlots s = new WeeklySlots(DAILY, LocalTime.of(9, 0), SHANGHAI);
    assertEquals(at("2026-11-25T09:00", SHANGHAI), s.latestAtOrBefore(at("2026-11-25T09:00", SHANGHAI)));
    assertEquals(at("2026-11-24T09:00", SHANGHAI), s.latestAtOrBefore(at("2026-11-25T08:59", SHANGHAI)));
    assertEquals(at("2026-11-26T09:00", SHANGHAI), s.nextAfter(at("2026-11-25T09:00", SHANGHAI)));
  }

  @Test
  @DisplayName("weekdays 18:00 skips the weekend; weekly mon 09:00 fires on Mondays only")
  void weekdaysAndWeekly() {
    WeeklySlots weekdays = new WeeklySlots(WEEKDAYS, LocalTime.of(18, 0), BERLIN);
    // Sunday 2026-11-29 → the last slot was Friday 27th; the next is Monday 30th.
    assertEquals(at("2026-11-27T18:00", BERLIN), weekdays.latestAtOrBefore(at("2026-11-29T12:00", BERLIN)));
    assertEquals(at("2026-11-30T18:00", BERLIN), weekdays.nextAfter(at("2026-11-29T12:00", BERLIN)));
    WeeklySlots weekly = new WeeklySlots(Set.of(DayOfWeek.MONDAY), LocalTime.of(9, 0), BERLIN);
    assertEquals(at("2026-11-23T09:00", BERLIN), weekly.latestAtOrBefore(at("2026-11-30T08:59", BERLIN)));
    assertEquals(at("2026-11-30T09:00", BERLIN), weekly.nextAfter(at("2026-11-23T09:00", BERLIN)));
  }

  @Test
  @DisplayName("the same local time is a different instant in another zone")
  void zones() {
    Instant now = Instant.parse("2026-11-25T07:30:00Z");
    assertEquals(Instant.parse("2026-11-25T01:00:00Z"),
        new WeeklySlots(DAILY, LocalTime.of(9, 0), SHANGHAI).latestAtOrBefore(now));
    assertEquals(Instant.parse("2026-11-24T08:00:00Z"),
        new WeeklySlots(DAILY, LocalTime.of(9, 0), BERLIN).latestAtOrBefore(now));
  }

  @Test
  @DisplayName("DST spring forward: 02:30 does not exist on 29 March 2026 in Berlin and fires at 03:30 CEST, once")
  void springForward() {
    WeeklySlots s = new WeeklySlots(DAILY, LocalTime.of(2, 30), BERLIN);
    Instant slot = s.nextAfter(Instant.parse("2026-03-28T12:00:00Z"));
    assertEquals(Instant.parse("2026-03-29T01:30:00Z"), slot);
    assertEquals(Instant.parse("2026-03-30T00:30:00Z"), s.nextAfter(slot));
    // 09:00 keeps its wall-clock time across the change: 08:00Z before, 07:00Z after.
    WeeklySlots nine = new WeeklySlots(DAILY, LocalTime.of(9, 0), BERLIN);
    assertEquals(Instant.parse("2026-03-28T08:00:00Z"), nine.nextAfter(Instant.parse("2026-03-28T00:00:00Z")));
    assertEquals(Instant.parse("2026-03-29T07:00:00Z"), nine.nextAfter(Instant.parse("2026-03-28T08:00:00Z")));
  }

  @Test
  @DisplayName("DST fall back: 02:30 happens twice on 25 October 2026 in Berlin and fires once, at the first")
  void fallBack() {
    WeeklySlots s = new WeeklySlots(DAILY, LocalTime.of(2, 30), BERLIN);
    Instant first = s.nextAfter(Instant.parse("2026-10-24T12:00:00Z"));
    assertEquals(Instant.parse("2026-10-25T00:30:00Z"), first);
    // An hour later the wall clock shows 02:30 again: no second slot that day.
    assertEquals(first, s.latestAtOrBefore(Instant.parse("2026-10-25T01:45:00Z")));
    assertEquals(Instant.parse("2026-10-26T01:30:00Z"), s.nextAfter(first));
  }
}
