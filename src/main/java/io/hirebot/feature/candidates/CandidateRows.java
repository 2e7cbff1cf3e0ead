package io.hirebot.feature.candidates;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.cards.Cards;
import io.hirebot.cards.FlowTexts;
import io.hirebot.cards.Labels;
import io.hirebot.cards.Markdown;
import io.hirebot.cards.QuickActions;
import io.hirebot.cards.StageDays;
import io.hirebot.hire.Application;
import io.hirebot.hire.Changes;
import io.hirebot.hire.PipelinePage;
import io.hirebot.hire.Stage;
import io.hirebot.i18n.DateTexts;
import io.hirebot.i18n.Language;
import io.hirebot.i18n.Messages;
import io.hirebot.i18n.Names;
import io.hirebot.i18n.StageWords;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of the candidates card: a line per candidate (applied, days in stage, the step's marker) with the profile in
 * its menu, and the changes ({@link RowActions}) where the card offers them.
 */
final class CandidateRows {
  /**
   * What the rows show so that the card fits Feishu's limits: buttons (Advance, Reject, the ⋯ menu) on the first
   * {@code buttons} rows, and Hire's texts on a row (the name, a stage Hire named) cut to {@code textLength}
   * characters. Every row is listed whatever the fit.
   */
  record Fit(int buttons, int textLength) {
    /** Everything on every row: the card as it is drawn unless it would break the limits. */
    static final Fit WHOLE = new Fit(Integer.MAX_VALUE, Integer.MAX_VALUE);

    /** Whether rows lose something here: the card then says so, and how to reach a candidate anyway. */
    boolean partial(int rows) {
      return buttons < rows || textLength < Integer.MAX_VALUE;
    }
  }

  private final Cards cards;
  private final Messages messages;
  private final Clock clock;
  private final FlowTexts flow;

  CandidateRows(Cards cards, Messages messages, Clock clock) {
    this.cards = cards;
    this.messages = messages;
    this.clock = clock;
    this.flow = new FlowTexts(messages);
  }

  /**
   * The page's candidates grouped by stage in process order, each group with its heading and rows; those in no stage
   * of the process under the stage Hire names where the card's counts have that stage, else under "Other stage", as
   * the counts have them ({@link io.hirebot.hire.JobPipeline}).
   */
  ArrayNode groups(PipelinePage page, CandidatesQuery query, Language lang, Audience audience, Fit fit) {
    Map<Stage, List<Application>> byStage = new LinkedHashMap<>();
    for (Application a : page.applications()) {
      byStage.computeIfAbsent(group(page, a), k -> new ArrayList<>()).add(a);
    }
    ArrayNode groups = cards.mapper().createArrayNode();
    ZonedDateTime now = clock.instant().atZone(audience.zone());
    int listed = 0;
    for (var entry : byStage.entrySet()) {
      Stage stage = entry.getKey();
      int count = page.listed().stream().filter(c -> c.stage().equals(stage))
          .mapToInt(PipelinePage.StageCount::count).findFirst().orElse(entry.getValue().size());
      ObjectNode group = groups.addObject();
      group.put("heading", Markdown.message(messages, lang, "candidates.stageHeading",
          StageWords.name(messages, lang, stage), count));
      ArrayNode rows = group.putArray("rows");
      for (Application a : entry.getValue()) {
        rows.add(row(a, page, query, lang, listed++ < fit.buttons(), !audience.viewOnly(), fit.textLength(), now));
      }
    }
    return groups;
  }

  /** The stage whose heading lists {@code a}: its process's, else the one Hire names when the counts have it. */
  private static Stage group(PipelinePage page, Application a) {
    Stage named = page.process().named(a.stage());
    return page.counts().stream().anyMatch(c -> c.stage().equals(named)) ? named : Stage.OUTSIDE;
  }

  /**
   * @param buttons whether the row has its buttons at all (the card may not fit them on every row)
   * @param changes whether the row offers changes (Advance, Reject, Move, Note) besides its profile
   * @param textLength the most characters of a Hire text (name, stage) the row's line shows
   * @param now in the chat's zone, where its days begin
   */
  private ObjectNode row(Application a, PipelinePage page, CandidatesQuery query, Language lang, boolean buttons,
      boolean changes, int textLength, ZonedDateTime now) {
    ObjectNode row = cards.model();
    String name = Labels.cut(Names.of(a.talentName()), textLength);
    if (a.appliedAt() == null) {
      row.put("line", Markdown.message(messages, lang, "candidates.row.nodate", name));
    } else {
      String inStage = StageDays.inStage(messages, lang, StageDays.of(a, now.toInstant(), now.getZone()));
      row.put("line", Markdown.message(messages, lang, "candidates.row", name,
          DateTexts.date(a.appliedAt(), now, lang),
          new Markdown.Own(inStage)));
    }
    // Under "Other stage", the row says which stage it is in where Hire named it.
    if (Stage.OUTSIDE.equals(group(page, a)) && a.stage().hasName()) {
      row.put("line", Markdown.message(messages, lang, "flow.row", new Markdown.Own(row.get("line").asText()),
          Labels.cut(StageWords.name(messages, lang, a.stage()), textLength)));
    }
    // The step's state in a few words, from what the row's read already holds (no call of its own).
    String marker = flow.marker(a, now, lang);
    if (!marker.isEmpty()) {
      row.put("line", messages.get(lang, "flow.row", row.get("line").asText(), marker));
    }
    if (!buttons) {
      return row;
    }
    // The page and the filter travel in the value, so the card a click returns is the list the user was on.
    row.set("more", rowValue(RowActions.MORE, a, page, query, lang));
    if (changes) {
      changes(row, a, Names.of(a.talentName()), page, query, lang);
    }
    return row;
  }

  /**
   * Advance, Reject, Move and Note: only the changes Hire takes ({@link Changes}), so a hire's row keeps its note alone;
   * a row waiting in pending onboarding says where its join is done, as it has no Advance.
   */
  private void changes(ObjectNode row, Application a, String name, PipelinePage page, CandidatesQuery query,
      Language lang) {
    Changes allowed = Changes.of(page.process(), a);
    if (allowed.advance().isPresent()) {
      row.set("advance", rowValue(RowActions.ADVANCE, a, page, query, lang));
    }
    if (!allowed.moves().isEmpty()) {
      row.put("movable", true);
    }
    if (allowed.reject()) {
      row.put("rejectConfirm", messages.get(lang, "confirm.reject.text", name, Names.of(page.job().title())));
      row.set("reject", rowValue(RowActions.REJECT, a, page, query, lang));
    }
    if (allowed.joinsInHire()) {
      row.put("line", messages.get(lang, "flow.row", row.get("line").asText(),
          messages.get(lang, "candidates.row.joinsInHire")));
    }
    row.put("note", true);
  }

  private ObjectNode rowValue(String action, Application a, PipelinePage page, CandidatesQuery query, Language lang) {
    return query.writeFilter(QuickActions.value(cards.model(), action, a, lang).put("page", page.page()));
  }
}
