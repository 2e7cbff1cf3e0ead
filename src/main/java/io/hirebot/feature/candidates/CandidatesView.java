package io.hirebot.feature.candidates;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.command.Language;
import io.hirebot.hire.HireDirectory;
import io.hirebot.hire.Job;
import io.hirebot.hire.PipelineFilter;
import io.hirebot.hire.PipelineReader;
import io.vertx.core.Future;
import java.util.Optional;

/** Renders the candidates card for a job id and page, fresh from Hire, with an optional notice on top. */
public final class CandidatesView {
  private final HireDirectory hire;
  private final PipelineReader pipeline;
  private final CandidatesCard card;

  public CandidatesView(HireDirectory hire, PipelineReader pipeline, CandidatesCard card) {
    this.hire = hire;
    this.pipeline = pipeline;
    this.card = card;
  }

  /** Empty when the job no longer exists. */
  public Future<Optional<ObjectNode>> render(String jobId, int page, Language lang, Notice notice) {
    return job(jobId).compose(job -> job.isEmpty()
        ? Future.succeededFuture(Optional.<ObjectNode>empty())
        : pipeline.read(job.get(), page, ShowCandidatesHandler.PAGE_SIZE)
            .map(p -> Optional.of(card.render(p, new CandidatesQuery(jobId, PipelineFilter.NONE, ""), lang, notice))));
  }

  public Future<Optional<Job>> job(String jobId) {
    return hire.jobs().map(jobs -> jobs.stream().filter(j -> j.id().equals(jobId)).findFirst());
  }
}
