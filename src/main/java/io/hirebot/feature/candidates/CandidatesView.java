package io.hirebot.feature.candidates;

import io.hirebot.bot.Reply;
import io.hirebot.i18n.Language;
import io.hirebot.hire.HireDirectory;
import io.hirebot.hire.Job;
import io.hirebot.hire.PipelineReader;
import io.vertx.core.Future;
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
            .map(p -> Optional.of(new Reply.Card(card.render(p, query, lang, notice),
                card.view(query, p.page(), lang)))));
  }

  public Future<Optional<Job>> job(String jobId) {
    return hire.jobs().map(jobs -> jobs.stream().filter(j -> j.id().equals(jobId)).findFirst());
  }
}
