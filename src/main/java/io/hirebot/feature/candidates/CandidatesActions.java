package io.hirebot.feature.candidates;

import io.hirebot.bot.ActionResult;
import io.hirebot.bot.inbound.CardAction;
import io.hirebot.command.Language;
import io.hirebot.hire.HireDirectory;
import io.hirebot.hire.PipelineReader;
import io.hirebot.i18n.Messages;
import io.vertx.core.Future;

/** Card buttons that show a job's candidates: a job chosen from a picker, and next / previous page. */
public final class CandidatesActions {
  public static final String SHOW = "candidates.show";
  public static final String PAGE = "candidates.page";

  private final HireDirectory hire;
  private final PipelineReader pipeline;
  private final CandidatesCard card;
  private final Messages messages;

  public CandidatesActions(HireDirectory hire, PipelineReader pipeline, CandidatesCard card, Messages messages) {
    this.hire = hire;
    this.pipeline = pipeline;
    this.card = card;
    this.messages = messages;
  }

  public Future<ActionResult> showPage(CardAction action, Language lang) {
    String jobId = action.value().path("job_id").asText("");
    int page = Math.max(0, action.value().path("page").asInt(0));
    pipeline.prefetch();
    return hire.jobs().compose(jobs -> {
      var job = jobs.stream().filter(j -> j.id().equals(jobId)).findFirst();
      if (job.isEmpty()) {
        return Future.succeededFuture(ActionResult.error(messages.get(lang, "toast.expired")));
      }
      return pipeline.read(job.get(), page, ShowCandidatesHandler.PAGE_SIZE)
          .map(p -> new ActionResult(ActionResult.ToastType.INFO,
              messages.get(lang, "toast.page", p.page() + 1), card.render(p, lang)));
    });
  }
}
