package io.hirebot.feature.subscriptions;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.bot.Reply;
import io.hirebot.cards.Cards;
import io.hirebot.cards.SharedActions;
import io.hirebot.i18n.Language;
import io.hirebot.i18n.Messages;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The "settings" card (template {@code settings}): everything the bot posts in a chat unasked — the jobs it follows,
 * each with Unfollow, its digest and its quiet hours — and the time zone those run in, each with the command that
 * changes it. Pure.
 */
final class SettingsCard {
  /** The view that draws this card again (after an Unfollow on it). */
  static final String VIEW = "settings.show";
  /** Jobs listed with a button; a chat following more has the rest counted (Feishu's element limit). */
  static final int MAX_LISTED = 20;

  /** One followed job: its label as the chat knows it and the kinds of notification the chat gets. */
  record Followed(String jobId, String label, Set<String> kinds) {}

  /**
   * What one chat has set.
   *
   * @param digest the digest's schedule in words per language; empty when the chat has none
   * @param quiet the quiet hours' start and end, null when none
   * @param ownZone whether the chat set {@code zone} itself (else it is the bot's default)
   */
  record Settings(List<Followed> follows, Map<Language, Reply.Text> digest, LocalTime[] quiet, boolean quietNow,
      ZoneId zone, boolean ownZone) {}

  private final Cards cards;
  private final Messages messages;

  SettingsCard(Cards cards, Messages messages) {
    this.cards = cards;
    this.messages = messages;
  }

  static ObjectNode view(ObjectNode value, Language lang) {
    return value.put("action", VIEW).put("lang", lang.feishuLocale());
  }

  ObjectNode render(Settings s, Language writer) {
    return cards.bilingual(writer, lang -> cards.render("settings", model(s, lang)));
  }

  private ObjectNode model(Settings s, Language lang) {
    ObjectNode model = cards.model();
    model.put("title", messages.get(lang, "settings.title"));
    model.put("subtitle", messages.get(lang, "settings.subtitle", s.zone().getId()));
    model.put("following", text(lang, s.follows().isEmpty() ? "settings.follows.none" : "settings.follows",
        s.follows().size()).asMarkdown());
    ArrayNode rows = model.putArray("follows");
    s.follows().stream().limit(MAX_LISTED).forEach(f -> {
      ObjectNode row = rows.addObject();
      row.put("text", text(lang, "settings.follow.row", f.label(),
          SubscriptionCommands.kindsText(messages, f.kinds(), lang)).asMarkdown());
      row.put("button", messages.get(lang, "settings.unfollow"));
      ObjectNode value = row.putObject("value").put("action", SharedActions.UNFOLLOW).put("job_id", f.jobId())
          .put("lang", lang.feishuLocale());
      view(value.putObject(SharedActions.LIST), lang);
    });
    model.put("more", s.follows().size() > MAX_LISTED
        ? messages.get(lang, "settings.follows.more", s.follows().size() - MAX_LISTED) : "");
    Reply.Text digest = s.digest().get(lang);
    model.put("digest", (digest == null ? text(lang, "settings.digest.none")
        : text(lang, "settings.digest", digest)).asMarkdown());
    model.put("quiet", (s.quiet() == null ? text(lang, "settings.quiet.none")
        : text(lang, s.quietNow() ? "settings.quiet.now" : "settings.quiet", s.quiet()[0].toString(),
            s.quiet()[1].toString())).asMarkdown());
    model.put("zone", text(lang, s.ownZone() ? "settings.zone.own" : "settings.zone.default", s.zone().getId())
        .asMarkdown());
    return model;
  }

  private Reply.Text text(Language lang, String key, Object... args) {
    return Reply.text(messages, lang, key, args);
  }
}
