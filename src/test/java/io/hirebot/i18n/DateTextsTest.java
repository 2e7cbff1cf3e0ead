package io.hirebot.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The date forms of every card: this year's dates short, another year's with their year, in the reader's zone. */
class DateTextsTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  /** Thu Dec 3 2026, 20:00 in Shanghai. */
  private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 12, 3, 20, 0, 0, 0, SHANGHAI);

  @Test
  @DisplayName("a date of this year keeps the short form: 'Mar 3' / '3月3日', 'Tue Mar 3 09:30' / '3月3日 周二 09:30'")
  void thisYearShort() {
    Instant march = ZonedDateTime.of(2026, 3, 3, 9, 30, 0, 0, SHANGHAI).toInstant();

    assertEquals("Mar 3", DateTexts.date(march, NOW, Language.EN));
    assertEquals("3月3日", DateTexts.date(march, NOW, Language.ZH));
    assertEquals("Tue Mar 3 09:30", DateTexts.dateTime(march, NOW, Language.EN));
    assertEquals("3月3日 周二 09:30", DateTexts.dateTime(march, NOW, Language.ZH));
    assertEquals("Dec 31", DateTexts.day(LocalDate.of(2026, 12, 31), NOW, Language.EN));
  }

  @Test
  @DisplayName("a date of another year says it: 0 ms is 'Jan 1, 1970' / '1970年1月1日', 2040 and the year 33658 too")
  void otherYearsDated() {
    assertEquals("Jan 1, 1970", DateTexts.date(Instant.EPOCH, NOW, Language.EN));
    assertEquals("1970年1月1日", DateTexts.date(Instant.EPOCH, NOW, Language.ZH));
    assertEquals("Thu Jan 1, 1970 08:00", DateTexts.dateTime(Instant.EPOCH, NOW, Language.EN));
    assertEquals("1970年1月1日 周四 08:00", DateTexts.dateTime(Instant.EPOCH, NOW, Language.ZH));
    Instant far = Instant.ofEpochMilli(1_000_000_000_000_000L);
    assertEquals("Fri Sep 27, 33658 09:46", DateTexts.dateTime(far, NOW, Language.EN));
    assertEquals("33658年9月27日 周五 09:46", DateTexts.dateTime(far, NOW, Language.ZH));
    assertEquals("Mar 3, 2040", DateTexts.day(LocalDate.of(2040, 3, 3), NOW, Language.EN));
    assertEquals("2040年3月3日", DateTexts.day(LocalDate.of(2040, 3, 3), NOW, Language.ZH));
    assertEquals("Jan 1, 2027", DateTexts.day(LocalDate.of(2027, 1, 1), NOW, Language.EN));
  }

  @Test
  @DisplayName("the year is the reader's: 16:30 UTC on Dec 31 is already next year in Shanghai, still this one in "
      + "Los Angeles")
  void yearInTheReadersZone() {
    Instant newYearsEve = Instant.parse("2026-12-31T16:30:00Z");
    Instant newYear = Instant.parse("2027-01-01T00:30:00Z");
    ZoneId la = ZoneId.of("America/Los_Angeles");

    assertEquals("Jan 1, 2027", DateTexts.date(newYearsEve, NOW, Language.EN));
    assertEquals("Dec 31", DateTexts.date(newYearsEve, NOW.withZoneSameInstant(la), Language.EN));
    assertEquals("Dec 31", DateTexts.date(newYear, newYear.atZone(la), Language.EN));
    assertEquals("Jan 1", DateTexts.date(newYear, newYear.atZone(SHANGHAI), Language.EN));
  }

  @Test
  @DisplayName("the configured instance reads 'this year' from its clock, in its zone")
  void instanceUsesItsClock() {
    DateTexts dates = new DateTexts(SHANGHAI, Clock.fixed(NOW.toInstant(), SHANGHAI));

    assertEquals("Thu Dec 3 20:00", dates.dateTime(NOW.toInstant(), Language.EN));
    assertEquals("Dec 3, 2025", dates.date(NOW.minusYears(1).toInstant(), Language.EN));
    assertEquals("", dates.date(null, Language.EN));
    assertEquals("", DateTexts.day(null, NOW, Language.ZH));
  }
}
