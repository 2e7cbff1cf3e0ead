package io.hirebot.feature.candidates;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.cards.Cards;
import io.hirebot.command.Language;
import io.hirebot.hire.Application;
import io.hirebot.hire.PipelinePage;
import io.hirebot.hire.Stage;
import io.hirebot.i18n.Messages;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the candidates card ({@code cards/candidates.json}) from one page of a job's pipeline: stage
 * counts, candidates grouped by stage in process order, quick-action buttons and the pager.
 */
public final class CandidatesCard {
  static final String TEMPLATE = "candidates";
  private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);
  private static final DateTimeFormatter ZH_DATE = DateTimeFormatter.ofPattern("M月d日", Locale.CHINESE);

  private final Cards cards;
  private final Messages messages;
  private final Clock clock;
  private final ZoneId zone;

  public CandidatesCard(Cards cards, Messages messages, Clock clock, ZoneId zone) {
    this.cards = cards;
    this.messages = messages;
    this.clock = clock;
    this.zone = zone;
  }

  public ObjectNode render(PipelinePage page, Language lang) {
    String locale = lang.feishuLocale();
    String title = page.job().title();
    ObjectNode model = cards.model();
    model.set("t", cards.mapper().valueToTree(messages.all(lang)));
    model.put("title", messages.get(lang, "candidates.title", title));
    model.put("subtitle", page.job().code().isEmpty()
        ? messages.get(lang, "candidates.subtitle.nocode", page.total())
        : messages.get(lang, "candidates.subtitle", page.job().code(), page.total()));
    model.put("totalTag", messages.get(lang, "candidates.total", page.total()));
    model.put("summary", messages.get(lang, "candidates.summary", title, page.total()));
    model.put("stageCounts", stageCounts(page, locale));
    model.put("empty", page.total() == 0);
    model.put("emptyText", messages.get(lang, "candidates.empty"));
    model.set("groups", groups(page, lang));
    if (page.pages() > 1) {
      ObjectNode pager = model.putObject("pager");
      pager.put("label", messages.get(lang, "candidates.page", page.page() + 1, page.pages(), page.total()));
      pager.put("firstPage", page.page() == 0);
      pager.put("lastPage", page.page() >= page.pages() - 1);
      pager.set("previous", pageValue(page, Math.max(0, page.page() - 1), lang));
      pager.set("next", pageValue(page, Math.min(page.pages() - 1, page.page() + 1), lang));
    }
    return cards.render(TEMPLATE, model);
  }

  private String stageCounts(PipelinePage page, String locale) {
    List<String> parts = new ArrayList<>();
    for (PipelinePage.StageCount c : page.counts()) {
      if (c.count() > 0) {
        parts.add(c.stage().name(locale) + " **" + c.count() + "**");
      }
    }
    return String.join(" · ", parts);
  }

  private ArrayNode groups(PipelinePage page, Language lang) {
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
      group.put("heading", messages.get(lang, "candidates.stageHeading", stage.name(lang.feishuLocale()), count));
      ArrayNode rows = group.putArray("rows");
      for (Application a : entry.getValue()) {
        rows.add(row(a, page, lang));
      }
    }
    return groups;
  }

  private ObjectNode row(Application a, PipelinePage page, Language lang) {
    ObjectNode row = cards.model();
    String name = a.talentName().isBlank() ? a.talentId() : a.talentName();
    if (a.appliedAt() == null) {
      row.put("line", messages.get(lang, "candidates.row.nodate", name));
    } else {
      var since = a.stageEnteredAt() != null ? a.stageEnteredAt() : a.appliedAt();
      long days = Math.max(0, Duration.between(since, clock.instant()).toDays());
      String applied = (lang == Language.ZH ? ZH_DATE : EN_DATE).format(a.appliedAt().atZone(zone));
      row.put("line", messages.get(lang, "candidates.row", name, applied, days));
    }
    row.put("rejectConfirm", messages.get(lang, "confirm.reject.text", name, page.job().title()));
    row.set("advance", actionValue("advance", a, lang));
    row.set("reject", actionValue("reject", a, lang));
    row.set("profile", actionValue("profile", a, lang));
    return row;
  }

  /** Callback values carry what the card showed (stage) so a later click can tell the card is stale. */
  private ObjectNode actionValue(String action, Application a, Language lang) {
    ObjectNode v = cards.model();
    v.put("action", action);
    v.put("application_id", a.id());
    v.put("job_id", a.jobId());
    v.put("talent_id", a.talentId());
    v.put("stage_id", a.stage().id());
    v.put("lang", lang.feishuLocale());
    return v;
  }

  private ObjectNode pageValue(PipelinePage page, int target, Language lang) {
    ObjectNode v = cards.model();
    v.put("action", CandidatesActions.PAGE);
    v.put("job_id", page.job().id());
    v.put("page", target);
    v.put("shown_page", page.page());
    v.put("lang", lang.feishuLocale());
    return v;
  }
}
