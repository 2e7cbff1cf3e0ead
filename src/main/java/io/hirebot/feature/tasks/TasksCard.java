package io.hirebot.feature.tasks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.cards.Cards;
import io.hirebot.cards.Markdown;
import io.hirebot.cards.Pager;
import io.hirebot.cards.QuickActions;
import io.hirebot.cards.SharedActions;
import io.hirebot.cards.WaitingOnTeam;
import io.hirebot.hire.TaskBoard.Tasks;
import io.hirebot.hire.TaskBoard.Waiting;
import io.hirebot.i18n.Language;
import io.hirebot.i18n.Messages;
import io.hirebot.i18n.Names;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The cards of {@code cards/tasks.json}: "my tasks" (a page of the asker's pending tasks, oldest first, each with
 * a button that opens the candidate's profile), the daily nudge (one person's overdue tasks) and the weekly
 * escalation (a hiring manager's jobs' overdue tasks, by person). All in both languages, each reader seeing
 * their own; buttons open the profile in the writer's language.
 */
final class TasksCard {
  /** People named in an escalation; the rest are counted (5 elements each, far inside 200 in both languages). */
  static final int MAX_PEOPLE = 10;

  private final Cards cards;
  private final Messages messages;
  private final WaitingOnTeam words;

  TasksCard(Cards cards, Messages messages) {
    this.cards = cards;
    this.messages = messages;
    this.words = new WaitingOnTeam(messages);
  }

  /** Page {@code page} of the asker's tasks; the view is the value that renders this page again. */
  ObjectNode mine(Tasks tasks, int page, Instant now, Language writer, ObjectNode view) {
    List<Waiting> all = tasks.items();
    int pages = Pager.pages(all.size(), Pager.PAGE_SIZE);
    int p = Pager.clamp(page, pages);
    List<Waiting> shown = all.subList(p * Pager.PAGE_SIZE, Math.min(all.size(), (p + 1) * Pager.PAGE_SIZE));
    return cards.bilingual(writer, lang -> {
      ObjectNode model = base(lang, messages.get(lang, "tasks.title", all.size()), messages.get(lang, "tasks.subtitle"),
          all.isEmpty() ? "green" : "blue");
      String intro = all.isEmpty() ? Markdown.message(messages, lang, "tasks.none") : "";
      if (tasks.missingScope() != null && !tasks.missingScope().isEmpty()) {
        intro = (intro.isEmpty() ? "" : intro + "\n") + Markdown.message(messages, lang, "hidden.scope",
            messages.get(lang, "tasks.hidden"), tasks.missingScope());
      }
      model.put("intro", intro);
      rows(model, shown, now, lang, writer);
      Pager.put(model, p, pages, all.size(), view, messages, lang);
      // The pager partial's button texts ("t.button.previous", "t.button.next") come from the bundle.
      model.set("t", cards.mapper().valueToTree(messages.all(lang)));
      return cards.render("tasks", model);
    });
  }

  /** One person's tasks that waited over {@code after}: the day's one nudge. */
  ObjectNode nudge(List<Waiting> overdue, Duration after, Instant now, Language writer) {
    return cards.bilingual(writer, lang -> {
      ObjectNode model = base(lang, messages.get(lang, "tasks.nudge.title"), messages.get(lang, "tasks.nudge.subtitle"),
          "orange");
      model.put("intro", Markdown.message(messages, lang, "tasks.nudge.intro", overdue.size(), words.waited(after, lang)));
      List<Waiting> shown = overdue.subList(0, Math.min(overdue.size(), Pager.PAGE_SIZE));
      rows(model, shown, now, lang, writer);
      more(model, overdue.size() - shown.size(), lang);
      return cards.render("tasks", model);
    });
  }

  /** The tasks on a hiring manager's jobs that waited over {@code after}, by person: the week's one escalation. */
  ObjectNode escalation(List<Waiting> overdue, Duration after, Instant now, Language writer) {
    return cards.bilingual(writer, lang -> {
      ObjectNode model = base(lang, messages.get(lang, "tasks.escalate.title"),
          messages.get(lang, "tasks.escalate.subtitle"), "red");
      model.put("intro", Markdown.message(messages, lang, "tasks.escalate.intro", overdue.size(),
          words.waited(after, lang)));
      int left = words.people(model.putArray("people"), overdue, MAX_PEOPLE, true, now, lang);
      more(model, left, lang);
      return cards.render("tasks", model);
    });
  }

  private ObjectNode base(Language lang, String title, String subtitle, String color) {
    ObjectNode model = cards.model();
    model.put("title", title);
    model.put("subtitle", subtitle);
    model.put("color", color);
    model.put("button", messages.get(lang, "tasks.button.profile"));
    return model;
  }

  /**
   * One line per task, each with the candidate's Profile button (a profile opened privately leads back to this card
   * through the view the bot recorded with it).
   */
  private void rows(ObjectNode model, List<Waiting> shown, Instant now, Language lang, Language writer) {
    ArrayNode rows = model.putArray("rows");
    for (Waiting w : shown) {
      ObjectNode row = rows.addObject();
      row.put("line", Markdown.message(messages, lang, "tasks.row", messages.get(lang, w.task().kind().key()),
          Names.of(w.application().talentName()), Names.of(w.jobTitle()), words.waited(w.waited(now), lang)));
      row.set("profile", QuickActions.value(cards.model(), SharedActions.PROFILE_OPEN, w.application(), writer));
    }
  }

  private void more(ObjectNode model, int left, Language lang) {
    if (left > 0) {
      model.put("more", Markdown.message(messages, lang, "tasks.more", left));
    }
  }
}
