package io.hirebot.feature.digest;

import io.hirebot.bot.Messenger;
import io.hirebot.hire.Job;
import io.hirebot.i18n.Language;
import io.hirebot.schedule.Routine;
import io.hirebot.schedule.WeeklySlots;
import io.hirebot.store.DigestStore;
import io.hirebot.util.Bounded;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every minute: each chat whose latest slot has passed, was not sent yet and is under {@link #MAX_LATENESS}
 * late gets its digest — claimed in the database first, so across replicas and restarts a slot is sent once
 * (a slot missed while the bot was down is sent late, once, on start).
 *
 * <p>A pass is a pipeline of three stages running side by side: claims (in batches, one transaction each), reads
 * (each job set's Hire data once, a few job sets at a time, in the order the chats are sent) and sends (each chat's
 * digest, rendered once per distinct digest, queued on the bulk IM lane, which paces them at the app's budget and
 * lets users' replies go first). Chats are taken grouped by the jobs they follow, so a job's chats go out as soon as
 * its data is read.
 */
final class DigestRoutine implements Routine {
  private static final Logger log = LoggerFactory.getLogger(DigestRoutine.class);
  public static final Duration PERIOD = Duration.ofMinutes(1);
  /** A digest later than this is stale news: skip the slot rather than send it. */
  public static final Duration MAX_LATENESS = Duration.ofHours(6);
  /** The longest period one digest covers, however long ago the last one was. */
  static final Duration MAX_PERIOD = Duration.ofDays(7);
  /** Slots claimed per transaction; the first batch's chats start sending while the next is claimed. */
  static final int CLAIM_BATCH = 100;
  /**
   * Job sets read from Hire at once. Digest reads book Hire's budgets like a user's command does, so more would
   * put seconds of booked reads between a user and Hire; the sends need little more than a job set at a time.
   */
  static final int PARALLEL_READS = 4;
  /**
   * Chats between "read" and "sent" at once: enough that the IM lane always has a digest waiting for the next
   * permit (about a second of the app's 45 messages/s), few enough not to fill the worker pools.
   */
  static final int PARALLEL_SENDS = 48;
  /** Sent digests marked in the database per transaction (a crash before the mark resends with the same uuid). */
  static final int MARK_BATCH = 50;

  private final DigestStore store;
  private final DigestComposer composer;
  private final Messenger messenger;
  private final ZoneId defaultZone;
  private final String instanceId;
  private final MeterRegistry metrics;

  DigestRoutine(DigestStore store, DigestComposer composer, Messenger messenger, ZoneId defaultZone,
      String instanceId, MeterRegistry metrics) {
    this.store = store;
    this.composer = composer;
    this.messenger = messenger;
    this.defaultZone = defaultZone;
    this.instanceId = instanceId;
    this.metrics = metrics;
  }

  @Override
  public String name() {
    return "digests";
  }

  @Override
  public Duration period() {
    return PERIOD;
  }

  /** One chat's due digest, with the jobs it covers. */
  private record Due(DigestStore.Schedule schedule, DigestStore.Slot slot, ZoneId zone, List<Job> jobs) {
    String jobKey() {
      return jobs.stream().map(Job::id).collect(Collectors.joining(","));
    }

    /** Chats with equal groups show the same data (they may still differ in language and period start). */
    List<Object> group() {
      return List.of(jobKey(), slot.at(), zone);
    }
  }

  @Override
  public Future<Void> run(Instant now) {
    return store.all().compose(schedules -> {
      List<DigestStore.Schedule> due = new ArrayList<>();
      for (DigestStore.Schedule s : schedules) {
        Instant slot = slot(s, now);
        if (!slot.isBefore(s.since()) && Duration.between(slot, now).compareTo(MAX_LATENESS) < 0
            && s.lastSent().map(sent -> sent.isBefore(slot)).orElse(true)) {
          due.add(s);
        }
      }
      if (due.isEmpty()) {
        return Future.succeededFuture();
      }
      DigestComposer.Pass pass = composer.fanOut();
      List<Future<List<Job>>> jobs = due.stream().map(s -> pass.jobsOf(s.chatId(), s.jobId())).toList();
      return Future.all(jobs).compose(done -> {
        List<Due> ordered = new ArrayList<>();
        for (int i = 0; i < due.size(); i++) {
          DigestStore.Schedule s = due.get(i);
          ordered.add(new Due(s, new DigestStore.Slot(s.chatId(), slot(s, now)), s.zone().orElse(defaultZone),
              jobs.get(i).result()));
        }
        // Grouped by job set: a job's chats follow each other, and every replica claims in the same order.
        ordered.sort(Comparator.comparing(Due::jobKey).thenComparing(d -> d.slot().at())
            .thenComparing(d -> d.zone().getId()).thenComparing(d -> d.slot().chatId()));
        return fanOut(ordered, pass);
      });
    });
  }

  private Future<Void> fanOut(List<Due> ordered, DigestComposer.Pass pass) {
    long started = System.nanoTime();
    List<Future<Set<DigestStore.Slot>>> claims = claims(ordered);
    Map<DigestStore.Slot, Future<Boolean>> won = new LinkedHashMap<>();
    for (int i = 0; i < ordered.size(); i++) {
      DigestStore.Slot slot = ordered.get(i).slot();
      won.put(slot, claims.get(i / CLAIM_BATCH).map(set -> set.contains(slot)).otherwise(false));
    }
    // Reads run ahead of the sends, a few job sets at a time, only for job sets with a chat this replica won.
    Map<List<Object>, List<Due>> groups = ordered.stream().collect(Collectors.groupingBy(Due::group,
        LinkedHashMap::new, Collectors.toList()));
    Map<List<Object>, Promise<Void>> read = new LinkedHashMap<>();
    groups.keySet().forEach(k -> read.put(k, Promise.promise()));
    Future<Void> reads = Bounded.forEach(List.copyOf(groups.entrySet()), PARALLEL_READS, group -> {
      Due first = group.getValue().get(0);
      return Future.join(group.getValue().stream().map(d -> won.get(d.slot())).toList())
          .compose(all -> group.getValue().stream().anyMatch(d -> won.get(d.slot()).result())
              ? pass.prepare(first.jobs(), first.slot().at(), first.zone()) : Future.<Void>succeededFuture())
          .onComplete(r -> read.get(group.getKey()).tryComplete());
    });
    SentMarks marks = new SentMarks(store, MARK_BATCH);
    AtomicInteger sent = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    Future<Void> sends = Bounded.forEach(ordered, PARALLEL_SENDS, d -> won.get(d.slot()).compose(mine -> !mine
        ? Future.succeededFuture()
        : read.get(d.group()).future().compose(v -> send(d, pass, marks))
            .onSuccess(v -> sent.incrementAndGet())
            .onFailure(e -> failed.incrementAndGet())));
    return Future.join(reads, sends).transform(r -> marks.flush()).onComplete(r -> log.info(
        "digest pass due={} won={} rendered={} sent={} failed={} ms={}", ordered.size(),
        won.values().stream().filter(f -> f.succeeded() && f.result()).count(), pass.rendered(), sent.get(),
        failed.get(), (System.nanoTime() - started) / 1_000_000));
  }

  /** The claims of the chats in order, a batch per transaction, each batch after the previous one. */
  private List<Future<Set<DigestStore.Slot>>> claims(List<Due> ordered) {
    List<Future<Set<DigestStore.Slot>>> claims = new ArrayList<>();
    Future<?> previous = Future.succeededFuture();
    for (int from = 0; from < ordered.size(); from += CLAIM_BATCH) {
      List<DigestStore.Slot> batch = ordered.subList(from, Math.min(ordered.size(), from + CLAIM_BATCH)).stream()
          .map(Due::slot).toList();
      Future<Set<DigestStore.Slot>> claim = previous.transform(r -> store.claimSlots(batch, instanceId))
          .onFailure(e -> log.error("digest claims failed chats={} first_chat_id={} cause={}", batch.size(),
              batch.get(0).chatId(), e.toString()));
      claims.add(claim);
      previous = claim;
    }
    return claims;
  }

  /** The next slot of any chat's schedule. */
  @Override
  public Future<Optional<Instant>> nextDue(Instant now) {
    return store.all().map(schedules -> schedules.stream()
        .map(s -> new WeeklySlots(s.days(), s.time(), s.zone().orElse(defaultZone)).nextAfter(now))
        .min(Instant::compareTo));
  }

  private Instant slot(DigestStore.Schedule s, Instant now) {
    return new WeeklySlots(s.days(), s.time(), s.zone().orElse(defaultZone)).latestAtOrBefore(now);
  }

  private Future<Void> send(Due d, DigestComposer.Pass pass, SentMarks marks) {
    DigestStore.Schedule s = d.schedule();
    Instant slot = d.slot().at();
    Instant since = s.lastSent().orElse(s.since());
    since = since.isBefore(slot.minus(MAX_PERIOD)) ? slot.minus(MAX_PERIOD) : since;
    DigestCard.Period period = new DigestCard.Period(since, slot, d.zone());
    return pass.compose(s.chatId(), s.jobId(), Language.ofFeishuLocale(s.lang()), period)
        .compose(reply -> messenger.send(s.chatId(), reply, "digest:" + s.chatId() + ":" + slot.toEpochMilli()))
        .compose(messageId -> {
          metrics.counter("hirebot.digests.sent").increment();
          log.info("digest sent chat_id={} slot={} message_id={}", s.chatId(), slot, messageId);
          return marks.add(new DigestStore.Sent(d.slot(), messageId));
        })
        .onFailure(e -> log.error("digest failed chat_id={} slot={} cause={}", s.chatId(), slot, e.toString()));
  }

  /**
   * Sent digests waiting to be marked, written a batch per transaction. Until marked, a slot stays claimed (a
   * replica takes it over only after {@link DigestStore#SLOT_LEASE}), and a resend then carries the same uuid, which
   * Feishu drops within the hour.
   */
  private static final class SentMarks {
    private final DigestStore store;
    private final int batch;
    private final List<DigestStore.Sent> pending = new ArrayList<>();

    SentMarks(DigestStore store, int batch) {
      this.store = store;
      this.batch = batch;
    }

    Future<Void> add(DigestStore.Sent sent) {
      synchronized (this) {
        pending.add(sent);
        if (pending.size() < batch) {
          return Future.succeededFuture();
        }
      }
      return flush();
    }

    Future<Void> flush() {
      List<DigestStore.Sent> taken;
      synchronized (this) {
        taken = List.copyOf(pending);
        pending.clear();
      }
      return store.markSent(taken).onFailure(e -> log.error("digest marks failed chats={} first_chat_id={} cause={}",
          taken.size(), taken.isEmpty() ? "" : taken.get(0).slot().chatId(), e.toString()));
    }
  }
}
