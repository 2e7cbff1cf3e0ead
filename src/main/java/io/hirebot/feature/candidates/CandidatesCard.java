package io.hirebot.feature.candidates;

import io.hirebot.cards.SharedActions;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.cards.Markdown;
import io.hirebot.cards.Cards;
import io.hirebot.cards.Pager;
import io.hirebot.i18n.Language;
import io.hirebot.hire.PipelineFilter;
import io.hirebot.hire.PipelinePage;
import io.hirebot.i18n.DateTexts;
import io.hirebot.i18n.HireTexts;
import io.hirebot.i18n.Messages;
import io.hirebot.i18n.Names;
import io.hirebot.i18n.StageWords;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the candidates card ({@code cards/candidates.json}) from one page of a job's pipeline: stage
 * counts, the filter it understood as chips (with buttons to widen it), Follow or Unfollow, candidates grouped by
 * stage in process order with their quick-action buttons ({@link CandidateRows}), and the pager.
 */
final class CandidatesCard {
  static final String TEMPLATE = "candidates";

  private final Cards cards;
  private final Messages messages;
  private final CandidateRows rows;
  private final Clock clock;

  CandidatesCard(Cards cards, Messages messages, Clock clock) {
    this.cards = cards;
    this.messages = messages;
    this.clock = clock;
    this.rows = new CandidateRows(cards, messages, clock);
  }

  /**
   * The card in both languages (each viewer reads their own), or the writer's alone where that is too big.
   *
   * @param outcome what a button just did, shown on top with its Undo (null for none)
   * @param audience what the card offers where it is shown (Follow or Unfollow; changes, or a view-only line)
   */
  ObjectNode render(PipelinePage page, CandidatesQuery query, Language lang, Notice outcome, Audience audience) {
    CandidateRows.Fit fit = fit(page, query, lang, outcome, audience);
    return cards.bilingual(lang, l -> cards.render(TEMPLATE, model(page, query, l, outcome, audience, fit)));
  }

  /**
   * What the rows show so that the writer's card fits Feishu's limits (long names, titles or filter words on a full
   * page passed 30 KB, and Feishu refuses such a card: the user got nothing). Every row stays listed; first the rows'
   * buttons give way, halving the rows that keep them (8, 4, 2, 1, 0: a button's value repeats the row's name and
   * filter), then the rows' longest texts are shortened, halving their length. The other language is merged in
   * where that fits too ({@link Cards#bilingual}).
   */
  private CandidateRows.Fit fit(PipelinePage page, CandidatesQuery query, Language lang, Notice outcome,
      Audience audience) {
    java.util.function.IntFunction<ObjectNode> buttons = n -> model(page, query, lang, outcome, audience,
        new CandidateRows.Fit(n, Integer.MAX_VALUE));
    int rows = page.applications().size();
    return cards.halving(TEMPLATE, rows, buttons)
        .map(f -> f.n() == rows ? CandidateRows.Fit.WHOLE : new CandidateRows.Fit(f.n(), Integer.MAX_VALUE))
        .or(() -> cards.halving(TEMPLATE, Markdown.MAX_VALUE, length -> model(page, query, lang, outcome, audience,
            new CandidateRows.Fit(0, length))).map(f -> new CandidateRows.Fit(0, f.n())))
        // Still too big with every row's text cut to "…": rendered as it is, the render refusing it (a bug, logged).
        .orElse(new CandidateRows.Fit(0, 0));
  }

  private ObjectNode model(PipelinePage page, CandidatesQuery query, Language lang, Notice outcome,
      Audience audience, CandidateRows.Fit fit) {
    String title = Names.of(page.job().title());
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
    model.put("stageCounts", stageCounts(page, query, lang));
    model.put("notice", query.notice());
    if (audience.viewOnly()) {
      model.put("viewOnly", messages.get(lang, "candidates.viewOnly"));
    }
    follow(model, page, query, lang, outcome, audience);
    if (outcome != null) {
      ObjectNode o = model.putObject("outcome").put("text", outcome.text(lang));
      if (outcome.undo() != null) {
        o.set("undo", outcome.undo());
      }
    }
    model.put("chips", chips(page, query, lang, audience.zone()));
    model.set("widen", widen(query, lang));
    model.put("empty", page.total() == 0);
    model.put("emptyText", messages.get(lang, query.filter().isNone() ? "candidates.empty" : "candidates.empty.filtered"));
    model.set("groups", rows.groups(page, query, lang, audience, fit));
    if (fit.partial(page.applications().size())) {
      model.put("fitted", fitted(fit, lang));
    }
    Pager.put(model, page.page(), page.pages(), page.total(), view(query, 0, lang), messages, lang);
    return model;
  }

  /** "Only the first 4 rows have their buttons …; long texts are shortened", and how to open a candidate anyway. */
  private String fitted(CandidateRows.Fit fit, Language lang) {
    String line = Markdown.message(messages, lang, "candidates.fit.buttons", fit.buttons());
    return fit.textLength() == Integer.MAX_VALUE ? line
        : line + " " + Markdown.message(messages, lang, "candidates.fit.texts");
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

  /** The whole job's count per stage; under a filter, said to be the job's, as the rows below are fewer. */
  private String stageCounts(PipelinePage page, CandidatesQuery query, Language lang) {
    List<String> parts = new ArrayList<>();
    for (PipelinePage.StageCount c : page.counts()) {
      if (c.count() > 0) {
        parts.add(Markdown.message(messages, lang, "candidates.stageCount", StageWords.name(messages, lang, c.stage()),
            c.count()));
      }
    }
    String counts = String.join(" · ", parts);
    return query.filter().isNone() || counts.isEmpty() ? counts
        : Markdown.message(messages, lang, "candidates.stageCounts.wholeJob", new Markdown.Own(counts));
  }

  /** "job: Backend · stage: Screening · applied: since Nov 16" (in the chat's zone): what the bot understood. */
  private String chips(PipelinePage page, CandidatesQuery query, Language lang, ZoneId zone) {
    ZonedDateTime now = clock.instant().atZone(zone);
    List<String> chips = new ArrayList<>();
    chips.add(Markdown.message(messages, lang, "chips.job", Names.of(page.job().title())));
    if (!query.filter().stageIds().isEmpty()) {
      List<String> names = page.process().stages().stream().filter(s -> query.filter().keepsStage(s.id()))
          .map(s -> StageWords.name(messages, lang, s)).toList();
      chips.add(Markdown.message(messages, lang, "chips.stage", String.join(", ", names)));
    }
    if (query.filter().appliedSince() != null) {
      chips.add(appliedChip(query.filter(), lang, now));
    }
    String line = String.join(" · ", chips);
    PipelinePage.DateScan scan = page.dateScan();
    return scan == null ? line : line + "\n" + Markdown.message(messages, lang, "candidates.partial", scan.checked(), scan.candidates(),
        DateTexts.date(query.filter().appliedSince(), now, lang));
  }

  /** "applied: since Nov 30" for a span running to now; "applied: Nov 23 – Nov 29" (or one day) for one that ended. */
  private String appliedChip(PipelineFilter filter, Language lang, ZonedDateTime now) {
    String first = DateTexts.date(filter.appliedSince(), now, lang);
    if (filter.appliedBefore() == null) {
      return Markdown.message(messages, lang, "chips.applied", first);
    }
    String last = DateTexts.date(filter.appliedBefore().minusMillis(1), now, lang);
    return first.equals(last) ? Markdown.message(messages, lang, "chips.applied.day", first)
        : Markdown.message(messages, lang, "chips.applied.range", first, last);
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
}
