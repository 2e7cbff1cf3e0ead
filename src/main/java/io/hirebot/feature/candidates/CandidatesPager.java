package io.hirebot.feature.candidates;

import io.hirebot.bot.ActionResult;
import io.hirebot.bot.Toast;
import io.hirebot.bot.inbound.CardAction;
import io.hirebot.hire.Job;
import io.hirebot.i18n.Language;
import io.hirebot.hire.HireMeter;
import io.hirebot.hire.PipelineReader;
import io.hirebot.hire.StageEntries;
import io.hirebot.i18n.Messages;
import io.vertx.core.Future;
import java.time.Clock;

/**
 * Card buttons that show a job's candidates in place of the clicked card: a job chosen from a picker, next / previous
 * page, widen a filter; and the list another card's "Show candidates" asks for, which {@link ListOpening} places.
 */
final class CandidatesPager {
  private final HireMeter meter;
  private final CandidatesCard card;
  private final Audiences audiences;
  private final StageEntries entries;
  private final Messages messages;
  private final Clock clock;

  CandidatesPager(HireMeter meter, CandidatesCard card, Audiences audiences, StageEntries entries,
      Messages messages, Clock clock) {
    this.meter = meter;
    this.card = card;
    this.audiences = audiences;
    this.entries = entries;
    this.messages = messages;
    this.clock = clock;
  }

  /** The list a click asks for, in place of the clicked card: a pager's page, a widened filter, a picker's job. */
  Future<ActionResult> showPage(CardAction action, Language lang) {
    return drawn(action, lang).map(Drawn::answer);
  }

  /**
   * The list a click asks for, drawn for the clicked card's place, with the job it lists.
   *
   * @return the job (null when it is gone) and the answer that puts its list in place of the clicked card (a toast
   *     alone when the job is gone)
   */
  Future<Drawn> drawn(CardAction action, Language lang) {
    CandidatesQuery query = CandidatesQuery.readFrom(action.value());
    int page = Math.max(0, action.value().path("page").asInt(0));
    // Only a living card's view keeps one (a re-render of it): a pager button never carries it.
    Notice kept = Notice.keptBy(action.value(), clock.instant(), action.zone());
    Future<Audience> audience = audiences.of(query.jobId(), action);
    return meter.run(CandidatesFeature.PAGE, hire -> {
      PipelineReader reader = new PipelineReader(hire);
      reader.prefetch();
      return hire.jobs().compose(jobs -> {
        var job = jobs.stream().filter(j -> j.id().equals(query.jobId())).findFirst();
        if (job.isEmpty()) {
          return Future.succeededFuture(new Drawn(null, ActionResult.of(Toast.error(messages, "toast.expired"))));
        }
        return reader.read(job.get(), query.filter(), page, CandidatesFeature.PAGE_SIZE).compose(entries::of)
            .compose(p -> audience.map(offers -> new Drawn(job.get(), new ActionResult(Toast.page(messages, page,
                p.page()), card.render(p, query, lang, kept, offers), card.view(query, p.page(), lang, kept)))));
      });
    });
  }

  /**
   * A list drawn for a click.
   *
   * @param job the job listed, null when it is gone
   * @param answer the list in place of the clicked card, or the toast saying the job is gone
   */
  record Drawn(Job job, ActionResult answer) {}
}
