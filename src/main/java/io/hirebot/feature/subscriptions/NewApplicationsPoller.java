package io.hirebot.feature.subscriptions;

import io.hirebot.hire.Application;
import io.hirebot.hire.CachingHireDirectory;
import io.hirebot.hire.Job;
import io.hirebot.hire.PipelineReader;
import io.hirebot.schedule.Routine;
import io.hirebot.store.PollCursors;
import io.hirebot.store.SubscriptionStore;
import io.hirebot.store.SubscriptionStore.Subscription;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hire has no "new application" event, so this polls the active applications of every job some chat follows
 * for new ones. The cursor per job (a watermark time and the ids seen) lives in the database, so a restart
 * neither misses nor repeats an application, and it moves by compare-and-set, so one replica notifies.
 * New applications of one poll go out as one card per chat.
 */
public final class NewApplicationsPoller implements Routine {
  private static final Logger log = LoggerFactory.getLogger(NewApplicationsPoller.class);
  static final String KIND = "new";

  private final CachingHireDirectory hire;
  private final PipelineReader pipeline;
  private final SubscriptionStore subscriptions;
  private final PollCursors cursors;
  private final NotificationCard cards;
  private final FanOut fanOut;
  private final Duration period;

  public NewApplicationsPoller(CachingHireDirectory hire, PipelineReader pipeline, SubscriptionStore subscriptions,
      PollCursors cursors, NotificationCard cards, FanOut fanOut, Duration period) {
    this.hire = hire;
    this.pipeline = pipeline;
    this.subscriptions = subscriptions;
    this.cursors = cursors;
    this.cards = cards;
    this.fanOut = fanOut;
    this.period = period;
  }

  /** What a poll saw: applications up to {@code watermark} were reported, and which ids were active. */
  record Cursor(long watermark, Set<String> seen) {
    static Cursor parse(String value) {
      String[] parts = value.split(";", 2);
      Set<String> ids = new TreeSet<>(parts.length > 1 ? Arrays.asList(parts[1].split(",")) : List.of());
      ids.remove("");
      return new Cursor(Long.parseLong(parts[0]), ids);
    }

    String format() {
      return watermark + ";" + String.join(",", new TreeSet<>(seen));
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
    String key = "new-applications:" + job.id();
    hire.invalidateJob(job.id());
    return cursors.get(key).compose(stored -> pipeline.activeIds(job).compose(ids -> {
      Set<String> active = new LinkedHashSet<>(ids);
      if (stored.isEmpty()) {
        // First poll of this job: what is there now is not news.
        return cursors.advance(key, stored, new Cursor(now.toEpochMilli(), active).format()).mapEmpty();
      }
      Cursor cursor = Cursor.parse(stored.get());
      List<String> unseen = active.stream().filter(id -> !cursor.seen().contains(id)).toList();
      return Future.all(unseen.stream().map(hire::application).toList()).compose(fetched -> {
        // A recovered old application is not new: only those created after the watermark are.
        List<Application> fresh = fetched.<Application>list().stream()
            .filter(a -> a.appliedAt() == null || a.appliedAt().toEpochMilli() > cursor.watermark())
            .toList();
        long watermark = fresh.stream().filter(a -> a.appliedAt() != null)
            .mapToLong(a -> a.appliedAt().toEpochMilli()).reduce(cursor.watermark(), Math::max);
        String next = new Cursor(watermark, active).format();
        if (next.equals(stored.get())) {
          return Future.succeededFuture();
        }
        if (!fresh.isEmpty()) {
          log.info("new applications job_id={} count={} chats={}", job.id(), fresh.size(), subs.size());
        }
        return cursors.advance(key, stored, next).compose(won -> won && !fresh.isEmpty()
            ? fanOut.send(subs, lang -> cards.newApplications(job, fresh, lang), key + ":" + next.hashCode())
            : Future.succeededFuture());
      });
    }));
  }
}
