package io.hirebot.feature.subscriptions;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.bot.JobQueries;
import io.hirebot.cards.Cards;
import io.hirebot.cards.FlowTexts;
import io.hirebot.cards.Markdown;
import io.hirebot.cards.SharedActions;
import io.hirebot.hire.Application;
import io.hirebot.hire.Job;
import io.hirebot.hire.Offer;
import io.hirebot.hire.OwnChange;
import io.hirebot.hire.Stage;
import io.hirebot.hire.TerminationReason;
import io.hirebot.i18n.DateTexts;
import io.hirebot.i18n.Language;
import io.hirebot.i18n.Messages;
import io.hirebot.i18n.Names;
import io.hirebot.i18n.StageWords;
import io.hirebot.store.HeldNotifications;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The compact card a subscribed chat gets: who, what happened, and buttons to act on it; in both languages (each
 * member reads their client's), the subscription's first.
 */
final class NotificationCard {
  /** Summaries of held notifications stay short: a batch lists many. */
  static final int MAX_SUMMARY = 600;

  /** A rendered notification and what a quiet-hours batch keeps of it (its summary per language, job, time). */
  public record Notification(ObjectNode card, HeldNotifications.Change held) {}

  /**
   * New applications listed by name in one card, each with its Profile button; more are summed up in a line. Ten rows
   * of six elements each keep the card far below Feishu's 200 elements and 30 KB in both languages.
   */
  static final int MAX_NEW_ROWS = 10;

  /**
   * One language's rendering of a notification: its title, markdown text, the lines under it (each {@code text}, with
   * a button {@code label} and callback {@code value} beside it, or none) and buttons.
   */
  private record Parts(String title, String text, ArrayNode rows, ArrayNode buttons) {
    /** The text with the rows' lines under it, as a batch or a summary reads it. */
    String fullText() {
      StringBuilder all = new StringBuilder(text);
      rows.forEach(r -> all.append('\n').append(r.path("text").asText()));
      return all.toString();
    }
  }

  private final Cards cards;
  private final Messages messages;
  private final FlowTexts flow;
  private final Clock clock;
  private final java.time.ZoneId zone;

  /**
   * {@code dates} and {@code clock} word an accepted offer's start as of the moment the card is made, in the configured
   * zone: one card goes to every chat that follows the job.
   */
  NotificationCard(Cards cards, Messages messages, DateTexts dates, Clock clock) {
    this.cards = cards;
    this.messages = messages;
    this.flow = new FlowTexts(messages);
    this.clock = clock;
    this.zone = dates.zone();
  }

  /**
   * An application moved from one stage to another at {@code at} (null when Hire did not say): by whom, and whether
   * with Undo, when the bot made the move ("… by @Li Na", as its rejection notices say); as Hire's event says it (no
   * one named) when it did not.
   *
   * @param from the stage it left, when known
   * @param made the bot's move Hire's event reports; null for a move made in Hire
   */
  public Notification stageChanged(Job job, Application a, Optional<Stage> from, Instant at,
      OwnChange made, Language lang) {
    String key = made == null || made.by() == null ? "notify.stage.text"
        : made.undo() ? "notify.stage.textUndo" : "notify.stage.textBy";
    Markdown.Own by = made == null ? null : Markdown.person(made.by());
    return render(lang, job, "blue", at, l -> {
      String fromName = from.map(s -> StageWords.name(messages, l, s)).orElse(messages.get(l, "notify.stage.unknown"));
      return parts(l, "notify.stage.title", job, Markdown.message(messages, l, key, Names.of(a.talentName()), fromName,
          StageWords.name(messages, l, a.stage()), by), buttons(job, a, l));
    });
  }

  /** An offer of an application changed status ({@code offer} as Hire has it now, for its onboarding date). */
  public Notification offerChanged(Job job, Application a, Integer status, Offer offer, Language lang) {
    return render(lang, job, "green", null, l -> {
      // What the status means for the team ("accepted — starts Dec 21"), not only its name.
      String statusText = status == null ? Markdown.escape(messages.get(l, "offer.status.unknown"))
          : flow.offerMeaning(status, a, offer, clock.instant().atZone(zone), l);
      return parts(l, "notify.offer.title", job,
          Markdown.message(messages, l, "notify.offer.text", Names.of(a.talentName()), new Markdown.Own(statusText)),
          buttons(job, a, l));
    });
  }

  /** The team rejected an application through the bot, at {@code at}, for {@code reason}. */
  public Notification rejected(Job job, Application a, TerminationReason reason, String byOpenId, Instant at,
      Language lang) {
    return render(lang, job, "red", at, l -> parts(l, "notify.rejected.title", job, Markdown.message(messages, l,
        "notify.rejected.text", Names.of(a.talentName()), Markdown.person(byOpenId),
        Names.of(reason.name(l.feishuLocale()))),
        buttons(job, a, l)));
  }

  /** A rejection made through the bot was undone at {@code at}: the application is back in the pipeline. */
  public Notification restored(Job job, Application a, String byOpenId, Instant at, Language lang) {
    return render(lang, job, "blue", at, l -> parts(l, "notify.restored.title", job, Markdown.message(messages, l,
        "notify.restored.text", Names.of(a.talentName()), Markdown.person(byOpenId)), buttons(job, a, l)));
  }

  /** An application was deleted in Hire. */
  public Notification deleted(Job job, Application a, Language lang) {
    return render(lang, job, "grey", null, l -> parts(l, "notify.deleted.title", job,
        Markdown.message(messages, l, "notify.deleted.text", Names.of(a.talentName())), candidatesButton(job, l)));
  }

  /** New applications to a job, batched into one card: a line per person, with their profile a click away. */
  public Notification newApplications(Job job, List<Application> applications, Language lang) {
    return render(lang, job, "turquoise", null, l -> {
      ArrayNode rows = cards.mapper().createArrayNode();
      applications.stream().limit(MAX_NEW_ROWS).forEach(a -> {
        ObjectNode row = rows.addObject().put("text", Markdown.message(messages, l, "notify.new.row",
            Names.of(a.talentName()),
            StageWords.name(messages, l, a.stage()))).put("label", messages.get(l, "notify.button.profile"));
        profileValue(row.putObject("value"), job, a, l);
      });
      if (applications.size() > MAX_NEW_ROWS) {
        rows.addObject().put("text", messages.get(l, "notify.new.more", applications.size() - MAX_NEW_ROWS));
      }
      return new Parts(messages.get(l, "notify.new.title", Names.of(job.title())),
          messages.get(l, "notify.new.text", applications.size()), rows, candidatesButton(job, l));
    });
  }

  private Parts parts(Language lang, String titleKey, Job job, String text, ArrayNode buttons) {
    return new Parts(messages.get(lang, titleKey, Names.of(job.title())), text, cards.mapper().createArrayNode(), buttons);
  }

  /** The card in both languages (the writer's where they cannot merge) and each language's summary. */
  private Notification render(Language writer, Job job, String color, Instant at, Function<Language, Parts> in) {
    Map<Language, Parts> parts = new EnumMap<>(Language.class);
    Map<Language, String> summaries = new EnumMap<>(Language.class);
    for (Language l : Language.values()) {
      Parts p = in.apply(l);
      parts.put(l, p);
      String summary = "**" + Markdown.escape(p.title()) + "**\n" + p.fullText();
      summaries.put(l, Markdown.cut(summary, MAX_SUMMARY));
    }
    ObjectNode card = cards.bilingual(writer, l -> {
      ObjectNode model = cards.model();
      model.put("title", parts.get(l).title());
      model.put("subtitle", JobQueries.label(job));
      model.put("text", parts.get(l).text());
      model.set("rows", parts.get(l).rows());
      model.put("color", color);
      model.set("buttons", parts.get(l).buttons());
      return cards.render("notification", model);
    });
    return new Notification(card, new HeldNotifications.Change(summaries, job.id(), JobQueries.label(job), at));
  }

  private ArrayNode buttons(Job job, Application a, Language lang) {
    ArrayNode list = candidatesButton(job, lang);
    ObjectNode b = list.addObject().put("label", messages.get(lang, "notify.button.profile")).put("type", "default");
    profileValue(b.putObject("value"), job, a, lang);
    return list;
  }

  /** Fills {@code value} as the callback of a Profile button opening the person of {@code a}. */
  private static void profileValue(ObjectNode value, Job job, Application a, Language lang) {
    value.put("action", SharedActions.PROFILE_OPEN).put("lang", lang.feishuLocale()).put("job_id", job.id())
        .put("application_id", a.id()).put("talent_id", a.talentId()).put("stage_id", a.stage().id());
  }

  private ArrayNode candidatesButton(Job job, Language lang) {
    ArrayNode list = cards.mapper().createArrayNode();
    candidatesButton(list, job.id(), messages.get(lang, "notify.button.candidates"), lang);
    return list;
  }

  /** Adds a "Show candidates" button for the job (its first page) to {@code list}. */
  static void candidatesButton(ArrayNode list, String jobId, String label, Language lang) {
    ObjectNode value = button(list, label, "primary", SharedActions.CANDIDATES_SHOW, lang);
    value.put("job_id", jobId);
    value.put("page", 0);
  }

  /** Adds a button and returns its callback value for the caller to complete. */
  private static ObjectNode button(ArrayNode list, String label, String type, String action, Language lang) {
    ObjectNode b = list.addObject();
    b.put("label", label);
    b.put("type", type);
    ObjectNode value = b.putObject("value");
    value.put("action", action);
    value.put("lang", lang.feishuLocale());
    return value;
  }
}
