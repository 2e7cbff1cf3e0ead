package io.hirebot.store;

import io.hirebot.hire.OwnChange;
import io.hirebot.hire.OwnChanges;
import io.hirebot.hire.TerminationReason;
import io.vertx.core.Future;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link OwnChanges} in the {@code own_changes} table, purged with the audit log ({@link Retention}); and the match of
 * Hire's stage-change event to the move the bot made ({@link #matchEvent}). Hire's event names the application and the
 * two stages and nothing else, so a move is matched to its event by those, the oldest unmatched move first; the match is
 * kept with the event's key, so a retried event finds the same move again.
 */
public final class JdbcOwnChanges implements OwnChanges {
  /**
   * Feishu delivers an event, its retries included, within the claims' retention ({@link JdbcProcessedEvents#RETENTION}):
   * a move older than that is matched to no event, so a move whose event was lost never takes a later, identical move
   * made in Hire for its own.
   */
  public static final Duration MATCHED_WITHIN = JdbcProcessedEvents.RETENTION;
  /** Two events matching the same move at once on two replicas: the loser looks again, this many times at most. */
  private static final int ATTEMPTS = 3;
  private static final Logger log = LoggerFactory.getLogger(JdbcOwnChanges.class);

  /** A change's own columns, read by {@link #change} and bound by {@link #bind}; {@link PendingNotices} keeps them too. */
  static final String CHANGE_COLUMNS = "kind, application_id, made_at, actor, origin_stage_id, origin_entered_at, "
      + "target_stage_id, by_undo, reason_id, reason_en, reason_zh";
  private static final String COLUMNS = CHANGE_COLUMNS + ", chats";
  private static final String INSERT = "INSERT INTO own_changes (" + COLUMNS + ", change_id, made) "
      + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String MADE = "UPDATE own_changes SET made = TRUE WHERE change_id = ?";
  /** A move whose event came was made, whatever its write answered: only one no event found is forgotten. */
  private static final String FORGET = "DELETE FROM own_changes WHERE change_id = ? AND event_key IS NULL";
  private static final String OF = "SELECT " + COLUMNS + " FROM own_changes WHERE made AND application_id IN (%s) "
      + "ORDER BY made_at, change_id";
  private static final String OF_EVENT = "SELECT " + COLUMNS + " FROM own_changes WHERE application_id = ? "
      + "AND event_key = ?";
  private static final String OLDEST_UNMATCHED = "SELECT change_id FROM own_changes WHERE application_id = ? "
      + "AND kind = 'move' AND target_stage_id = ? AND event_key IS NULL AND made_at >= ? "
      + "AND (? = '' OR origin_stage_id = ?) ORDER BY made_at, change_id FETCH FIRST 1 ROWS ONLY";
  private static final String MATCH = "UPDATE own_changes SET event_key = ?, made = TRUE WHERE change_id = ? "
      + "AND event_key IS NULL";

  /** A move the bot made, matched to Hire's event for it, and the chats whose cards answered it. */
  public record Matched(OwnChange move, Set<String> chats) {}

  private final Database db;
  private final Clock clock;

