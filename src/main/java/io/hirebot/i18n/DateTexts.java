package io.hirebot.i18n;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates and times as cards show them, in the reader's language: in the configured zone, or (the static forms) in the
 * zone of the {@code now} given, a chat's own. A date in another year than {@code now}'s says its year ("Dec 25,
 * 2040" / "2040年12月25日"): without it an interview Hire dated 1970 or 2040 read as one this year. Pure.
 */
public final class DateTexts {
  private static final Forms EN = new Forms(Locale.ENGLISH, "MMM d", "MMM d, y", "EEE MMM d HH:mm",
      "EEE MMM d, y HH:mm");
  // "y", not "yyyy": a year past 9999 (10^15 ms is 33658) is written without the "+" that padded years get.
  private static final Forms ZH = new Forms(Locale.CHINESE, "M月d日", "y年M月d日", "M月d日 EEE HH:mm",
      "y年M月d日 EEE HH:mm");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  private final ZoneId zone;
  private final Clock clock;

  public DateTexts(ZoneId zone, Clock clock) {
    this.zone = zone;
    this.clock = clock;
  }

  public ZoneId zone() {
    return zone;
  }

  /** "Nov 16" / "11月16日" (with the year when not this year's); "" for null. */
  public String date(Instant instant, Language lang) {
    return date(instant, now(), lang);
  }

  /** "Nov 16" / "11月16日" in {@code now}'s zone, "Nov 16, 2025" / "2025年11月16日" in another year; "" for null. */
  public static String date(Instant instant, ZonedDateTime now, Language lang) {
    return instant == null ? "" : day(instant.atZone(now.getZone()).toLocalDate(), now, lang);
  }

  /** "Wed Nov 25 14:00" / "11月25日 周三 14:00" (with the year when not this year's); "" for null. */
  public String dateTime(Instant instant, Language lang) {
    return dateTime(instant, now(), lang);
  }

  /**
   * The same form in {@code now}'s zone (a chat's own, as digests use), "Wed Nov 25, 2025 14:00" / "2025年11月25日 周三
   * 14:00" in another year: every card writes a moment this one way, so a reader never sees "Mon 30 Nov" on one card
   * and "Mon Nov 30" on the next.
   */
  public static String dateTime(Instant instant, ZonedDateTime now, Language lang) {
    if (instant == null) {
      return "";
    }
    ZonedDateTime at = instant.atZone(now.getZone());
    return forms(lang).dateTime(at.getYear() == now.getYear()).format(at);
  }

  /**
   * A calendar day as Hire writes it ("2026-12-21", e.g. an offer's onboard_date): "Dec 21" / "12月21日", with the
   * year when not {@code now}'s; "" for null.
   */
  public static String day(LocalDate day, ZonedDateTime now, Language lang) {
    return day == null ? "" : forms(lang).date(day.getYear() == now.getYear()).format(day);
  }

  /**
   * Whether {@code instant} is before the midnight that began {@code now}'s day in {@code zone}: a time of day alone
   * ("23:58") would then read as today's, so a text about it needs the date ({@link #dateTime}).
   */
  public static boolean beforeToday(Instant instant, Instant now, ZoneId zone) {
    return instant.isBefore(now.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant());
  }

  /** "15:00"; "" for null. */
  public String time(Instant instant) {
    return time(instant, zone);
  }

  /** "15:00" in {@code zone}; "" for null. */
  public static String time(Instant instant, ZoneId zone) {
    return instant == null ? "" : TIME.format(instant.atZone(zone));
  }

  private ZonedDateTime now() {
    return clock.instant().atZone(zone);
  }

  private static Forms forms(Language lang) {
    return lang == Language.ZH ? ZH : EN;
  }

  /** One language's forms, each with and without the year. */
  private record Forms(DateTimeFormatter date, DateTimeFormatter dateYear, DateTimeFormatter dateTime,
      DateTimeFormatter dateTimeYear) {
    Forms(Locale locale, String date, String dateYear, String dateTime, String dateTimeYear) {
      this(DateTimeFormatter.ofPattern(date, locale), DateTimeFormatter.ofPattern(dateYear, locale),
          DateTimeFormatter.ofPattern(dateTime, locale), DateTimeFormatter.ofPattern(dateTimeYear, locale));
    }

    DateTimeFormatter date(boolean thisYear) {
      return thisYear ? date : dateYear;
    }

    DateTimeFormatter dateTime(boolean thisYear) {
      return thisYear ? dateTime : dateTimeYear;
    }
  }
}
