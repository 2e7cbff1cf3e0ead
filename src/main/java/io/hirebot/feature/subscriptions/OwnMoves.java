package io.hirebot.feature.subscriptions;

import io.hirebot.bot.MovesFromChats;
import io.hirebot.bot.inbound.HireEvent;
import io.hirebot.hire.Application;
import io.hirebot.hire.OwnChange;
import io.hirebot.hire.TerminationReason;
import io.hirebot.store.JdbcOwnChanges;
import io.hirebot.store.PendingNotices.Notice;
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
 * the same chats, and sends each chat's notice again until it has it ({@link OwnChangeNotices}).
 */
final class OwnMoves implements MovesFromChats {
  private static final Logger log = LoggerFactory.getLogger(OwnMoves.class);

  private final JdbcOwnChanges moves;
  private final OwnChangeNotices notices;
  private final Clock clock;

  OwnMoves(JdbcOwnChanges moves, OwnChangeNotices notices, Clock clock) {
    this.moves = moves;
    this.notices = notices;
    this.clock = clock;
  }

  @Override
  public Future<Void> rejected(Application a, TerminationReason reason, String byOpenId, Set<String> chats) {
    Instant at = clock.instant();
    return notices.notify(notice("notify:reject:", a, OwnChange.rejection(a, at, byOpenId, reason)), chats);
  }

  @Override
  public Future<Void> restored(Application a, String byOpenId, Set<String> chats) {
    Instant at = clock.instant();
    return notices.notify(notice("notify:recover:", a, OwnChange.restore(a, at, byOpenId)), chats);
  }

  /** The notice of the change, keyed by the application and the change's time. */
  private static Notice notice(String prefix, Application a, OwnChange change) {
    return new Notice(prefix + a.id() + ":" + change.at().toEpochMilli(), change, a.jobId(), a.talentId(),
        a.talentName());
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
