package io.hirebot.feature.reminders;

import io.hirebot.cards.SharedActions;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.cards.Cards;
import io.hirebot.cards.Markdown;
import io.hirebot.i18n.DateTexts;
import io.hirebot.i18n.Language;
import io.hirebot.i18n.Messages;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A reminder, nudge or escalation ({@code cards/reminder.json}): one card in both languages, so each recipient
 * reads it in their Feishu client's language, with a button that opens the candidate's profile.
 */
final class ReminderCard {
  /** The card's button opens this action of the profile feature (its "Profile" quick action). */
  static final String OPEN_PROFILE = SharedActions.PROFILE_OPEN;

  /** What a reminder is about: a {@code reminder.<kind>} text and title, and its colour. */
  enum Kind {
    SOON("blue"), FEEDBACK("orange"), ESCALATE("red");

    final String color;

    Kind(String color) {
      this.color = color;
    }

    String key() {
      return "reminder." + name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private final Cards cards;
  private final Messages messages;
  private final ZoneId zone;
  private final Clock clock;

  ReminderCard(Cards cards, Messages messages, ZoneId zone, Clock clock) {
    this.cards = cards;
    this.messages = messages;
    this.zone = zone;
    this.clock = clock;
  }

  /**
   * @param writer the language whose text is the card's fallback (and the profile's, when the button is clicked)
   * @param args the arguments of the kind's text, in the bundle's order; an {@link Instant} is written in each
   *     language's form ({@link DateTexts})
   */
  ObjectNode render(Kind kind, Language writer, String talentId, String talentName, Object... args) {
    ZonedDateTime now = clock.instant().atZone(zone);
    return cards.bilingual(writer, lang -> {
      ObjectNode model = cards.model();
      model.put("title", messages.get(lang, kind.key() + ".title"));
      Object[] written = java.util.Arrays.stream(args)
          .map(a -> a instanceof Instant t ? DateTexts.dateTime(t, now, lang) : a).toArray();
      model.put("text", Markdown.message(messages, lang, kind.key(), written));
      model.put("color", kind.color);
      model.put("button", messages.get(lang, "reminder.button.profile"));
      model.set("profile", cards.model().put("action", OPEN_PROFILE).put("talent_id", talentId)
          .put("name", talentName).put("page", 0).put("lang", writer.feishuLocale()));
      return cards.render("reminder", model);
    });
  }
}
