package io.hirebot.cards;

import io.hirebot.hire.Application;
import io.hirebot.i18n.Language;
import io.hirebot.i18n.Messages;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * How long an application has been in its stage, the one count and wording every card uses (candidate rows, the
 * pipeline's medians): calendar days in the bot's zone, so one who entered at 23:30 yesterday has been in it a day,
 * and a count of none reads in words ("in stage since today" / "今天进入本阶段"), never "0 d in stage". Pure.
 */
public final class StageDays {
  private StageDays() {}

  /**
   * Calendar days in {@code zone} from {@code a} entering its stage (its application, when Hire did not say) to
   * {@code now}; -1 when neither is known.
   */
  public static long of(Application a, Instant now, ZoneId zone) {
    Instant since = a.stageEnteredAt() != null ? a.stageEnteredAt() : a.appliedAt();
    return since == null ? -1
        : Math.max(0, ChronoUnit.DAYS.between(since.atZone(zone).toLocalDate(), now.atZone(zone).toLocalDate()));
  }

  /** "3 d in stage" / "本阶段 3 天"; "in stage since today" / "今天进入本阶段" for none. */
  public static String inStage(Messages messages, Language lang, long days) {
    return days == 0 ? messages.get(lang, "stage.days.today") : messages.get(lang, "stage.days", days);
  }

  /** The pipeline's "median 3 d in stage"; "median under 1 d in stage" for none. */
  public static String median(Messages messages, Language lang, long days) {
    return days == 0 ? messages.get(lang, "pipeline.median.today") : messages.get(lang, "pipeline.median", days);
  }
}
