package io.hirebot.feature.candidates;

import io.hirebot.bot.CardPlace;
import io.hirebot.bot.Reply;
import io.hirebot.i18n.Language;
import io.hirebot.hire.HireDirectory;
import io.hirebot.hire.Application;
import io.hirebot.hire.Job;
import io.hirebot.hire.JobPipeline;
import io.hirebot.hire.PipelinePage;
import io.hirebot.hire.PipelineReader;
import io.hirebot.hire.StageEntries;
import io.vertx.core.Future;
import java.util.Map;
import java.util.Optional;

/** Renders a candidates list (job, filter, page), fresh from Hire, with an optional notice on top. */
final class CandidatesView {
  private final HireDirectory hire;
  private final PipelineReader pipeline;
  private final CandidatesCard card;
  private final Audiences audiences;
  private final StageEntries entries;

  CandidatesView(HireDirectory hire, PipelineReader pipeline, CandidatesCard card, Audiences audiences,
      StageEntries entries) {
    this.hire = hire;
    this.pipeline = pipeline;
    this.card = card;
    this.audiences = audiences;
    this.entries = entries;
  }

  /**
   * The list's page (or its last, when it shrank) with the notice on top, shown at {@code place}; empty when the job no
   * longer exists.
   */
  Future<Optional<Reply.Card>> render(CandidatesQuery query, int page, Language lang, Notice notice, CardPlace place) {
    Future<Audience> audience = audiences.of(query.jobId(), place);
    return job(query.jobId()).compose(job -> job.isEmpty()
        ? Future.succeededFuture(Optional.<Reply.Card>empty())
        : pipeline.read(job.get(), query.filter(), page, CandidatesFeature.PAGE_SIZE)
            .compose(p -> card(p, query, lang, notice, audience)).map(Optional::of));
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
      Notice notice, CardPlace place) {
    Future<Audience> audience = audiences.of(query.jobId(), place);
    JobPipeline after = before.after(changed.id(), changed.active() ? changed.stage().id() : null);
    return pipeline.read(after, query.filter(), page, CandidatesFeature.PAGE_SIZE, Map.of(changed.id(), changed))
        .compose(p -> card(p, query, lang, notice, audience));
  }

  private Future<Reply.Card> card(PipelinePage p, CandidatesQuery query, Language lang, Notice notice,
      Future<Audience> audience) {
    return entries.of(p).compose(shown -> audience.map(offers -> new Reply.Card(
        card.render(shown, query, lang, notice, offers), card.view(query, shown.page(), lang, notice))));
  }

  public Future<Optional<Job>> job(String jobId) {
    return hire.jobs().map(jobs -> jobs.stream().filter(j -> j.id().equals(jobId)).findFirst());
  }
}
