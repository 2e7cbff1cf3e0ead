package io.hirebot.i18n;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.regex.Pattern;

/**
 * Whether a card's text names a day as the English cards write it ({@link DateTexts#day}, "Dec 2", or "Dec 2, 2027" in
 * another year), and not merely as the start of another day ("Dec 25"): a plain {@code contains} made the tests that
 * say a day is absent fail on the dates whose text another day's begins with (StartDatesTest on Shanghai's Dec 4, two
 * days after Dec 2, beside a demo candidate who starts Dec 25).
 */
public final class DayMentions {
  private DayMentions() {}

  /** Whether {@code text} holds {@code before} followed by the day, the day not followed by another digit. */
  public static boolean in(String text, String before, LocalDate day) {
    // The day's short form, as of a moment in its own year: the form with the year begins with it.
    String shortForm = DateTexts.day(day, day.atStartOfDay(ZoneOffset.UTC), Language.EN);
    return Pattern.compile(Pattern.quote(before + shortForm) + "(?!\\d)").matcher(text).find();
  }
}
