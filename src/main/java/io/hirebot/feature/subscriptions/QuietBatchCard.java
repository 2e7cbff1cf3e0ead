package io.hirebot.feature.subscriptions;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.bot.Reply;
import io.hirebot.cards.Cards;
import io.hirebot.cards.Markdown;
import io.hirebot.i18n.DateTexts;
import io.hirebot.i18n.Language;
import io.hirebot.i18n.Messages;
import io.hirebot.store.HeldNotifications.Held;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The card a chat gets when its quiet hours end (template {@code quiet-batch}): each notification held for it with
 * when it happened, in the chat's zone and in that order, and a "Show candidates" button per job; in both languages, the language of the
 * first held notification's subscription first. And the same batch in words ({@link #text}), for a chat whose card
 * Feishu refused. Pure.
 */
final class QuietBatchCard {
  /**
   * Notifications listed in one batch card at most (fewer when their texts are long, {@link #render}); the rest are
   * counted, keeping the card inside Feishu's limits.
   */
  static final int MAX_LISTED = 15;
  /** Jobs with a button of their own; a batch about more jobs names the rest in its rows only. */
  static final int MAX_JOB_BUTTONS = 5;
  /**
   * The longest summary the text form shows (of {@link NotificationCard#MAX_SUMMARY}): it stands in for a card Feishu
   * refused, so it stays short, {@link #MAX_LISTED} of them in two languages a few KB, far inside a text's 150 KB.
   */
  static final int MAX_TEXT_SUMMARY = 300;
  /** A summary's further lines in the text form, under its bullet (a text message has no list to nest them in). */
  private static final String INDENT = "\u2003\u2003";

  private final Cards cards;
  private final Messages messages;
  private final Clock clock;

  QuietBatchCard(Cards cards, Messages messages, Clock clock) {
    this.cards = cards;
    this.messages = messages;
    this.clock = clock;
  }

  /**
   * The batch card. Fifteen summaries of long Chinese titles, names and stages passed 30 KB (a card Feishu refuses is
   * a batch the chat never gets), so fewer are listed when they would not fit the writer's language (15, 7, 3, 1, 0,
   * the rest counted); the other language is merged in where that fits too ({@link Cards#bilingual}).
   *
   * @param held the chat's held notifications, oldest first (at least one)
   */
  ObjectNode render(List<Held> held, ZoneId zone) {
    Language writer = Language.ofFeishuLocale(held.get(0).lang());
    // With none listed the card is a title, a count and five buttons: should even that not fit, rendered (and
    // refused, logged) as it is.
    int listed = cards.halving("quiet-batch", MAX_LISTED, n -> model(held, zone, writer, n)).map(Cards.Fitted::n)
        .orElse(0);
    return cards.bilingual(writer, lang -> cards.render("quiet-batch", model(held, zone, lang, listed)));
  }

  /**
   * The batch as a text message, for a chat whose batch card Feishu refused (over its size or conversion limits): the
   * same notifications, oldest first, each with when it happened and its summary cut short, {@link #MAX_LISTED} at
   * most and the rest counted; in both languages, the writer's first. Persons are named as "a teammate": a text
   * message cannot name someone without notifying them.
   */
  Reply.Text text(List<Held> held, ZoneId zone) {
    Language writer = Language.ofFeishuLocale(held.get(0).lang());
    ZonedDateTime now = clock.instant().atZone(zone);
    List<String> parts = new ArrayList<>();
    for (Language lang : List.of(writer, writer == Language.EN ? Language.ZH : Language.EN)) {
      List<String> lines = new ArrayList<>();
      lines.add("**" + messages.get(lang, "quiet.text.title", held.size()) + "**");
      String teammate = messages.get(lang, "quiet.text.person");
      oldestFirst(held).limit(MAX_LISTED).forEach(h -> lines.add(messages.get(lang, "quiet.text.row",
          DateTexts.dateTime(h.change().changedAt(), now, lang),
          Markdown.asText(Markdown.cut(h.change().summaries().get(lang), MAX_TEXT_SUMMARY), teammate)
              .replace("\n", "\n" + INDENT))));
      if (held.size() > MAX_LISTED) {
        lines.add(messages.get(lang, "quiet.batch.more", held.size() - MAX_LISTED));
      }
      parts.add(String.join("\n", lines));
    }
    return new Reply.Text(String.join("\n\n", parts));
  }

  private static java.util.stream.Stream<Held> oldestFirst(List<Held> held) {
    return held.stream().sorted(Comparator.comparing(h -> h.change().changedAt()));
  }

  /** The model in {@code lang}, listing the {@code listed} oldest notifications and counting the rest. */
  private ObjectNode model(List<Held> held, ZoneId zone, Language lang, int listed) {
    ObjectNode model = cards.model();
    model.put("title", messages.get(lang, "quiet.batch.title", held.size()));
    model.put("subtitle", messages.get(lang, "quiet.batch.subtitle", zone.getId()));
    ArrayNode rows = model.putArray("rows");
    ZonedDateTime now = clock.instant().atZone(zone);
    oldestFirst(held).limit(listed).forEach(h -> rows.addObject()
        .put("time", DateTexts.dateTime(h.change().changedAt(), now, lang))
        .put("text", h.change().summaries().get(lang)));
    model.put("more", held.size() > listed ? messages.get(lang, "quiet.batch.more", held.size() - listed) : "");
    Map<String, String> jobs = new LinkedHashMap<>();
    held.stream().filter(h -> !h.change().jobId().isEmpty())
        .forEach(h -> jobs.putIfAbsent(h.change().jobId(), h.change().jobLabel()));
    ArrayNode buttons = model.putArray("buttons");
    jobs.entrySet().stream().limit(MAX_JOB_BUTTONS).forEach(job -> NotificationCard.candidatesButton(buttons,
        job.getKey(), jobs.size() == 1 ? messages.get(lang, "notify.button.candidates")
            : messages.get(lang, "quiet.batch.button", job.getValue()), lang));
    return model;
  }
}
