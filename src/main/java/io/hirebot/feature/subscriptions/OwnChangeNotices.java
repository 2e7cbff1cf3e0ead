package io.hirebot.feature.subscriptions;

import io.hirebot.hire.Application;
import io.hirebot.hire.Job;
import io.hirebot.hire.OwnChange;
import io.hirebot.hire.Stage;
import io.hirebot.hire.StageType;
import io.hirebot.i18n.Language;
import io.hirebot.schedule.Routine;
import io.hirebot.store.PendingNotices;
import io.hirebot.store.PendingNotices.Notice;
import io.hirebot.store.PendingNotices.Pending;
import io.hirebot.store.SubscriptionStore.Subscription;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notices of the rejections the bot made and their Undo, to the chats that follow the job, kept until each chat
 * has its own. Hire fires no event for these changes, so no retried event carries them: each chat's notice is a row
 * ({@link PendingNotices}) written before its first send and forgotten once the chat has it, no longer follows the job
 * or no longer has the bot; every minute this routine sends again those whose last send failed, after a back-off (1, 2,
 * 4, 8, 16 min; six sends, then given up in one log line), on whichever replica takes the row first, across restarts.
 * Every send of one notice to one chat carries one key, the message's uuid at Feishu, so a send whose answer was lost
 * posts nothing twice. Quiet hours do not hold a retry: a notice first sent while the chat was not quiet, its answer
 * lost, is completed under its uuid even once the hours began ({@link FanOut#sendOne}), since it may have arrived and
 * the quiet-hours batch, which carries no uuid, would show it a second time; only a notice never tried is held for the
 * batch (and its retries leave it there). Decision: a table and a routine, not the events' journal, which replays
 * Feishu's envelopes through the whole inbound chain (claims, gates, a handler per event type) to redo a handler's
 * work; a notice needs only its send done again, chat by chat, and rows of its own leave the journal and releases
 * before this one as they were (an older replica in a rolling upgrade notifies once, as it always did).
 */
final class OwnChangeNotices implements Routine {
  static final Duration PERIOD = Duration.ofMinutes(1);
  private static final Logger log = LoggerFactory.getLogger(OwnChangeNotices.class);
  /** The subscriptions' kind a rejection and its Undo are notified to, as a stage change is. */
  private static final String KIND = "stage";

  private final PendingNotices pending;
  private final JobFollowers followers;
  private final FanOut fanOut;
  private final NotificationCard cards;

  OwnChangeNotices(PendingNotices pending, JobFollowers followers, FanOut fanOut, NotificationCard cards) {
    this.pending = pending;
    this.followers = followers;
    this.fanOut = fanOut;
    this.cards = cards;
  }

  @Override
  public String name() {
    return "own-change-notices";
  }

  @Override
  public Duration period() {
    return PERIOD;
  }

  /**
   * Notifies every chat following the job but {@code madeFrom} of the change, keeping each chat's notice until it has
   * it. Fails only when a send failed and the notice could not be kept for later.
   */
  Future<Void> notify(Notice notice, Set<String> madeFrom) {
    return followers.following(notice.jobId(), KIND, madeFrom).compose(subs -> {
      if (subs.isEmpty()) {
        // No one to tell of this change, but the notices of the earlier ones still owed are wrong now.
        return pending.add(notice, List.of()).otherwise(e -> {
          log.warn("earlier notices not forgotten application_id={} key={} cause={}",
              notice.change().applicationId(), notice.key(), e.toString());
          return null;
        });
      }
      Future<Boolean> kept = pending.add(notice, subs.stream().map(Subscription::chatId).toList()).map(true)
          .otherwise(e -> {
            log.warn("notice not kept: sent once, never again application_id={} key={} cause={}",
                notice.change().applicationId(), notice.key(), e.toString());
            return false;
          });
      return kept.compose(durable -> followers.job(notice.jobId()).compose(job -> {
        Rendered rendered = new Rendered(job);
        return Future.all(subs.stream().map(s -> {
          Pending p = new Pending(notice, s.chatId(), 1);
          return send(p, s, rendered.of(p, s), durable);
        }).toList());
      }).mapEmpty());
    });
  }

  @Override
  public Future<Void> run(Instant now) {
    return pending.takeDue().compose(due -> {
      due.givenUp().forEach(p -> givenUp(p, "its last send never finished"));
      due.expired().forEach(p -> givenUp(p, "past Feishu's one-hour uuid window, a send could post it twice"));
      Map<String, List<Pending>> byJob = due.taken().stream()
          .collect(Collectors.groupingBy(p -> p.notice().jobId(), LinkedHashMap::new, Collectors.toList()));
      return Future.join(byJob.entrySet().stream().map(e -> resend(e.getKey(), e.getValue())).toList()).mapEmpty();
    });
  }

  /** Sends the job's due notices again, to the chats that still follow it; the others' are forgotten. */
  private Future<Void> resend(String jobId, List<Pending> due) {
    return followers.following(jobId, KIND, Set.of()).compose(subs -> followers.job(jobId).compose(job -> {
      Rendered rendered = new Rendered(job);
      return Future.join(due.stream().map(p -> {
          Optional<Subscription> sub = subs.stream().filter(s -> s.chatId().equals(p.chatId())).findFirst();
          if (sub.isEmpty()) {
            log.info("notice dropped: the chat no longer follows the job application_id={} chat_id={} key={}",
                p.notice().change().applicationId(), p.chatId(), p.notice().key());
            return pending.done(p);
          }
          return send(p, sub.get(), rendered.of(p, sub.get()), true);
        }).toList());
    })).mapEmpty();
  }

  /**
   * One send of the notice, its row settled by the outcome when the notice is kept: forgotten once sent (or the chat
   * gone), due again after its back-off when not. Fails only when the send failed and no row keeps it.
   */
  private Future<Void> send(Pending p, Subscription s, NotificationCard.Notification card, boolean kept) {
    Future<Void> sent = fanOut.sendOne(s, card, p.notice().key());
    if (!kept) {
      return sent;
    }
    return sent.transform(r -> r.succeeded() ? pending.done(p) : pending.failed(p).map(f -> {
      if (f == PendingNotices.Failed.GIVEN_UP) {
        givenUp(p, r.cause().toString());
      }
      return (Void) null;
    })).recover(e -> {
      // The row stays taken: due again when its lease ends, and the same key makes a repeat post nothing.
      log.warn("notice's send not recorded application_id={} chat_id={} key={} cause={}",
          p.notice().change().applicationId(), p.chatId(), p.notice().key(), e.toString());
      return Future.succeededFuture();
    });
  }

  private static void givenUp(Pending p, String cause) {
    log.warn("notice given up application_id={} chat_id={} key={} attempts={} cause={}",
        p.notice().change().applicationId(), p.chatId(), p.notice().key(), p.attempts(), cause);
  }

  /** A job's notices rendered once per notice and language, whatever the number of chats, as {@link FanOut} does. */
  private final class Rendered {
    private final Job job;
    private final Map<String, NotificationCard.Notification> drawn = new HashMap<>();

    Rendered(Job job) {
      this.job = job;
    }

    NotificationCard.Notification of(Pending p, Subscription s) {
      Language lang = Language.ofFeishuLocale(s.lang());
      return drawn.computeIfAbsent(p.notice().key() + ":" + lang, k -> render(p.notice(), job, lang));
    }
  }

  /** The card of the change, as the click's own fan-out renders it. */
  private NotificationCard.Notification render(Notice n, Job job, Language lang) {
    OwnChange c = n.change();
    boolean restored = c.kind() == OwnChange.Kind.RESTORE;
    Application a = new Application(c.applicationId(), n.jobId(), n.talentId(), n.talentName(),
        new Stage(c.toStageId(), "", "", StageType.OTHER), restored, null, null);
    return restored ? cards.restored(job, a, c.actorOpenId(), c.at(), lang)
        : cards.rejected(job, a, c.reason(), c.actorOpenId(), c.at(), lang);
  }
}
