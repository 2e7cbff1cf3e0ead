package io.hirebot.feature.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.bot.ActionResult;
import io.hirebot.bot.Toast;
import io.hirebot.bot.CommandContext;
import io.hirebot.bot.CommandHandler;
import io.hirebot.bot.Feature;
import io.hirebot.bot.FeatureRegistry;
import io.hirebot.bot.Reply;
import io.hirebot.bot.inbound.CardAction;
import io.hirebot.cards.Cards;
import io.hirebot.cards.JobChoiceCard;
import io.hirebot.command.Command.ShowPipeline;
import io.hirebot.i18n.Language;
import io.hirebot.hire.HireDirectory;
import io.hirebot.hire.HireMeter;
import io.hirebot.hire.Job;
import io.hirebot.hire.JobMatcher;
import io.hirebot.hire.Application;
import io.hirebot.hire.PipelinePage;
import io.hirebot.hire.PipelineReader;
import io.hirebot.hire.StageEntries;
import io.hirebot.i18n.Messages;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

/**
 * "pipeline for job X": the job's funnel. Counts come from the per-stage id lists (exact), active and terminated
 * (the drop-outs, for the pass-through rates); the median days need each application's stage entry time, so they are
 * read for at most {@link #MAX_SAMPLE} applications, and counted from the entry the team saw ({@link StageEntries}), as
 * the candidate rows count them.
 */
public final class PipelineFeature implements Feature, CommandHandler<ShowPipeline> {
  static final String SHOW = "pipeline.show";
  private static final JobMatcher JOBS = new JobMatcher();
  /** Bounds the detail calls (10/s) of one funnel; the counts stay exact beyond it. */
  static final int MAX_SAMPLE = 40;

  private final HireMeter meter;
  private final JobChoiceCard choices;
  private final PipelineCard card;
  private final Messages messages;
  private final Clock clock;
  private final StageEntries entries;

  public PipelineFeature(HireMeter meter, JobChoiceCard choices, Cards cards, Messages messages, Clock clock,
      StageEntries entries) {
    this.meter = meter;
    this.choices = choices;
    this.card = new PipelineCard(cards, messages);
    this.messages = messages;
    this.clock = clock;
    this.entries = entries;
  }

  @Override
  public void register(FeatureRegistry registry) {
    registry.command(ShowPipeline.class, this).action(SHOW, this::show);
  }

  @Override
  public Future<Reply> handle(ShowPipeline command, CommandContext context) {
    Language lang = context.language();
    return meter.run("pipeline", hire -> JOBS.lookUp(hire, command.jobQuery())
        .compose(match -> choices.resolve(match, command.jobQuery(), SHOW, lang,
            job -> funnel(hire, job, lang, context.zone()), c -> c))).map(Reply::card);
  }

  /** A job picked from the picker or not-found card. */
  Future<ActionResult> show(CardAction action, Language lang) {
    String jobId = action.value().path("job_id").asText("");
    return meter.run(SHOW, hire -> hire.jobs().compose(jobs -> {
      var job = jobs.stream().filter(j -> j.id().equals(jobId)).findFirst();
      return job.isEmpty() ? Future.succeededFuture(ActionResult.of(Toast.error(messages, "toast.expired")))
          : funnel(hire, job.get(), lang, action.zone()).map(c -> new ActionResult(Toast.NONE, c));
    }));
  }

  /** @param zone the chat's: where a day begins, for the days in a stage */
  private Future<ObjectNode> funnel(HireDirectory hire, Job job, Language lang, ZoneId zone) {
    PipelineReader reader = new PipelineReader(hire);
    return reader.stages(job).compose(pipeline -> {
      List<String> ids = pipeline.ids(io.hirebot.hire.PipelineFilter.NONE);
      List<String> sample = ids.subList(0, Math.min(ids.size(), MAX_SAMPLE));
      Future<List<PipelinePage.StageCount>> droppedOut = reader.droppedOut(pipeline);
      Future<List<Application>> apps = reader.details(sample).compose(entries::ofApplications);
      return Future.all(droppedOut, apps).map(done -> card.render(job,
          Funnel.of(pipeline.counts(), droppedOut.result(), apps.result(), clock.instant(), zone), sample.size(), lang));
    });
  }
}
