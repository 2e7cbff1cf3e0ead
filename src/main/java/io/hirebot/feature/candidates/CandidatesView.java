package io.hirebot.feature.candidates;

import io.hirebot.bot.Reply;
import io.hirebot.i18n.Language;
import io.hirebot.hire.HireDirectory;
import io.hirebot.hire.Application;
import io.hirebot.hire.Job;
import io.hirebot.hire.JobPipeline;
import io.hirebot.hire.PipelinePage;
import io.hirebot.hire.PipelineReader;
import io.vertx.core.Future;
import java.util.Map;
import java.util.Optional;

/** Renders a candidates list (job, filter, page), fresh from Hire, with an optional notice on top. */
final class CandidatesView {
  private final HireDirectory hire;
  private final PipelineReader pipeline;
  private final CandidatesCard card;

  CandidatesView(HireDirectory hire, PipelineReader pipeline, CandidatesCard card) {
    this.hire = hire;
    this.pipeline = pipeline;
    this.card = card;
  }

  /** The list's page (or its last, when it shrank) with the notice on top; empty when the job no longer exists. */
  Future<Optional<Reply.Card>> render(CandidatesQuery query, int page, Language lang, Notice notice) {
    return job(query.jobId()).compose(job -> job.isEmpty()
        ? Future.succeededFuture(Optional.<Reply.Card>empty())
        : pipeline.read(job.get(), query.filter(), page, CandidatesFeature.PAGE_SIZE)
            .map(p -> Optional.of(card(p, query, lang, notice))));
  }

  /**
   * The job's stage lists as they are before a change (usually the ones the card was rendered from, still cached),
   * so that the answer after the change reads no list; empty when the job no longer exists.
   */
  Future<Optional<JobPipeline>> lists(String jobId) {
    return job(jobId).compose(job -> job.isEmpty() ? Future.succeededFuture(Optional.<JobPipeline>empty())
        : pipeline.stages(job.get()).map(Optional::of));
  }

  /**
   * The list's page after a change Hire accepted: {@code before} with {@code changed} where the change put it (out
   * of the lists when no longer active), and shown as it now is.
   */
  Future<Reply.Card> render(JobPipeline before, Application changed, CandidatesQuery query, int page, Language lang,
      Notice notice) {
    JobPipeline after = before.after(changed.id(), changed.active() ? changed.stage().id() : null);
    return pipeline.read(after, query.filter(), page, CandidatesFeature.PAGE_SIZE, Map.of(changed.id(), changed))
        .map(p -> card(p, query, lang, notice));
  }

  private Reply.Card card(PipelinePage p, CandidatesQuery query, Language lang, Notice notice) {
    return new Reply.Card(card.render(p, query, lang, notice), card.view(query, p.page(), lang, notice));
  }

  public Future<Optional<Job>> job(String jobId) {
    return hire.jobs().map(jobs -> jobs.stream().filter(j -> j.id().equals(jobId)).findFirst());
  }
}
