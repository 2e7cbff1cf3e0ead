package io.hirebot.feature.candidates;

import io.hirebot.bot.ActionResult;
import io.hirebot.bot.inbound.CardAction;
import io.hirebot.command.Language;
import io.hirebot.i18n.Messages;
import io.vertx.core.Future;

/** Card buttons that show a job's candidates: a job chosen from a picker, next / previous page, Back. */
public final class CandidatesActions {
  public static final String SHOW = "candidates.show";
  public static final String PAGE = "candidates.page";

  private final CandidatesView view;
  private final Messages messages;

  public CandidatesActions(CandidatesView view, Messages messages) {
    this.view = view;
    this.messages = messages;
  }

  public Future<ActionResult> showPage(CardAction action, Language lang) {
    String jobId = action.value().path("job_id").asText("");
    int page = Math.max(0, action.value().path("page").asInt(0));
    return view.render(jobId, page, lang, null).map(card -> card
        .map(c -> new ActionResult(ActionResult.ToastType.INFO, messages.get(lang, "toast.page", page + 1), c))
        .orElseGet(() -> ActionResult.error(messages.get(lang, "toast.expired"))));
  }
}
