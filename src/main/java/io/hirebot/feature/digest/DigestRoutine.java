package io.hirebot.feature.digest;

import io.hirebot.bot.Messenger;
import io.hirebot.i18n.Language;
import io.hirebot.hire.PipelinePage;
import io.hirebot.schedule.Routine;
import io.hirebot.schedule.WeeklySlots;
import io.hirebot.util.Bounded;
import io.hirebot.store.DigestStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every minute: each chat whose latest slot has passed, was not sent yet and is under {@link #MAX_LATENESS}
 * late gets its digest — claimed in the database first, so across replicas and restarts a slot is sent once
 * (a slot missed while the bot was down is sent late, once, on start).
 */
final class DigestRoutine implements Routine {
  private static final Logger log = LoggerFactory.getLogger(DigestRoutine.class);
  public static final Duration PERIOD = Duration.ofMinutes(1);
  /** A digest later than this is stale news: skip the slot rather than send it. */
  public static final Duration MAX_LATENESS = Duration.ofHours(6);
  /** The longest period one digest covers, however long ago the last one was. */
  static final Duration MAX_PERIOD = Duration.ofDays(7);
  /**
   * Chats composed and sent at once. More would not send faster (the IM budget is 45 messages/s) but would queue
   * hundreds of database and Hire tasks ahead of users' commands.
   */
  static final int PARALLEL_CHATS = 16;

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

  @Override
  public Future<Void> run(Instant now) {
    return store.all().compose(schedules -> {
      Map<String, Future<PipelinePage>> shared = new ConcurrentHashMap<>();
      List<DigestStore.Schedule> due = new ArrayList<>();
      for (DigestStore.Schedule s : schedules) {
        Instant slot = slot(s, now);
        if (!slot.isBefore(s.since()) && Duration.between(slot, now).compareTo(MAX_LATENESS) < 0
            && s.lastSent().map(sent -> sent.isBefore(slot)).orElse(true)) {
          due.add(s);
        }
      }
      return Bounded.forEach(due, PARALLEL_CHATS, s -> {
        Instant slot = slot(s, now);
        return store.claimSlot(s.chatId(), slot, instanceId)
            .compose(won -> won ? send(s, slot, s.zone().orElse(defaultZone), shared) : Future.succeededFuture());
      });
    });
  }

  /** The next slot of any chat's schedule. */
  @Override
  public Future<java.util.Optional<Instant>> nextDue(Instant now) {
    return store.all().map(schedules -> schedules.stream()
        .map(s -> new WeeklySlots(s.days(), s.time(), s.zone().orElse(defaultZone)).nextAfter(now))
        .min(Instant::compareTo));
  }

  private Instant slot(DigestStore.Schedule s, Instant now) {
    return new WeeklySlots(s.days(), s.time(), s.zone().orElse(defaultZone)).latestAtOrBefore(now);
  }

  private Future<Void> send(DigestStore.Schedule s, Instant slot, ZoneId zone, Map<String, Future<PipelinePage>> shared) {
    Instant since = s.lastSent().orElse(s.since());
    since = since.isBefore(slot.minus(MAX_PERIOD)) ? slot.minus(MAX_PERIOD) : since;
    DigestCard.Period period = new DigestCard.Period(since, slot, zone);
    return composer.compose(s.chatId(), s.jobId(), Language.ofFeishuLocale(s.lang()), period, shared)
        .compose(reply -> messenger.send(s.chatId(), reply, "digest:" + s.chatId() + ":" + slot.toEpochMilli()))
        .compose(messageId -> {
          metrics.counter("hirebot.digests.sent").increment();
          log.info("digest sent chat_id={} slot={} message_id={}", s.chatId(), slot, messageId);
          return store.markSent(s.chatId(), slot, messageId);
        })
        .onFailure(e -> log.error("digest failed chat_id={} slot={} cause={}", s.chatId(), slot, e.toString()));
  }
}