  public JdbcOwnChanges(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  @Override
  public Future<Void> move(OwnChange move, Set<String> chats, Supplier<Future<Void>> write) {
    String id = UUID.randomUUID().toString();
    Future<Boolean> noted = db.runUrgent(c -> insert(c, id, move, chats, false)).map(true).recover(e -> {
      log.warn("move not noted: it names no one, and its chats are notified of it application_id={} cause={}",
          move.applicationId(), e.toString());
      return Future.succeededFuture(false);
    });
    return noted.compose(kept -> {
      if (!kept) {
        return write.get();
      }
      // The write's own failure is the answer, once the move is forgotten (or not: logged).
      return write.get().recover(e -> db.runUrgent(c -> Claims.update(c, FORGET, s -> s.setString(1, id)))
          .onFailure(f -> log.warn("failed move not forgotten change_id={} cause={}", id, f.toString()))
          .transform(forgotten -> Future.<Void>failedFuture(e)))
          .compose(v -> db.runUrgent(c -> Claims.update(c, MADE, s -> s.setString(1, id))).<Void>mapEmpty()
              .recover(e -> {
                log.error("move made but not marked so application_id={} cause={}", move.applicationId(),
                    e.toString());
                return Future.succeededFuture();
              }));
    });
  }

  @Override
  public Future<Void> record(OwnChange change) {
    return db.runUrgent(c -> insert(c, UUID.randomUUID().toString(), change, Set.of(), true)).<Void>mapEmpty()
        .recover(e -> {
          log.error("own change not stored application_id={} kind={} cause={}", change.applicationId(),
              change.kind(), e.toString());
          return Future.succeededFuture();
        });
  }

  @Override
  public Future<List<OwnChange>> of(Collection<String> applicationIds) {
    return of(applicationIds, true);
  }

  /** {@link #of} for bulk work (the digests), on the database's ordinary worker, so it never waits ahead of a user. */
  public Future<List<OwnChange>> ofInBulk(Collection<String> applicationIds) {
    return of(applicationIds, false);
  }

  private Future<List<OwnChange>> of(Collection<String> applicationIds, boolean urgent) {
    List<String> ids = List.copyOf(new LinkedHashSet<>(applicationIds));
    if (ids.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    String sql = String.format(OF, String.join(", ", Collections.nCopies(ids.size(), "?")));
    Database.Work<List<OwnChange>> read = c -> Rows.list(c, sql, s -> {
      for (int i = 0; i < ids.size(); i++) {
        s.setString(i + 1, ids.get(i));
      }
    }, JdbcOwnChanges::change);
    return urgent ? db.runUrgent(read) : db.run(read);
  }

  /**
   * The move reported by the event {@code eventKey}: the one already matched to that event, else the oldest unmatched
   * move of the application between those stages (now matched to it, and so made); none when the move was not the
   * bot's.
   *
   * @param originStageId the stage the event says the application left; "" when it did not say
   */
  public Future<Optional<Matched>> matchEvent(String eventKey, String applicationId, String originStageId,
      String targetStageId) {
    long since = clock.millis() - MATCHED_WITHIN.toMillis();
    String origin = originStageId == null ? "" : originStageId;
    return db.transaction(c -> {
      for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
        Optional<Matched> matched = ofEvent(c, applicationId, eventKey);
        if (matched.isPresent()) {
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
          return Optional.empty();
        }
        Claims.update(c, MATCH, s -> {
          s.setString(1, eventKey);
          s.setString(2, oldest.get(0));
        });
      }
      return ofEvent(c, applicationId, eventKey);
    });
  }

  private static Optional<Matched> ofEvent(Connection c, String applicationId, String eventKey) throws SQLException {
    return Rows.list(c, OF_EVENT, s -> {
      s.setString(1, applicationId);
      s.setString(2, eventKey);
    }, r -> new Matched(change(r), chats(r.getString(12)))).stream().findFirst();
  }

  private static Void insert(Connection c, String id, OwnChange m, Set<String> chats, boolean made)
      throws SQLException {
    Claims.update(c, INSERT, s -> {
      bind(s, m);
      s.setString(12, String.join(" ", new LinkedHashSet<>(chats)));
      s.setString(13, id);
      s.setBoolean(14, made);
    });
    return null;
  }

  /** Binds the change's {@link #CHANGE_COLUMNS} to parameters 1 to 11. */
  static void bind(PreparedStatement s, OwnChange m) throws SQLException {
    s.setString(1, m.kind().name().toLowerCase(Locale.ROOT));
    s.setString(2, m.applicationId());
    s.setLong(3, m.at().toEpochMilli());
    s.setString(4, m.actorOpenId() == null ? "" : m.actorOpenId());
    s.setString(5, m.fromStageId());
    if (m.fromEnteredAt() == null) {
      s.setNull(6, Types.BIGINT);
    } else {
      s.setLong(6, m.fromEnteredAt().toEpochMilli());
    }
    s.setString(7, m.toStageId());
    s.setBoolean(8, m.undo());
    TerminationReason r = m.reason();
    s.setString(9, r == null ? null : r.id());
    s.setString(10, r == null ? null : r.enName());
    s.setString(11, r == null ? null : r.zhName());
  }

  /** The change read from {@link #CHANGE_COLUMNS}, the first 11 columns of {@code r}. */
  static OwnChange change(ResultSet r) throws SQLException {
    long entered = r.getLong(6);
    Instant fromEntered = r.wasNull() ? null : Instant.ofEpochMilli(entered);
    String reasonId = r.getString(9);
    TerminationReason reason = reasonId == null ? null
        : new TerminationReason(reasonId, r.getString(11), r.getString(10), TerminationReason.WE_REJECTED, true);
    return new OwnChange(OwnChange.Kind.valueOf(r.getString(1).toUpperCase(Locale.ROOT)), r.getString(2),
        Instant.ofEpochMilli(r.getLong(3)), r.getString(4), r.getString(5), fromEntered, r.getString(7),
        r.getBoolean(8), reason);
  }

  private static Set<String> chats(String list) {
    return list == null || list.isBlank() ? Set.of()
        : new LinkedHashSet<>(Arrays.asList(list.strip().split("\\s+")));
  }
}
