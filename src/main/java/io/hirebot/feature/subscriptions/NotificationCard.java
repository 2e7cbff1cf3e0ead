package io.hirebot.feature.subscriptions;

import io.hirebot.cards.SharedActions;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.cards.Markdown;
import io.hirebot.bot.JobQueries;
import io.hirebot.cards.Cards;
import io.hirebot.cards.FlowTexts;
import io.hirebot.hire.Offer;
import io.hirebot.i18n.Language;
import io.hirebot.hire.Application;
import io.hirebot.hire.Job;
import io.hirebot.i18n.Messages;
import java.util.List;

/** The compact card a subscribed chat gets: who, what happened, and buttons to act on it. */
final class NotificationCard {
  /** Summaries of held notifications stay short: a batch lists many. */
  static final int MAX_SUMMARY = 600;

  /** A rendered notification and its one-paragraph summary (for a quiet-hours batch). */
  public record Notification(ObjectNode card, String summary) {}

  /** New applications listed by name in one card; more are summed up in a line. */
  static final int MAX_NEW_ROWS = 10;

  private final Cards cards;
  private final Messages messages;

  NotificationCard(Cards cards, Messages messages) {
    this.cards = cards;
    this.messages = messages;
  }

  /** An application moved from one stage to another ({@code from} may be empty when unknown). */
  public Notification stageChanged(Job job, Application a, String from, Language lang) {
    String fromName = from.isEmpty() ? messages.get(lang, "notify.stage.unknown") : from;
    String text = Markdown.message(messages, lang, "notify.stage.text", name(a), fromName, a.stage().name(lang.feishuLocale()));
    return render(lang, "notify.stage.title", job, text, "blue", buttons(job, a, lang));
  }

  /** An offer of an application changed status ({@code offer} as Hire has it now, for its onboarding date). */
  public Notification offerChanged(Job job, Application a, Integer status, Offer offer, Language lang) {
    // What the status means for the team ("accepted — starts Dec 21"), not only its name.
    String statusText = status == null ? messages.get(lang, "offer.status.unknown")
        : FlowTexts.offerMeaning(messages, status, offer, lang);
    String text = Markdown.message(messages, lang, "notify.offer.text", name(a), statusText);
    return render(lang, "notify.offer.title", job, text, "green", buttons(job, a, lang));
  }

  /** An application was deleted in Hire. */
  public Notification deleted(Job job, Application a, Language lang) {
    String text = Markdown.message(messages, lang, "notify.deleted.text", name(a));
    return render(lang, "notify.deleted.title", job, text, "grey", candidatesButton(job, lang));
  }

  /** New applications to a job, batched into one card. */
  public Notification newApplications(Job job, List<Application> applications, Language lang) {
    StringBuilder text = new StringBuilder(messages.get(lang, "notify.new.text", applications.size()));
    applications.stream().limit(MAX_NEW_ROWS).forEach(a -> text.append('\n')
        .append(Markdown.message(messages, lang, "notify.new.row", name(a), a.stage().name(lang.feishuLocale()))));
    if (applications.size() > MAX_NEW_ROWS) {
      text.append('\n').append(messages.get(lang, "notify.new.more", applications.size() - MAX_NEW_ROWS));
    }
    return render(lang, "notify.new.title", job, text.toString(), "turquoise", candidatesButton(job, lang));
  }

  private Notification render(Language lang, String titleKey, Job job, String text, String color,
      ArrayNode buttons) {
    ObjectNode model = cards.model();
    String title = messages.get(lang, titleKey, job.title());
    model.put("title", title);
    model.put("subtitle", JobQueries.label(job));
    model.put("text", text);
    model.put("color", color);
    model.set("buttons", buttons);
    String summary = "**" + Markdown.escape(title) + "**\n" + text;
    return new Notification(cards.render("notification", model),
        summary.length() > MAX_SUMMARY ? summary.substring(0, MAX_SUMMARY) + "…" : summary);
  }

  private ArrayNode buttons(Job job, Application a, Language lang) {
    ArrayNode list = candidatesButton(job, lang);
    ObjectNode profile = button(list, messages.get(lang, "notify.button.profile"), "default", SharedActions.PROFILE_OPEN, lang);
    profile.put("job_id", job.id());
    profile.put("application_id", a.id());
    profile.put("talent_id", a.talentId());
    profile.put("stage_id", a.stage().id());
    return list;
  }

  private ArrayNode candidatesButton(Job job, Language lang) {
    ArrayNode list = cards.mapper().createArrayNode();
    ObjectNode value = button(list, messages.get(lang, "notify.button.candidates"), "primary", SharedActions.CANDIDATES_SHOW, lang);
    value.put("job_id", job.id());
    value.put("page", 0);
    return list;
  }

  /** Adds a button and returns its callback value for the caller to complete. */
  private ObjectNode button(ArrayNode list, String label, String type, String action, Language lang) {
    ObjectNode b = list.addObject();
    b.put("label", label);
    b.put("type", type);
    ObjectNode value = b.putObject("value");
    value.put("action", action);
    value.put("lang", lang.feishuLocale());
    return value;
  }

  private static String name(Application a) {
    return a.talentName().isBlank() ? a.talentId() : a.talentName();
  }
}
