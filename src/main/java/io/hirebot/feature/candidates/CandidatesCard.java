package io.hirebot.feature.candidates;

import io.hirebot.cards.SharedActions;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.cards.Markdown;
import io.hirebot.cards.Cards;
import io.hirebot.cards.FlowTexts;
import io.hirebot.cards.Pager;
import io.hirebot.cards.QuickActions;
import io.hirebot.i18n.Language;
import io.hirebot.hire.Application;
import io.hirebot.hire.PipelinePage;
import io.hirebot.hire.Stage;
import io.hirebot.i18n.DateTexts;
import io.hirebot.i18n.HireTexts;
import io.hirebot.i18n.Messages;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the candidates card ({@code cards/candidates.json}) from one page of a job's pipeline: stage
 * counts, the filter it understood as chips (with buttons to widen it), candidates grouped by stage in
 * process order, quick-action buttons and the pager.
 */
final class CandidatesCard {
  static final String TEMPLATE = "candidates";

  private final Cards cards;
  private final Messages messages;
  private final Clock clock;
  private final DateTexts dates;
  private final FlowTexts flow;

  CandidatesCard(Cards cards, Messages messages, Clock clock, DateTexts dates) {
    this.cards = cards;
    this.messages = messages;
    this.clock = clock;
    this.dates = dates;
    this.flow = new FlowTexts(messages, dates);
  }

  /**
   * The card in both languages (each viewer reads their own), or the writer's alone where that is too big.
   *
   * @param outcome what a button just did, shown on top with its Undo (null for none)
   * @param audience what the card offers where it is shown (Follow or Unfollow)
   */
  ObjectNode render(PipelinePage page, CandidatesQuery query, Language lang, Notice outcome, Audience audience) {
    return cards.bilingual(lang, l -> renderIn(page, query, l, outcome, audience));
  }

  private ObjectNode renderIn(PipelinePage page, CandidatesQuery query, Language lang, Notice outcome,
      Audience audience) {
    String title = page.job().title();
    ObjectNode model = cards.model();
    model.set("t", cards.mapper().valueToTree(messages.all(lang)));
    model.put("title", messages.get(lang, "candidates.title", title));
    // Hires are listed (under their stage) but are not active candidates: counted apart.
    String headcount = messages.get(lang, "candidates.headcount", page.inProcess(),
        HireTexts.hiredSuffix(messages, lang, page.hired()));
    model.put("subtitle", page.job().code().isEmpty() ? headcount
        : messages.get(lang, "candidates.subtitle", page.job().code(), headcount));
    model.put("totalTag", messages.get(lang, "candidates.total", page.inProcess()));
    model.put("summary", messages.get(lang, "candidates.summary", title, page.inProcess()));
    model.put("stageCounts", stageCounts(page, lang));
    model.put("notice", query.notice());
    follow(model, page, query, lang, outcome, audience);
    if (outcome != null) {
      ObjectNode o = model.putObject("outcome").put("text", outcome.text());
      if (outcome.undo() != null) {
        o.set("undo", outcome.undo());
      }
    }
    model.put("chips", chips(page, query, lang));
    model.set("widen", widen(query, lang));
    model.put("empty", page.total() == 0);
    model.put("emptyText", messages.get(lang, query.filter().isNone() ? "candidates.empty" : "candidates.empty.filtered"));
    model.set("groups", groups(page, query, lang));
    Pager.put(model, page.page(), page.pages(), page.total(), view(query, 0, lang), messages, lang);
    return cards.render(TEMPLATE, model);
  }

  /** The callback value that shows this list at {@code page} again: its pager, and what living cards re-render. */
  ObjectNode view(CandidatesQuery query, int page, Language lang) {
    return query.view(cards.model(), page, lang.feishuLocale());
  }

  /** As {@link #view(CandidatesQuery, int, Language)}, keeping the card's notice while its Undo is open. */
  ObjectNode view(CandidatesQuery query, int page, Language lang, Notice notice) {
    ObjectNode view = view(query, page, lang);
    return notice == null ? view : notice.keptIn(view);
  }

  /**
   * Follow, or "✓ Following · Unfollow" where the chat follows the job: its value carries the list's view (with the
   * notice it keeps), so the click's answer is this same list, showing what the chat now does.
   */
  private void follow(ObjectNode model, PipelinePage page, CandidatesQuery query, Language lang, Notice outcome,
      Audience audience) {
    model.put("followLabel", messages.get(lang, audience.following() ? "button.unfollow" : "button.follow"));
    ObjectNode value = cards.model().put("action", audience.following() ? SharedActions.UNFOLLOW : SharedActions.FOLLOW)
        .put("job_id", page.job().id()).put("lang", lang.feishuLocale());
    value.set(SharedActions.LIST, view(query, page.page(), lang, outcome));
    model.set("follow", value);
  }

