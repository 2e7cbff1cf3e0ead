package io.hirebot.feature.jobs;

import io.hirebot.cards.SharedActions;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.cards.Cards;
import io.hirebot.cards.Markdown;
import io.hirebot.cards.Pager;
import io.hirebot.i18n.HireTexts;
import io.hirebot.i18n.Language;
import io.hirebot.hire.HireDirectory;
import io.hirebot.hire.Job;
import io.hirebot.hire.JobMatcher;
import io.hirebot.hire.JobPipeline;
import io.hirebot.hire.PipelinePage;
import io.hirebot.hire.PipelineReader;
import io.hirebot.i18n.Messages;
import io.hirebot.i18n.Names;
import io.hirebot.i18n.StageWords;
import io.vertx.core.Future;
import io.hirebot.util.Kept;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One page of the open jobs ({@code cards/jobs.json}): each job with its active candidates counted per
 * kind of stage (screening, interview, offer…), read through the same per-stage lists as the candidates card, those of
 * a job only when its whole list names someone ({@link PipelineReader#stagesIfAny}: a page of jobs nobody applies to
 * costs a call per job, not one per stage).
 */
final class JobsCard {
  static final String PAGE = "jobs.page";

  /**
   * The kinds of stage a row names at most before it counts the others together: every kind of step of the flow (six)
   * and a pool or two.
   */
  static final int KINDS_NAMED = 7;

  /** The kinds a row names first: the busiest (ties: in the order of Hire's stage types). */
  private static final Comparator<StageWords.KindCount> BUSIEST =
      Comparator.comparingInt(StageWords.KindCount::count).reversed();

  private final Cards cards;
  private final Messages messages;

  JobsCard(Cards cards, Messages messages) {
    this.cards = cards;
    this.messages = messages;
  }

  /** Reads the counts of the jobs on {@code page} (only those) and renders the card (at the last page, past it). */
  public Future<Pager.Page> render(HireDirectory hire, String keyword, int page, Language lang) {
    return hire.jobs().compose(all -> {
      List<Job> open = all.stream().filter(Job::open)
          .filter(j -> keyword.isEmpty() || JobMatcher.mentions(j, keyword)).toList();
      int pages = Pager.pages(open.size(), Pager.PAGE_SIZE);
      int p = Pager.clamp(page, pages);
      List<Job> shown = open.subList(Math.min(open.size(), p * Pager.PAGE_SIZE),
          Math.min(open.size(), (p + 1) * Pager.PAGE_SIZE));
      PipelineReader reader = new PipelineReader(hire);
      List<Future<JobPipeline>> pipelines = shown.stream().map(reader::stagesIfAny).toList();
      return Future.all(pipelines).map(done -> new Pager.Page(cards.bilingual(lang, l -> renderIn(keyword,
          open.size(), p, pages, pipelines.stream().map(Future::result).toList(), l)), p));
    });
  }

  /** The value that shows these jobs at {@code page}: its pager's, and what a typed "next page" pages. */
  ObjectNode view(String keyword, int page, Language lang) {
    return cards.model().put("action", PAGE).put("keyword", keyword).put(Pager.PAGE, page)
        .put("lang", lang.feishuLocale());
  }

  private ObjectNode renderIn(String keyword, int openJobs, int p, int pages, List<JobPipeline> shown,
      Language lang) {
    ObjectNode model = cards.model();
    model.set("t", cards.mapper().valueToTree(messages.all(lang)));
    model.put("title", messages.get(lang, "jobs.title"));
    model.put("subtitle", keyword.isEmpty() ? messages.get(lang, "jobs.subtitle", openJobs)
        : messages.get(lang, "jobs.subtitle.keyword", openJobs, keyword));
    model.put("empty", openJobs == 0);
    model.put("emptyText", messages.get(lang, "jobs.empty"));
    ArrayNode jobs = model.putArray("jobs");
    shown.forEach(pipeline -> jobs.add(row(pipeline, lang)));
    Pager.put(model, p, pages, openJobs, view(keyword, p, lang), messages, lang);
    return cards.render("jobs", model);
  }

  private ObjectNode row(JobPipeline pipeline, Language lang) {
    Job job = pipeline.job();
    ObjectNode item = cards.model();
    item.put("line", Markdown.message(messages, lang, "jobs.row", Names.of(job.title()), job.code()));
    item.put("counts", countsByType(pipeline, lang));
    ObjectNode value = item.putObject("value");
    value.put("action", SharedActions.CANDIDATES_SHOW);
    value.put("job_id", job.id());
    value.put("page", 0);
    value.put("lang", lang.feishuLocale());
    return item;
  }

  /**
   * "5 active: Screening 3 · Interview 2 · Talent Reserve 1 · 1 hired": the active candidates by kind of stage
   * ({@link StageWords#countsByKind}: a pool stage by its own name), empty kinds left out, and the hires after them,
   * apart, so the breakdown adds up to the active count. A process of many pools with people in them would name them
   * all on every row, past Feishu's 30 KB for a page of ten jobs (71 KB with 245 pools): a row of more than
   * {@value #KINDS_NAMED} + 1 kinds names its busiest {@value #KINDS_NAMED}, in their order, and counts the others
   * together ("+242 more stages 242"), which still adds up.
   */
  private String countsByType(JobPipeline pipeline, Language lang) {
    List<PipelinePage.StageCount> active = pipeline.counts().stream().filter(c -> !c.stage().hired()).toList();
    List<StageWords.KindCount> kinds = StageWords.countsByKind(messages, lang, active);
    List<StageWords.KindCount> named = kinds.size() <= KINDS_NAMED + 1 ? kinds
        : Kept.inOrder(kinds, KINDS_NAMED, BUSIEST);
    List<String> parts = new ArrayList<>();
    named.forEach(k -> parts.add(Markdown.message(messages, lang, "candidates.stageCount", k.kind(), k.count())));
    if (named.size() < kinds.size()) {
      List<StageWords.KindCount> others = kinds.stream().filter(k -> !named.contains(k)).toList();
      // Our own words, not data: their "+" is no list marker to escape.
      Markdown.Own more = new Markdown.Own(Markdown.message(messages, lang, "jobs.moreStages",
          others.stream().mapToInt(StageWords.KindCount::stages).sum()));
      parts.add(Markdown.message(messages, lang, "candidates.stageCount", more,
          others.stream().mapToInt(StageWords.KindCount::count).sum()));
    }
    String hired = HireTexts.hiredSuffix(messages, lang, PipelinePage.hired(pipeline.counts()));
    return parts.isEmpty() ? messages.get(lang, "jobs.nocandidates") + hired
        : messages.get(lang, "jobs.active", pipeline.inProcess(), String.join(" · ", parts), hired);
  }
}
