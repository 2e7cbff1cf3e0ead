package io.hirebot.store;

import io.hirebot.bot.Messenger;
import io.hirebot.hire.OwnChange;
import io.vertx.core.Future;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The {@code pending_notices} table: notices of the bot's own changes (a rejection, its Undo) that a following chat
 * does not have yet, one row per chat, until it has them. Every send holds its row a {@link #LEASE} ahead, so a due row
 * is one whose last send failed (and waited its back-off) or whose sender died; a replica takes a due row by a
 * conditional update of its due time, which on PostgreSQL only one replica's statement wins.
 */
public final class PendingNotices {
  /**
   * The first send and its retries. Their back-offs (1, 2, 4, 8, 16 min, each up to a routine period later) end about
   * half an hour after the first send, inside the hour in which Feishu posts one message per uuid: a retry of a send
   * whose answer was lost posts nothing twice.
   */
  public static final int MAX_ATTEMPTS = 6;
  /** The wait after the first failed send; each further failure waits twice as long. */
  public static final Duration FIRST_BACKOFF = Duration.ofMinutes(1);
  /** Longer than a bulk send waits for its permits and Feishu's answer: a due row's sender is done or dead. */
  public static final Duration LEASE = Duration.ofMinutes(2);
  /**
   * How long Feishu posts one message per uuid (reference: message create, {@code uuid}). A send that may reach Feishu
   * after the window of the first, which may have posted though its answer was lost, is given up instead.
   */
  public static final Duration UUID_WINDOW = Messenger.UUID_WINDOW;
  /** Rows taken per run; the next run takes the rest. */
  static final int BATCH = 100;
  private static final int MAX_NAME = 200;

  private static final String COLUMNS = JdbcOwnChanges.CHANGE_COLUMNS
      + ", job_id, talent_id, talent_name, notice_key, chat_id, attempts, next_at";
  private static final String INSERT = "INSERT INTO pending_notices (" + COLUMNS + ") "
      + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String DUE = "SELECT " + COLUMNS + " FROM pending_notices WHERE next_at <= ? "
      + "ORDER BY next_at, notice_key, chat_id FETCH FIRST " + BATCH + " ROWS ONLY";
  private static final String TAKE = "UPDATE pending_notices SET attempts = attempts + 1, next_at = ? "
      + "WHERE notice_key = ? AND chat_id = ? AND next_at = ? AND attempts = ?";
  private static final String RETRY = "UPDATE pending_notices SET next_at = ? WHERE notice_key = ? AND chat_id = ? "
      + "AND attempts = ?";
  private static final String DELETE = "DELETE FROM pending_notices WHERE notice_key = ? AND chat_id = ?";
  /** The notices of the application's earlier changes, which a later one makes wrong to send ("rejected" last). */
  private static final String SUPERSEDED = "DELETE FROM pending_notices WHERE application_id = ? AND made_at < ?";

  /**
   * A notice of one change: its key (the send to a chat is keyed by it and the chat id) and what its card names.
   *
   * @param change the change, as {@code own_changes} keeps it
   */
  public record Notice(String key, OwnChange change, String jobId, String talentId, String talentName) {}

  /** A notice a chat does not have yet, and how many sends of it were started, this one included. */
  public record Pending(Notice notice, String chatId, int attempts) {}

  /** What became of a failed send: to be tried again, or given up (its last attempt). */
  public enum Failed {
    RETRY, GIVEN_UP
  }

  private final Database db;
  private final Clock clock;

  public PendingNotices(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /**
   * Keeps the notice for each chat (none, too), as its first send, started now (held a lease ahead), and forgets the
   * notices of the application's earlier changes still owed to any chat: sent after this one, a rejection would read as
   * the last word on a person restored since. Completes once kept.
   */
  public Future<Void> add(Notice notice, Collection<String> chatIds) {
    long leased = clock.millis() + LEASE.toMillis();
    String name = Columns.fit(notice.talentName(), MAX_NAME);
    return db.transaction(c -> {
      Claims.update(c, SUPERSEDED, s -> {
        s.setString(1, notice.change().applicationId());
        s.setLong(2, notice.change().at().toEpochMilli());
      });
      for (String chatId : chatIds) {
        Claims.update(c, INSERT, s -> {
          JdbcOwnChanges.bind(s, notice.change());
          s.setString(12, notice.jobId());
          s.setString(13, notice.talentId());
          s.setString(14, name);
          s.setString(15, notice.key());
          s.setString(16, chatId);
          s.setInt(17, 1);
          s.setLong(18, leased);
        });
      }
      return null;
    }).mapEmpty();
  }

  /**
   * Takes the notices due now, oldest first, a bounded batch: each is one more send, held a lease ahead. Rows whose
   * last send was started and never settled (its process died) are taken as the others, but for the last one.
   *
   * @return the rows taken, and apart those whose sends are used up or whose uuid window has passed, deleted (to be
   *     logged as given up)
   */
  public Future<Due> takeDue() {
    long now = clock.millis();
    return db.run(c -> {
      List<Pending> taken = new ArrayList<>();
      List<Pending> givenUp = new ArrayList<>();
      List<Pending> expired = new ArrayList<>();
      for (Row row : Rows.list(c, DUE, s -> s.setLong(1, now), PendingNotices::row)) {
        Pending p = row.pending();
        if (pastUuidWindow(p, now)) {
          if (delete(c, p) == 1) {
            expired.add(p);
          }
        } else if (p.attempts() >= MAX_ATTEMPTS) {
          if (delete(c, p) == 1) {
            givenUp.add(p);
          }
        } else if (take(c, row, now) == 1) {
          taken.add(new Pending(p.notice(), p.chatId(), p.attempts() + 1));
        }
      }
      return new Due(taken, givenUp, expired);
    });
  }

  /**
   * The due rows this replica took, those it gave up (their last send never settled), and those it gave up because
   * Feishu's uuid window had passed.
   */
  public record Due(List<Pending> taken, List<Pending> givenUp, List<Pending> expired) {}

  /** The chat has the notice, or no longer needs it: forgotten. */
  public Future<Void> done(Pending p) {
    return db.run(c -> delete(c, p)).mapEmpty();
  }

  /** Its send failed: due again after its back-off, or deleted after the last attempt. */
  public Future<Failed> failed(Pending p) {
    if (p.attempts() >= MAX_ATTEMPTS) {
      return done(p).map(Failed.GIVEN_UP);
    }
    long retryAt = clock.millis() + FIRST_BACKOFF.toMillis() * (1L << (p.attempts() - 1));
    return db.run(c -> Claims.update(c, RETRY, s -> {
      s.setLong(1, retryAt);
      s.setString(2, p.notice().key());
      s.setString(3, p.chatId());
      s.setInt(4, p.attempts());
    })).map(Failed.RETRY);
  }

  private static int delete(Connection c, Pending p) throws SQLException {
    return Claims.update(c, DELETE, s -> {
      s.setString(1, p.notice().key());
      s.setString(2, p.chatId());
    });
  }

  /**
   * Whether a send started now could reach Feishu (it may wait up to a lease) after the uuid window of the first send,
   * which began with the change: the bot was down, or its database, for most of an hour.
   */
  private static boolean pastUuidWindow(Pending p, long now) {
    return now + LEASE.toMillis() > p.notice().change().at().toEpochMilli() + UUID_WINDOW.toMillis();
  }

  /** Moves the row's due time a lease ahead, unless another replica took it first. */
  private static int take(Connection c, Row row, long now) throws SQLException {
    return Claims.update(c, TAKE, s -> {
      s.setLong(1, now + LEASE.toMillis());
      s.setString(2, row.pending().notice().key());
      s.setString(3, row.pending().chatId());
      s.setLong(4, row.nextAt());
      s.setInt(5, row.pending().attempts());
    });
  }

  private record Row(Pending pending, long nextAt) {}

  private static Row row(ResultSet r) throws SQLException {
    Notice notice = new Notice(r.getString(15), JdbcOwnChanges.change(r), r.getString(12), r.getString(13),
        r.getString(14));
    return new Row(new Pending(notice, r.getString(16), r.getInt(17)), r.getLong(18));
  }
}