  private String stageCounts(PipelinePage page, Language lang) {
    List<String> parts = new ArrayList<>();
    for (PipelinePage.StageCount c : page.counts()) {
      if (c.count() > 0) {
        parts.add(Markdown.message(messages, lang, "candidates.stageCount", c.stage().name(lang.feishuLocale()), c.count()));
      }
    }
    return String.join(" · ", parts);
  }

  /** "job: Backend · stage: Screening · applied: since Nov 16": what the bot understood, at a glance. */
  private String chips(PipelinePage page, CandidatesQuery query, Language lang) {
    List<String> chips = new ArrayList<>();
    chips.add(Markdown.message(messages, lang, "chips.job", page.job().title()));
    if (!query.filter().stageIds().isEmpty()) {
      List<String> names = page.process().stages().stream().filter(s -> query.filter().keepsStage(s.id()))
          .map(s -> s.name(lang.feishuLocale())).toList();
      chips.add(Markdown.message(messages, lang, "chips.stage", String.join(", ", names)));
    }
    if (query.filter().appliedSince() != null) {
      chips.add(Markdown.message(messages, lang, "chips.applied", dates.date(query.filter().appliedSince(), lang)));
    }
    String line = String.join(" · ", chips);
    PipelinePage.DateScan scan = page.dateScan();
    return scan == null ? line : line + "\n" + Markdown.message(messages, lang, "candidates.partial", scan.checked(), scan.candidates(),
        dates.date(query.filter().appliedSince(), lang));
  }

  private ArrayNode widen(CandidatesQuery query, Language lang) {
    ArrayNode buttons = cards.mapper().createArrayNode();
    if (!query.filter().stageIds().isEmpty()) {
      buttons.addObject().put("label", messages.get(lang, "chips.widen.stages"))
          .set("value", query.widenStages().writeTo(cards.model().put("action", CandidatesFeature.PAGE))
              .put("lang", lang.feishuLocale()));
    }
    if (query.filter().appliedSince() != null) {
      buttons.addObject().put("label", messages.get(lang, "chips.widen.dates"))
          .set("value", query.widenDates().writeTo(cards.model().put("action", CandidatesFeature.PAGE))
              .put("lang", lang.feishuLocale()));
    }
    return buttons;
  }

  private ArrayNode groups(PipelinePage page, CandidatesQuery query, Language lang) {
    Map<String, List<Application>> byStage = new LinkedHashMap<>();
    for (Application a : page.applications()) {
      byStage.computeIfAbsent(a.stage().id(), k -> new ArrayList<>()).add(a);
    }
    ArrayNode groups = cards.mapper().createArrayNode();
    for (var entry : byStage.entrySet()) {
      Stage stage = page.process().stage(entry.getKey()).orElse(entry.getValue().get(0).stage());
      int count = page.counts().stream().filter(c -> c.stage().id().equals(stage.id()))
          .mapToInt(PipelinePage.StageCount::count).findFirst().orElse(entry.getValue().size());
      ObjectNode group = groups.addObject();
      group.put("heading", Markdown.message(messages, lang, "candidates.stageHeading", stage.name(lang.feishuLocale()), count));
      ArrayNode rows = group.putArray("rows");
      for (Application a : entry.getValue()) {
        rows.add(row(a, page, query, lang));
      }
    }
    return groups;
  }

  private ObjectNode row(Application a, PipelinePage page, CandidatesQuery query, Language lang) {
    ObjectNode row = cards.model();
    String name = a.talentName().isBlank() ? a.talentId() : a.talentName();
    if (a.appliedAt() == null) {
      row.put("line", Markdown.message(messages, lang, "candidates.row.nodate", name));
    } else {
      var since = a.stageEnteredAt() != null ? a.stageEnteredAt() : a.appliedAt();
      long days = Math.max(0, Duration.between(since, clock.instant()).toDays());
      row.put("line", Markdown.message(messages, lang, "candidates.row", name, dates.date(a.appliedAt(), lang), days));
    }
    // The step's state in a few words, from what the row's read already holds (no call of its own).
    String marker = flow.marker(a, clock.instant(), lang);
    if (!marker.isEmpty()) {
      row.put("line", messages.get(lang, "flow.row", row.get("line").asText(), marker));
    }
    row.put("rejectConfirm", messages.get(lang, "confirm.reject.text", name, page.job().title()));
    // The page and the filter travel in the value, so the card a click returns is the list the user was on.
    // Only the moves Hire takes: none out of "onboarded", and Advance only to a next stage the API may enter.
    if (page.process().nextMovable(a.stage().id()).isPresent()) {
      row.set("advance", rowValue(RowActions.ADVANCE, a, page, query, lang));
    }
    if (!page.process().movableFrom(a.stage().id()).isEmpty()) {
      row.put("movable", true);
    }
    row.set("reject", rowValue(RowActions.REJECT, a, page, query, lang));
    row.set("more", rowValue(RowActions.MORE, a, page, query, lang));
    return row;
  }

  private ObjectNode rowValue(String action, Application a, PipelinePage page, CandidatesQuery query, Language lang) {
    return query.writeFilter(QuickActions.value(cards.model(), action, a, lang).put("page", page.page()));
  }
}
