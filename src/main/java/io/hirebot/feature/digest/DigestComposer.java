package io.hirebot.feature.digest;

import io.hirebot.hire.Application;
import io.hirebot.hire.OfferStatuses;
import io.hirebot.hire.Offer;
import io.hirebot.bot.Reply;
import io.hirebot.i18n.Language;
import io.hirebot.hire.HireDirectory;
import io.hirebot.hire.Interview;
import io.hirebot.hire.Job;
import io.hirebot.hire.Partial;
import io.hirebot.hire.PipelinePage;
import io.hirebot.hire.PipelineReader;
import io.hirebot.store.SubscriptionStore;
import io.hirebot.hire.TaskBoard;
import io.hirebot.hire.TaskBoard.Waiting;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Gathers what a chat's digest covers — the named job, else the chat's subscribed jobs, else the first open
 * jobs — and renders it. Pipelines come from a per-run map, so chats following one job share its fetches.
 */
final class DigestComposer {
  private static final Logger log = LoggerFactory.getLogger(DigestComposer.class);
  /** Jobs a digest covers when the chat follows none; more would make a long card. */
  static final int MAX_UNFOLLOWED_JOBS = 5;
  /** Applications read per job; far above a normal job's active pipeline. */
  static final int MAX_APPLICATIONS = 500;

  private final HireDirectory hire;
  private final PipelineReader pipeline;
  private final SubscriptionStore subscriptions;
  private final DigestCard card;
  private final TaskBoard tasks;
  private final Duration overdueAfter;

  /** @param overdueAfter how long a Hire task waits before "waiting on the team" lists it (the nudges' age) */
  DigestComposer(HireDirectory hire, PipelineReader pipeline, SubscriptionStore subscriptions, DigestCard card,
      TaskBoard tasks, Duration overdueAfter) {
    this.hire = hire;
    this.pipeline = pipeline;
    this.subscriptions = subscriptions;
    this.card = card;
    this.tasks = tasks;
    this.overdueAfter = overdueAfter;
  }

  /**
   * @param jobId the schedule's job, or empty for the chat's subscriptions
   * @param shared pipelines already fetched in this run, by job id (filled by this call)
   */
  public Future<Reply> compose(String chatId, String jobId, Language lang, DigestCard.Period period,
      Map<String, Future<PipelinePage>> shared) {
    return jobs(chatId, jobId).compose(jobs -> {
      List<Future<PipelinePage>> pages = jobs.stream()
          .map(job -> shared.computeIfAbsent(job.id(), id -> pipeline.read(job, 0, MAX_APPLICATIONS)))
          .toList();
      // The day's interviews: one read for every chat of the run in the same zone (the directory caches it).
      LocalDate day = LocalDate.ofInstant(period.until(), period.zone());
      // Without the interview scope the digest still goes out, saying interviews are hidden.
      Future<Partial<List<Interview>>> today = Partial.of(hire.interviews(day.atStartOfDay(period.zone()).toInstant(),
          day.plusDays(1).atStartOfDay(period.zone()).toInstant()), List.of());
      return Future.all(Future.all(pages), today).compose(all -> {
        List<PipelinePage> read = pages.stream().map(Future::result).toList();
        Future<List<Waiting>> waiting = overdue(read, period.until());
        Future<Map<String, Offer>> offers = offers(read);
        return Future.all(offers, waiting).map(done -> card.render(read, today.result().value(),
            today.result().missingScope(), offers.result(), waiting.result(), period, lang));
      });
    });
  }

  /**
   * The Hire tasks on the digest's jobs that waited over the nudge age, of the people who can owe them (the jobs'
   * teams and interviewers); none when they cannot be read, so the digest still goes out with the rest.
   */
  private Future<List<Waiting>> overdue(List<PipelinePage> pages, Instant now) {
    Map<String, Application> known = new HashMap<>();
    pages.forEach(p -> p.applications().forEach(a -> known.put(a.id(), a)));
    return tasks.onJobs(pages.stream().map(p -> p.job().id()).collect(Collectors.toSet()), known, now)
        .map(all -> all.stream().filter(w -> w.waited(now).compareTo(overdueAfter) > 0).toList())
        .otherwise(e -> {
          log.warn("digest without waiting tasks cause={}", e.toString());
          return List.of();
        });
  }

  /**
   * The current offers of the applications each job's offer line names (a few per job, one cached list per
   * talent); null when Hire would not say (a missing offer scope), so the digest still goes out, with stages.
   */
  private Future<Map<String, Offer>> offers(List<PipelinePage> pages) {
    List<Application> named = pages.stream().flatMap(p -> DigestCard.namedAtOffer(p.applications()).stream()).toList();
    return OfferStatuses.of(hire, named).otherwise((Map<String, Offer>) null);
  }

  private Future<List<Job>> jobs(String chatId, String jobId) {
    Future<Set<String>> wanted = !jobId.isEmpty() ? Future.succeededFuture(Set.of(jobId))
        : subscriptions.ofChat(chatId).map(subs -> subs.stream().map(SubscriptionStore.Subscription::jobId)
            .collect(Collectors.toSet()));
    return wanted.compose(ids -> hire.jobs().map(all -> ids.isEmpty()
        ? all.stream().filter(Job::open).limit(MAX_UNFOLLOWED_JOBS).toList()
        : all.stream().filter(j -> ids.contains(j.id())).toList()));
  }
}
