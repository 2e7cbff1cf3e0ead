package io.hirebot.feature.interviews;

import io.hirebot.cards.SharedActions;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.cards.Markdown;
import io.hirebot.cards.Cards;
import io.hirebot.cards.Pager;
import io.hirebot.cards.QuickActions;
import io.hirebot.cards.RowsShown;
import io.hirebot.command.CommandPhrases;
import io.hirebot.i18n.Language;
import io.hirebot.command.Period;
import io.hirebot.hire.Application;
import io.hirebot.hire.Interview;
import io.hirebot.hire.Job;
import io.hirebot.hire.StageNames;
import io.hirebot.i18n.DateTexts;
import io.hirebot.i18n.HireTexts;
import io.hirebot.i18n.Messages;
import io.hirebot.i18n.Names;
import io.hirebot.i18n.StageWords;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** The interview schedule card ({@code cards/interviews.json}): one page of interviews in the chat's zone. */
final class InterviewsCard {
  private final Cards cards;
  private final Messages messages;
  private final Clock clock;

  InterviewsCard(Cards cards, Messages messages, Clock clock) {
    this.cards = cards;
    this.messages = messages;
    this.clock = clock;
  }

  /**
   * What one page shows: the interviews, their applications by id, and the names of jobs and stages; its times in
   * {@code zone}, which its header names.
   */
  record Page(Period period, boolean mine, List<Interview> all, List<Interview> shown, int page,
      Map<String, Application> applications, List<Job> jobs, StageNames stages, Owed owed, ZoneId zone) {}

  /**
   * The header's count of interviews held that still lack feedback.
   *
   * @param before whether they are those of the {@code days} before a schedule of days to come, rather than the
   *     schedule's own
   */
  record Owed(long missing, boolean before, int days) {}

  /**
   * The card in both languages (each viewer reads their own), or the writer's alone where that is too big; a page whose
   * panels of long names pass Feishu's limits even so lists its first interviews that fit and says how to see the
   * others ({@link Cards#fitRows}: they are not on the next page, which starts where this one would have ended).
   */
  ObjectNode render(Page p, Language lang) {
    return cards.fitRows("interviews", lang, p.shown().size(), (n, l) -> model(p, n, l)).card();
  }

  private ObjectNode model(Page p, int listed, Language lang) {
    ObjectNode model = cards.model();
    model.set("t", cards.mapper().valueToTree(messages.all(lang)));
    String when = CommandPhrases.period(p.period(), lang);
    model.put("title", messages.get(lang, p.mine() ? "interviews.title.mine" : "interviews.title",
        when.isEmpty() ? messages.get(lang, "interviews.upcoming") : when));
    model.put("subtitle", subtitle(p, lang));
    model.put("empty", p.all().isEmpty());
    model.put("emptyText", messages.get(lang, "interviews.empty"));
    ArrayNode rows = model.putArray("rows");
    p.shown().subList(0, listed).forEach(i -> rows.add(row(i, p, lang)));
    RowsShown.put(model, listed, p.shown().size(), messages.get(lang, "cards.shown.interviews"), messages, lang);
    ObjectNode value = InterviewsFeature.view(cards.model(), p.period(), p.mine(), 0, lang);
    Pager.put(model, p.page(), Pager.pages(p.all().size(), Pager.PAGE_SIZE), p.all().size(), value, messages, lang);
    return model;
  }

  /**
   * The header's counts, each saying what it covers: the interviews of the days before a schedule of days to come are
   * not listed; a count over several pages says how many of those are on this one, where that differs.
   */
  private String subtitle(Page p, Language lang) {
    Owed owed = p.owed();
    long onPage = p.shown().stream().filter(i -> i.lacksFeedback(clock.instant())).count();
    String key = owed.before() ? "interviews.subtitle.ahead"
        : onPage == owed.missing() ? "interviews.subtitle" : "interviews.subtitle.paged";
    return messages.get(lang, key, p.all().size(), owed.missing(), p.zone().getId(), owed.days(), onPage);
  }

  private ObjectNode row(Interview i, Page p, Language lang) {
    String locale = lang.feishuLocale();
    Application a = p.applications().get(i.applicationId());
    String job = a == null ? "" : p.jobs().stream().filter(j -> j.id().equals(a.jobId())).map(j -> Names.of(j.title()))
        .findFirst().orElse("");
    String name = a == null ? i.applicationId() : Names.of(a.talentName());
    String stage = a == null ? "" : p.stages().stage(a.jobId(), i.stageId())
        .map(s -> StageWords.name(messages, lang, s)).orElse("");
    String who = HireTexts.interviewers(messages, lang,
        i.feedback().stream().map(f -> Names.of(f.interviewer().name(locale))).toList());
    ObjectNode row = cards.model();
    row.put("line", Markdown.message(messages, lang, "interviews.row",
        DateTexts.dateTime(i.begin(), clock.instant().atZone(p.zone()), lang), DateTexts.time(i.end(), p.zone()),
        name, job, stage));
    row.put("detail", Markdown.message(messages, lang, "interviews.detail", who, status(i, a, lang)));
    if (a != null) {
      row.set("profile", QuickActions.value(cards.model(), SharedActions.PROFILE_OPEN, a, lang));
    }
    return row;
  }

  /**
   * What the row says of the interview: an interview still to come of an application that has since ended stays in Hire
   * (the bot cannot cancel it), so the row says to cancel it there rather than letting an interviewer turn up for it.
   */
  private String status(Interview i, Application a, Language lang) {
    Instant now = clock.instant();
    if (a != null && !a.active() && !i.over(now)) {
      return messages.get(lang, "interviews.ended");
    }
    if (!i.lacksFeedback(now)) {
      return messages.get(lang, HireTexts.interviewResultKey(i, now));
    }
    return messages.get(lang, "interviews.missing", messages.list(lang, i.feedback().stream()
        .filter(f -> !f.submitted()).map(f -> Names.of(f.interviewer().name(lang.feishuLocale()))).toList()));
  }
}
