package io.hirebot.feature.subscriptions;

import io.hirebot.bot.MovesFromChats;
import io.hirebot.bot.inbound.HireEvent;
import io.hirebot.hire.Application;
import io.hirebot.hire.TerminationReason;
import io.hirebot.store.JdbcOwnChanges;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The moves the bot made for clicks ({@link JdbcOwnChanges}), and the chats each was made from: a stage-change event
 * is notified to the chats following the job but those (their card already shows the move). Matched by chat and by
 * the move itself, never by how soon the event follows a click, so a move made in Hire is notified everywhere, whenever
 * it comes. A rejection and its Undo fire no Hire event: the bot notifies them itself once Hire accepted them, skipping
 * the same chats.
 */
final class OwnMoves implements MovesFromChats {
  private static final Logger log = LoggerFactory.getLogger(OwnMoves.class);

  private final JdbcOwnChanges moves;
  private final JobFollowers followers;
  private final NotificationCard cards;
  private final Clock clock;

  OwnMoves(JdbcOwnChanges moves, JobFollowers followers, NotificationCard cards, Clock clock) {
    this.moves = moves;
    this.followers = followers;
    this.cards = cards;
    this.clock = clock;
  }

  @Override
  public Future<Void> rejected(Application a, TerminationReason reason, String byOpenId, Set<String> chats) {
    Instant at = clock.instant();
    return followers.notify(a, "stage", chats, "notify:reject:" + a.id() + ":" + at.toEpochMilli(),
        l -> cards.rejected(l.job(), a, reason, byOpenId, at, l.lang()));
  }

  @Override
  public Future<Void> restored(Application a, String byOpenId, Set<String> chats) {
    Instant at = clock.instant();
    return followers.notify(a, "stage", chats, "notify:recover:" + a.id() + ":" + at.toEpochMilli(),
        l -> cards.restored(l.job(), a, byOpenId, at, l.lang()));
  }

  /**
   * The move the bot made that this stage change reports, with the chats it was made from, which its notification
   * skips, and who made it, which it names; empty for a change made in Hire.
   */
  Future<Optional<JdbcOwnChanges.Matched>> madeFrom(HireEvent.StageChanged event) {
    return moves.matchEvent(event.dedupKey(), event.applicationId(), event.originStageId(), event.targetStageId())
        .recover(e -> {
          log.warn("move of an event not read, every following chat is notified, naming no one application_id={} "
              + "cause={}", event.applicationId(), e.toString());
          return Future.succeededFuture(Optional.empty());
        });
  }
}
