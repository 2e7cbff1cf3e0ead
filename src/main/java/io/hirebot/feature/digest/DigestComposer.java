package io.hirebot.feature.digest;

import io.hirebot.bot.Reply;
import io.hirebot.hire.Application;
import io.hirebot.hire.HireDirectory;
import io.hirebot.hire.Interview;
import io.hirebot.hire.Job;
import io.hirebot.hire.Offer;
import io.hirebot.hire.OfferStatuses;
import io.hirebot.hire.Partial;
import io.hirebot.hire.PipelinePage;
import io.hirebot.hire.KnownApplications;
import io.hirebot.hire.PipelineReader;
import io.hirebot.hire.StageEntries;
import io.hirebot.hire.TaskBoard;
import io.hirebot.hire.TaskBoard.Waiting;
import io.hirebot.i18n.Language;
import io.hirebot.store.SubscriptionStore;
import io.vertx.core.CompositeFuture;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gathers what a chat's digest covers — the named job, else the chat's subscribed jobs, else the first open
 * jobs — and renders it. A {@link Pass} (one per fan-out) reads each job's data once and renders each distinct
 * digest once, whatever the number of chats that receive it.
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
  /** The applications' details, kept from one pass to the next and read again where Hire says they changed. */
  private final KnownApplications known;
  private final StageEntries entries;

  /**
   * @param overdueAfter how long a Hire task waits before "waiting on the team" lists it (the nudges' age)
   * @param known the details kept between passes, shared with the new-application poll
   * @param entries when each application entered its stage as the team saw it (after an Undo, before the undone move)
   */
  DigestComposer(HireDirectory hire, PipelineReader pipeline, SubscriptionStore subscriptions, DigestCard card,
      TaskBoard tasks, Duration overdueAfter, KnownApplications known, StageEntries entries) {
    this.hire = hire;
    this.known = known;
    this.entries = entries;
    this.pipeline = pipeline;
    this.subscriptions = subscriptions;
    this.card = card;
    this.tasks = tasks;
    this.overdueAfter = overdueAfter;
  }

  /** A pass for one chat's digest ("digest now"): its subscriptions are read alone. */
  Pass single() {
    return new Pass(false);
  }

  /** A pass for every due chat of a slot: everyone's subscriptions are read once. */
  Pass fanOut() {
    return new Pass(true);
  }

  /** What one digest shows, read once per job set and slot. */
  private record Gathered(List<PipelinePage> pages, Partial<List<Interview>> today, Map<String, Offer> offers,
      List<Waiting> waiting) {}

  private record GatherKey(List<String> jobIds, Instant until, ZoneId zone) {}

  /** Everything a rendering depends on: chats whose keys are equal receive the same digest. */
  private record RenderKey(GatherKey data, Language lang, DigestCard.PeriodFacts period) {}

  /**
   * One fan-out's shared reads. Each job's pipeline, the day's interviews, a job set's offers and waiting tasks
   * (each person's task lists once) are read once, and each distinct digest is rendered once; chats differ only
   * in their jobs, language and period, which key the rendering. Safe to use from any thread.
   */
  final class Pass {
    private final boolean everyChat;
    private final TaskBoard.Pass board = tasks.pass();
    /** Each job's active ids, listed once per pass (the first {@link #MAX_APPLICATIONS} are read in detail). */
    private final Map<String, Future<List<String>>> listed = new ConcurrentHashMap<>();
    private final Map<String, Future<PipelinePage>> pipelines = new ConcurrentHashMap<>();
    private final Map<String, Future<Partial<List<Interview>>>> days = new ConcurrentHashMap<>();
    private final Map<GatherKey, Future<Gathered>> gathered = new ConcurrentHashMap<>();
    private final Map<RenderKey, Reply> rendered = new ConcurrentHashMap<>();
    private Future<List<Job>> jobs;
    private Future<Map<String, Set<String>>> subscribed;

    private Pass(boolean everyChat) {
      this.everyChat = everyChat;
    }

    /** The digests rendered so far (distinct ones; each may go to many chats). */
    int rendered() {
      return rendered.size();
    }

    /** The jobs the chat's digest covers, in Hire's order. */
    Future<List<Job>> jobsOf(String chatId, String jobId) {
      Future<Set<String>> wanted = !jobId.isEmpty() ? Future.succeededFuture(Set.of(jobId)) : followed(chatId);
      return wanted.compose(ids -> allJobs().map(all -> ids.isEmpty()
          ? all.stream().filter(Job::open).limit(MAX_UNFOLLOWED_JOBS).toList()
          : all.stream().filter(j -> ids.contains(j.id())).toList()));
    }

    /** Reads what the digest of these jobs at {@code until} shows, without rendering it (to read ahead of sending). */
    Future<Void> prepare(List<Job> covered, Instant until, ZoneId zone) {
      return gather(covered, until, zone).mapEmpty();
    }

    /** The chat's digest for the period, in its language. */
    Future<Reply> compose(String chatId, String jobId, Language lang, DigestCard.Period period) {
      return jobsOf(chatId, jobId).compose(covered -> gather(covered, period.until(), period.zone()).map(g -> {
        GatherKey data = key(covered, period.until(), period.zone());
        RenderKey key = new RenderKey(data, lang, card.facts(g.pages(), period, lang));
        return rendered.computeIfAbsent(key, k -> card.render(g.pages(), g.today().value(),
            g.today().missingScope(), g.offers(), g.waiting(), period, lang));
      }));
    }

    private synchronized Future<List<Job>> allJobs() {
      if (jobs == null) {
        jobs = hire.jobs();
      }
      return jobs;
    }

    private Future<Set<String>> followed(String chatId) {
      if (!everyChat) {
        return subscriptions.ofChat(chatId).map(subs -> subs.stream().map(SubscriptionStore.Subscription::jobId)
            .collect(Collectors.toSet()));
      }
      synchronized (this) {
        if (subscribed == null) {
          subscribed = subscriptions.all().map(all -> all.stream().collect(Collectors.groupingBy(
              SubscriptionStore.Subscription::chatId,
              Collectors.mapping(SubscriptionStore.Subscription::jobId, Collectors.toSet()))));
        }
      }
      return subscribed.map(byChat -> byChat.getOrDefault(chatId, Set.of()));
    }

    private GatherKey key(List<Job> covered, Instant until, ZoneId zone) {
      return new GatherKey(covered.stream().map(Job::id).toList(), until, zone);
    }

    private Future<Gathered> gather(List<Job> covered, Instant until, ZoneId zone) {
      return gathered.computeIfAbsent(key(covered, until, zone), k -> {
        List<Future<List<String>>> ids = covered.stream().map(this::listed).toList();
        List<Future<PipelinePage>> pages = covered.stream()
            .map(job -> pipelines.computeIfAbsent(job.id(), id -> listed(job)
                .compose(all -> pipeline.readWhole(job, all, MAX_APPLICATIONS, known))))
            .toList();
        // Started with the details, not after them: the task lists wait on other budgets than get_detail's 10/s.
        Future<List<Waiting>> waiting = overdue(covered, ids, pages, until);
        Future<Partial<List<Interview>>> today = today(until, zone);
        return Future.all(Future.all(pages), today).compose(all -> {
          List<PipelinePage> read = pages.stream().map(Future::result).toList();
          Future<Map<String, Offer>> offers = offers(read);
          // Who is stuck, and who moved, counted from the stage entries the team saw: one moved on and back by Undo
          // is neither new in the stage nor moved. The tasks keep Hire's times, as the nudges read them.
          Future<List<PipelinePage>> shown = Future.all(read.stream().map(entries::of).toList())
              .map(CompositeFuture::list);
          return Future.all(offers, waiting, shown).map(done -> new Gathered(shown.result(), today.result(),
              offers.result(), waiting.result()));
        });
      });
    }

    /** The job's active ids as Hire has them now, once per pass. */
    private Future<List<String>> listed(Job job) {
      return listed.computeIfAbsent(job.id(), id -> {
        // A digest shows the job as it is now: a list cached by a command or the poll may predate an applicant.
        hire.invalidateJob(id);
        return pipeline.activeIds(job);
      });
    }

    /**
     * The day's interviews, one read for every chat in the same zone; hidden (and named) without their scope. Read
     * fresh, not from the commands' cache: Hire fires no event for a new interview, and one scheduled a minute ago
     * must be on the digest (one list call per zone and pass, where the cache would have saved at most that one).
     */
    private Future<Partial<List<Interview>>> today(Instant until, ZoneId zone) {
      LocalDate day = LocalDate.ofInstant(until, zone);
      return days.computeIfAbsent(day + "@" + zone.getId(), k -> Partial.of(hire.interviewsNow(
          day.atStartOfDay(zone).toInstant(), day.plusDays(1).atStartOfDay(zone).toInstant()), List.of()));
    }

    /**
     * The Hire tasks on the digest's jobs that waited over the nudge age, of the people who can owe them (the jobs'
     * teams and interviewers); none when they cannot be read, so the digest still goes out with the rest.
     */
    private Future<List<Waiting>> overdue(List<Job> covered, List<Future<List<String>>> listed,
        List<Future<PipelinePage>> pages, Instant now) {
      Future<Map<String, Application>> known = Future.all(pages).map(done -> {
        Map<String, Application> read = new HashMap<>();
        pages.forEach(p -> p.result().applications().forEach(a -> read.put(a.id(), a)));
        return read;
      });
      return Future.all(listed).compose(done -> board.onJobs(covered.stream().map(Job::id).collect(Collectors.toSet()),
              listed.stream().flatMap(l -> PipelineReader.firstOf(l.result(), MAX_APPLICATIONS).stream())
                  .collect(Collectors.toSet()), known, now))
          .map(all -> all.stream().filter(w -> w.waited(now).compareTo(overdueAfter) > 0).toList())
          .otherwise(e -> {
            log.warn("digest without waiting tasks cause={}", e.toString());
            return List.of();
          });
    }
  }

  /**
   * The current offers of the applications each job's offer line names (a few per job, one cached list per
   * talent); null when Hire would not say (a missing offer scope), so the digest still goes out, with stages.
   */
  private Future<Map<String, Offer>> offers(List<PipelinePage> pages) {
    List<Application> named = pages.stream().flatMap(p -> DigestCard.namedAtOffer(p.applications()).stream()).toList();
    return OfferStatuses.of(hire, named).otherwise((Map<String, Offer>) null);
  }
}
