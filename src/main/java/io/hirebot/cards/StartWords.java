package io.hirebot.cards;

import io.hirebot.hire.Application;
import io.hirebot.hire.Offer;
import io.hirebot.hire.Progress;
import io.hirebot.i18n.DateTexts;
import io.hirebot.i18n.Language;
import io.hirebot.i18n.Messages;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * How a person's start reads, the one wording every card uses (candidate rows, offers, profile, onboarding), as card
 * markdown: joined → the day Hire says they really joined ("✅ joined Dec 1", the employee record's onboard_time);
 * a planned start still to come → "starts Dec 23" / "计划 12月23日入职"; one passed without a join → "was to start
 * Nov 30 · ⚠️ not joined yet" / "原定 11月30日入职 · ⚠️ 尚未入职" (a bare "11月30日入职" reads as "joined Nov 30"); an
 * offer that ended (declined, withdrawn, refused, expired) or a terminated application → nothing, as its date plans
 * nothing. Pure.
 */
public final class StartWords {
  private final Messages messages;

  public StartWords(Messages messages) {
    this.messages = messages;
  }

  /** An offer's onboard_date ("YYYY-MM-DD"), if it has a readable one. */
  public static Optional<LocalDate> planned(Offer offer) {
    if (offer == null || offer.onboardDate() == null || offer.onboardDate().isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(offer.onboardDate().trim()));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * The start of {@code a} under {@code offer} (its current one; null when none) as of {@code now}, in the reader's
   * zone (the chat's); "" when there is nothing to say. A date Hire sent in another shape is shown as it came, as
   * planned.
   */
  public String of(Application a, Offer offer, ZonedDateTime now, Language lang) {
    Progress p = a.progress();
    if (p.onboarded() || p.onboardedAt() != null) {
      return p.onboardedAt() == null ? messages.get(lang, "start.joined")
          : messages.get(lang, "start.joinedOn", DateTexts.date(p.onboardedAt(), now, lang));
    }
    if (!a.active() || offer == null || offer.ended() || offer.onboardDate() == null
        || offer.onboardDate().isBlank()) {
      return "";
    }
    Optional<LocalDate> day = planned(offer);
    if (day.isEmpty()) {
      return Markdown.message(messages, lang, "start.planned", offer.onboardDate());
    }
    boolean passed = day.get().isBefore(now.toLocalDate());
    return messages.get(lang, passed ? "start.overdue" : "start.planned", DateTexts.day(day.get(), now, lang));
  }
}
