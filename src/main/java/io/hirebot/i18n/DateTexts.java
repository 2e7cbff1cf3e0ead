package io.hirebot.i18n;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates and times as cards show them, in the reader's language: in the configured zone, or (the static forms) in the
 * zone given, a chat's own. Pure.
 */
public final class DateTexts {
  private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);
  private static final DateTimeFormatter ZH_DATE = DateTimeFormatter.ofPattern("M月d日", Locale.CHINESE);
  private static final DateTimeFormatter EN_DATE_TIME = DateTimeFormatter.ofPattern("EEE MMM d HH:mm", Locale.ENGLISH);
  private static final DateTimeFormatter ZH_DATE_TIME = DateTimeFormatter.ofPattern("M月d日 EEE HH:mm", Locale.CHINESE);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  private final ZoneId zone;

  public DateTexts(ZoneId zone) {
    this.zone = zone;
  }

  public ZoneId zone() {
    return zone;
  }

  /** "Nov 16" / "11月16日"; "" for null. */
  public String date(Instant instant, Language lang) {
    return date(instant, zone, lang);
  }

  /** "Nov 16" / "11月16日" in {@code zone}; "" for null. */
  public static String date(Instant instant, ZoneId zone, Language lang) {
    return instant == null ? "" : (lang == Language.ZH ? ZH_DATE : EN_DATE).format(instant.atZone(zone));
  }

  /** "Wed Nov 25 14:00" / "11月25日 星期三 14:00"; "" for null. */
  public String dateTime(Instant instant, Language lang) {
    return dateTime(instant, zone, lang);
  }

  /**
   * The same form in another zone (a chat's own, as digests use): every card writes a moment this one way, so a
   * reader never sees "Mon 30 Nov" on one card and "Mon Nov 30" on the next.
   */
  public static String dateTime(Instant instant, ZoneId zone, Language lang) {
    return instant == null ? "" : (lang == Language.ZH ? ZH_DATE_TIME : EN_DATE_TIME).format(instant.atZone(zone));
  }

  /** A calendar day as Hire writes it ("2026-12-21", e.g. an offer's onboard_date): "Dec 21" / "12月21日"; "" for null. */
  public static String day(java.time.LocalDate day, Language lang) {
    return day == null ? "" : (lang == Language.ZH ? ZH_DATE : EN_DATE).format(day);
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
}
