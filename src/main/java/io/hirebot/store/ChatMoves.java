package io.hirebot.store;

import io.vertx.core.Future;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The {@code chat_moves} table: the stage moves the bot wrote to Hire, each with the chats whose cards answer it, so
 * that Hire's event for a move is notified to the other chats only. Hire's event names the application and the two
 * stages and nothing else, so a move is matched to its event by those, the oldest unmatched move first; the match is
 * kept with the event's key, so a retried event finds the same chats again.
 */
public final class ChatMoves {
  /**
   * Feishu delivers an event, its retries included, within the claims' retention ({@link JdbcProcessedEvents#RETENTION}):
   * a move older than that is matched to no event, so a move whose event was lost never hides a later, identical move
   * made in Hire from its chats.
   */
  public static final Duration MATCHED_WITHIN = JdbcProcessedEvents.RETENTION;
  /** Two events matching the same move at once on two replicas: the loser looks again, this many times at most. */
  private static final int ATTEMPTS = 3;

  private static final String INSERT = "INSERT INTO chat_moves (move_id, chat_id, application_id, origin_stage_id, "
      + "target_stage_id, made_at) VALUES (?, ?, ?, ?, ?, ?)";
  private static final String CHATS_OF_EVENT = "SELECT chat_id FROM chat_moves WHERE event_key = ?";
  private static final String OLDEST_UNMATCHED = "SELECT move_id FROM chat_moves WHERE application_id = ? "
      + "AND target_stage_id = ? AND event_key IS NULL AND made_at >= ? AND (? = '' OR origin_stage_id = ?) "
      + "ORDER BY made_at, move_id FETCH FIRST 1 ROWS ONLY";
  private static final String MATCH = "UPDATE chat_moves SET event_key = ? WHERE move_id = ? AND event_key IS NULL";

  private final Database db;
  private final Clock clock;

  public ChatMoves(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Notes a move about to be written, made from {@code chats}; completes with its id. */
  public Future<String> record(String applicationId, String fromStageId, String toStageId, Collection<String> chats) {
    String moveId = UUID.randomUUID().toString();
    long now = clock.millis();
    return db.transactionUrgent(c -> {
      for (String chat : new LinkedHashSet<>(chats)) {
        Claims.update(c, INSERT, s -> {
          s.setString(1, moveId);
          s.setString(2, chat);
          s.setString(3, applicationId);
          s.setString(4, fromStageId);
          s.setString(5, toStageId);
          s.setLong(6, now);
        });
      }
      return moveId;
    });
  }

  /** Forgets a move Hire did not make (its write failed): no event will come for it. */
  public Future<Void> forget(String moveId) {
    return db.run(c -> {
      Claims.update(c, "DELETE FROM chat_moves WHERE move_id = ?", s -> s.setString(1, moveId));
      return null;
    });
  }

  /**
   * The chats a move reported by the event {@code eventKey} was made from: those already matched to that event, else
   * those of the oldest unmatched move of the application between those stages (now matched to it); none when the
   * move was not the bot's.
   *
   * @param originStageId the stage the event says the application left; "" when it did not say
   */
  public Future<Set<String>> chatsOf(String eventKey, String applicationId, String originStageId,
      String targetStageId) {
    long since = clock.millis() - MATCHED_WITHIN.toMillis();
    String origin = originStageId == null ? "" : originStageId;
    return db.transaction(c -> {
      for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
        Set<String> matched = chatsOf(c, eventKey);
        if (!matched.isEmpty()) {
          return matched;
        }
        List<String> oldest = Rows.list(c, OLDEST_UNMATCHED, s -> {
          s.setString(1, applicationId);
          s.setString(2, targetStageId);
          s.setLong(3, since);
          s.setString(4, origin);
          s.setString(5, origin);
        }, r -> r.getString(1));
        if (oldest.isEmpty()) {
          return Set.of();
        }
        Claims.update(c, MATCH, s -> {
          s.setString(1, eventKey);
          s.setString(2, oldest.get(0));
        });
      }
      return chatsOf(c, eventKey);
    });
  }

  private static Set<String> chatsOf(Connection c, String eventKey) throws SQLException {
    return new LinkedHashSet<>(Rows.list(c, CHATS_OF_EVENT, s -> s.setString(1, eventKey), r -> r.getString(1)));
  }
}
