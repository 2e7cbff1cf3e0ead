package io.hirebot.feature.pipeline;

import io.hirebot.cards.SharedActions;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.cards.Markdown;
import io.hirebot.cards.RowsShown;
import io.hirebot.cards.StageDays;
import io.hirebot.cards.Cards;
import io.hirebot.i18n.Language;
import io.hirebot.hire.Job;
import io.hirebot.i18n.HireTexts;
import io.hirebot.i18n.Messages;
import io.hirebot.i18n.Names;
import io.hirebot.i18n.StageWords;
import io.hirebot.util.Kept;

/**
 * The funnel card ({@code cards/pipeline.json}): one line per step with count, bar, median days, pass-through rate
 * and drop-outs, the pool stages apart on one line, and a legend saying what the rate is out of.
 */
final class PipelineCard {
  /** Longest bar, in blocks; bars are scaled to the fullest stage. */
  static final int BAR_WIDTH = 12;

  /** The steps a card too small for them all keeps first: those with someone in them. */
  private static final java.util.Comparator<Funnel.Step> PEOPLE_FIRST =
      java.util.Comparator.comparing(s -> s.count() == 0);

  private final Cards cards;
  private final Messages messages;

  PipelineCard(Cards cards, Messages messages) {
    this.cards = cards;
    this.messages = messages;
  }

  /**
   * The card in both languages (each viewer reads their own), or the writer's alone where that is too big; a process of
   * more steps than fit one card lists those that fit, the steps with candidates first (a step with people matters more
   * than an empty one), in process order, and says so ({@link Cards#fitRows}).
   */
  ObjectNode render(Job job, Funnel funnel, int sampled, Language lang) {
    return cards.fitRows("pipeline", lang, funnel.steps().size(), (n, l) -> model(job, funnel, sampled, n, l)).card();
  }

  private ObjectNode model(Job job, Funnel funnel, int sampled, int listed, Language lang) {
    ObjectNode model = cards.model();
    model.set("t", cards.mapper().valueToTree(messages.all(lang)));
    model.put("title", messages.get(lang, "pipeline.title", Names.of(job.title())));
    model.put("subtitle", messages.get(lang, "pipeline.subtitle", funnel.inProcess(),
        HireTexts.hiredSuffix(messages, lang, funnel.hired())));
    model.put("empty", funnel.total() == 0);
    model.put("emptyText", messages.get(lang, "candidates.empty"));
    int fullest = funnel.steps().stream().mapToInt(Funnel.Step::count).max().orElse(0);
    ArrayNode steps = model.putArray("steps");
    for (Funnel.Step s : Kept.inOrder(funnel.steps(), listed, PEOPLE_FIRST)) {
      ObjectNode step = steps.addObject();
      step.put("line", Markdown.message(messages, lang, "pipeline.step", StageWords.name(messages, lang, s.stage()),
          s.count(), bar(s.count(), fullest)));
      String median = s.medianDays() < 0 ? "" : StageDays.median(messages, lang, s.medianDays());
      String conversion = s.conversion() < 0 ? ""
          : messages.get(lang, "pipeline.conversion", s.conversion(), s.passed(), s.reached());
      String dropped = s.droppedOut() == 0 ? "" : messages.get(lang, "pipeline.droppedOut", s.droppedOut());
      step.put("detail", String.join(" · ", java.util.stream.Stream.of(median, conversion, dropped)
          .filter(x -> !x.isEmpty()).toList()));
    }
    model.put("apart", apart(funnel, lang));
    // The percentages are read as facts: the card says what they are out of wherever one is shown.
    boolean rates = funnel.steps().stream().anyMatch(s -> s.conversion() >= 0);
    model.put("legend", rates ? messages.get(lang, "pipeline.legend") : "");
    model.put("footer", messages.get(lang, sampled < funnel.total() ? "pipeline.footer.sampled" : "pipeline.footer",
        sampled, funnel.total()));
    ObjectNode candidates = model.putObject("candidates");
    candidates.put("action", SharedActions.CANDIDATES_SHOW).put("job_id", job.id()).put("page", 0).put("lang", lang.feishuLocale());
    RowsShown.put(model, listed, funnel.steps().size(), messages.get(lang, "cards.shown.pipeline"), messages, lang);
    return model;
  }

  /** The pool stages (Talent reserve …) with their counts, on one line after the steps; "" when there are none. */
  private String apart(Funnel funnel, Language lang) {
    if (funnel.apart().isEmpty()) {
      return "";
    }
    String pools = String.join(" · ", funnel.apart().stream().map(c -> Markdown.message(messages, lang,
        "pipeline.apart.stage", StageWords.name(messages, lang, c.stage()), c.count())).toList());
    return Markdown.message(messages, lang, "pipeline.apart", new Markdown.Own(pools));
  }

  private static String bar(int count, int fullest) {
    if (count == 0 || fullest == 0) {
      return "";
    }
    return "▇".repeat(Math.max(1, Math.round((float) BAR_WIDTH * count / fullest)));
  }
}
