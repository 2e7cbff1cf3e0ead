package io.hirebot.feature.subscriptions;

import io.hirebot.hire.Application;
import io.hirebot.hire.HireDirectory;
import io.hirebot.hire.KnownApplications;
import io.hirebot.hire.Job;
import io.hirebot.hire.PipelineReader;
import io.hirebot.schedule.Routine;
import io.hirebot.store.PollCursors;
import io.hirebot.store.PollSeen;
import io.hirebot.store.SubscriptionStore;
import io.hirebot.store.SubscriptionStore.Subscription;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hire has no "new application" event, so this polls the active applications of every job some chat follows
 * for new ones. The cursor per job (a watermark time) and the ids seen (one row each) live in the database, so a
 * restart neither misses nor repeats an application; new ids are claimed as rows, so one replica notifies.
 * New applications of one poll go out as one card per chat.
 */
final class NewApplicationsPoller implements Routine {
  private static final Logger log = LoggerFactory.getLogger(NewApplicationsPoller.class);
  static final String KIND = "new";

  private final HireDirectory hire;
  private final PipelineReader pipeline;
  private final SubscriptionStore subscriptions;
  private final PollCursors cursors;
  private final PollSeen seenIds;
  private final NotificationCard cards;
  private final FanOut fanOut;
  private final Duration period;
  private final Clock clock;
  /** The digest's details, kept between passes: what one of the two read, the other only checks for changes. */
  private final KnownApplications known;

  NewApplicationsPoller(HireDirectory hire, PipelineReader pipeline, SubscriptionStore subscriptions,
      PollCursors cursors, PollSeen seenIds, NotificationCard cards, FanOut fanOut, Duration period, Clock clock,
      KnownApplications known) {
    this.known = known;
    this.hire = hire;
    this.pipeline = pipeline;
    this.subscriptions = subscriptions;
    this.cursors = cursors;
    this.seenIds = seenIds;
    this.cards = cards;
    this.fanOut = fanOut;
    this.period = period;
    this.clock = clock;
  }

  /**
   * Where a poll got to: applications created up to {@code watermark} were reported. Earlier versions kept every
   * active id after a ';' in the same column; those ids are read once and moved to {@link PollSeen}.
   */
  record Cursor(long watermark, Set<String> legacySeen) {
    static Cursor parse(String value) {
      String[] parts = value.split(";", 2);
      Set<String> ids = new TreeSet<>(parts.length > 1 ? Arrays.asList(parts[1].split(",")) : List.of());
      ids.remove("");
      return new Cursor(Long.parseLong(parts[0]), ids);
    }

    String format() {
      return String.valueOf(watermark);
    }
  }

  @Override
  public String name() {
    return "new-applications";
  }

  @Override
  public Duration period() {
    return period;
  }

  @Override
  public Future<Void> run(Instant now) {
    return subscriptions.all().compose(all -> {
      Map<String, List<Subscription>> byJob = all.stream().filter(s -> s.kinds().contains(KIND))
          .collect(Collectors.groupingBy(Subscription::jobId));
      if (byJob.isEmpty()) {
        return Future.succeededFuture();
      }
      return hire.jobs().compose(jobs -> Future.join(jobs.stream().filter(j -> byJob.containsKey(j.id()))
          .map(job -> poll(job, byJob.get(job.id()), now)
              .recover(e -> {
                log.error("new-application poll failed job_id={} cause={}", job.id(), e.toString());
                return Future.succeededFuture();
              }))
          .toList())).mapEmpty();
    });
  }

  private Future<Void> poll(Job job, List<Subscription> subs, Instant now) {
    String key = key(job);
    hire.invalidateJob(job.id());
    return cursors.get(key).compose(stored -> seenIds.of(key).compose(seenRows -> pipeline.activeIds(job)
        .compose(ids -> stored.isEmpty() ? baseline(key, ids, now)
            : report(job, subs, key, stored.get(), seenRows, new LinkedHashSet<>(ids)))));
  }

  /**
   * A chat starts following {@code job}: if no poll has looked at it yet, what it has now is recorded at once, so
   * an application that arrives after the "now follows" answer is news (the first poll, a period later, would
   * otherwise have taken it for part of the existing pipeline). Completes when recorded.
   */
  Future<Void> startFollowing(Job job) {
    String key = key(job);
    return cursors.get(key).compose(stored -> stored.isPresent() ? Future.succeededFuture()
        : pipeline.activeIds(job).compose(ids -> {
          // The lists just read stay out of the cache: the next answer about the job (a "digest now", a list) reads
          // Hire as it would have without this subscription, and sees an application added meanwhile.
          hire.invalidateJob(job.id());
          return baseline(key, ids, clock.instant());
        }));
  }

  /** The first look at a job: what is there now is not news. */
  private Future<Void> baseline(String key, List<String> activeIds, Instant now) {
    return seenIds.claim(key, new LinkedHashSet<>(activeIds)).compose(won -> !won ? Future.succeededFuture()
        : cursors.advance(key, Optional.empty(), new Cursor(now.toEpochMilli(), Set.of()).format()).mapEmpty());
  }

  private static String key(Job job) {
    return "new-applications:" + job.id();
  }

  /** Reports the active applications not seen before that were created after the watermark. */
  private Future<Void> report(Job job, List<Subscription> subs, String key, String stored, Set<String> seenRows,
      Set<String> active) {
    Cursor cursor = Cursor.parse(stored);
    Set<String> seen = new HashSet<>(seenRows);
    seen.addAll(cursor.legacySeen());
    List<String> unseen = active.stream().filter(id -> !seen.contains(id)).toList();
    // Ids only the old cursor column knew are moved into rows along with the new ones.
    Set<String> toMark = new LinkedHashSet<>(unseen);
    cursor.legacySeen().stream().filter(id -> active.contains(id) && !seenRows.contains(id)).forEach(toMark::add);
    List<String> gone = seenRows.stream().filter(id -> !active.contains(id)).toList();
    return known.current(job.id(), unseen).compose(fetched -> {
      // A recovered old application is not new: only those created after the watermark are.
      List<Application> fresh = fetched.stream()
          .filter(a -> a.appliedAt() == null || a.appliedAt().toEpochMilli() > cursor.watermark())
          .toList();
      long watermark = fresh.stream().filter(a -> a.appliedAt() != null)
          .mapToLong(a -> a.appliedAt().toEpochMilli()).reduce(cursor.watermark(), Math::max);
      String next = new Cursor(watermark, Set.of()).format();
      return seenIds.claim(key, toMark).compose(won -> {
        if (!won) {
          // Another replica marked them first and reports them.
          return Future.succeededFuture();
        }
        if (!fresh.isEmpty()) {
          log.info("new applications job_id={} count={} chats={}", job.id(), fresh.size(), subs.size());
        }
        Future<?> advanced = next.equals(stored) ? Future.succeededFuture() : cursors.advance(key, Optional.of(stored), next);
        String notification = key + ":" + String.join(",", new TreeSet<>(fresh.stream().map(Application::id).toList()));
        return advanced
            .compose(v -> fresh.isEmpty() ? Future.succeededFuture()
                : fanOut.send(subs, lang -> cards.newApplications(job, fresh, lang), notification))
            .compose(v -> seenIds.forget(key, gone));
      });
    });
  }
}
