package io.hirebot.store;

import io.hirebot.i18n.Language;
import io.vertx.core.Future;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The {@code held_notifications} table: notifications that arrived in a chat's quiet hours. A replica
 * releases a chat's rows by stamping them with its token and the time first, so each row is delivered in one batch, and
 * a stamp its run left behind (the process died) is taken again once stale ({@link #STALE_RELEASE}). With it, the
 * {@code notification_paths} table: whether each notification's first try sent it or held it, which its retries keep.
 */
public final class HeldNotifications {
  /**
   * How old a release's stamp is when its run is certainly over, sent or dead: a run then takes the rows as its own
   * and sends the same batch (same rows, same message uuid). A send is at most three tries of Feishu's 10 s request
   * timeout (FeishuClients), with back-offs of up to 5 s or the rate-limit reset Feishu asks for (a minute at most
   * for its per-minute window), queued behind the bulk lane's permits: two to three minutes at worst. Five minutes is
   * past that, so a live replica's send is never doubled, and far inside the hour in which Feishu posts one message
   * per uuid, so a dead replica's send that did arrive is not posted again either. Only when every replica was down
   * for longer than that hour could a batch whose send arrived be posted twice, which beats losing it.
   */
  public static final Duration STALE_RELEASE = Duration.ofMinutes(5);
  /** The longest job label kept (the column's length). */
  static final int MAX_JOB_LABEL = 300;

  /**
   * What a batch shows of one notification.
   *
   * @param summaries its summary (markdown) per language, one for each {@link Language}
   * @param jobId the job it is about; empty for rows held before jobs were kept
   * @param changedAt when the change happened in Hire, or null for "when it was held"
   */
  public record Change(Map<Language, String> summaries, String jobId, String jobLabel, Instant changedAt) {
    public Change {
      summaries = Map.copyOf(summaries);
    }
  }

  /**
   * How a notification reaches a chat: sent as a message (this try chose it: {@code SENT}; an earlier try chose it
   * and may have posted it: {@code RESENT}, completed under the same uuid), or held for the chat's quiet-hours batch.
   */
  public enum Path {
    SENT, RESENT, HELD
  }

  /** One held notification, in the language of the subscription it was held for. */
  public record Held(String chatId, String lang, Change change) {}

  /** The columns written and read after chat_id and lang; the summaries last, one per language. */
  private static final String COLUMNS = "summary, job_id, job_label, changed_at, held_at, "
      + Arrays.stream(Language.values()).map(HeldNotifications::column).collect(Collectors.joining(", "));

  /**
   * A stamp older than {@link #STALE_RELEASE} (or from before V33, which kept no time), as SQL with the bound as its
   * one parameter.
   */
  private static final String STALE = "COALESCE(released_at, 0) < ?";

  private final Database db;
  private final Clock clock;

  public HeldNotifications(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /**
   * The path of one notification to a chat: the one its first try took, else held when the chat is {@code quiet} now
   * (the row written in the same transaction) and sent when not, recorded now. A retry keeps the first try's path,
   * whatever the chat's quiet hours say by then (V31): a notification tried while the chat was not quiet is completed
   * with a send under the same uuid, which Feishu drops if the first reached the chat unanswered, never moved into the
   * batch, which has no uuid and would show it a second time; one held is in the batch already.
   *
   * @param key unique per notification and chat: the send's idempotency key
   * @param change what the batch shows of it, read only when it is held now
   */
  public Future<Path> route(String key, String chatId, boolean quiet, String lang, Supplier<Change> change) {
    long now = clock.millis();
    return db.transaction(c -> {
      boolean first = Claims.claim(c, "INSERT INTO notification_paths (send_key, held, decided_at) VALUES (?, ?, ?)",
          s -> {
            s.setString(1, key);
            s.setBoolean(2, quiet);
            s.setLong(3, now);
          }, null, null);
      if (!first) {
        boolean held = Rows.list(c, "SELECT held FROM notification_paths WHERE send_key = ?",
            s -> s.setString(1, key), r -> r.getBoolean(1)).stream().findFirst().orElse(quiet);
        return held ? Path.HELD : Path.RESENT;
      }
      if (quiet) {
        insert(c, chatId, lang, change.get(), now);
      }
      return quiet ? Path.HELD : Path.SENT;
    });
  }

  /**
   * Forgets the path a try just chose ({@link Path#SENT}) when Feishu refused that send with its rate limit, which
   * posts nothing: its retry then chooses again by the chat's quiet hours, as a first try does (keeping "sent" posted
   * in quiet hours that began meanwhile). Not after {@link Path#RESENT}: an earlier try may have posted it. A path
   * recorded as held stays: the batch has it.
   */
  public Future<Void> forget(String key) {
    return db.run(c -> Claims.update(c, "DELETE FROM notification_paths WHERE send_key = ? AND held = FALSE",
        s -> s.setString(1, key))).mapEmpty();
  }

  private static int insert(Connection c, String chatId, String lang, Change change, long now) throws SQLException {
    Language own = Language.ofFeishuLocale(lang);
    Language[] languages = Language.values();
    String label = Columns.fit(change.jobLabel(), MAX_JOB_LABEL);
    return Claims.update(c, "INSERT INTO held_notifications (chat_id, lang, " + COLUMNS + ") VALUES (?, ?, "
        + "?, ?, ?, ?, ?" + ", ?".repeat(languages.length) + ")", s -> {
          s.setString(1, chatId);
          s.setString(2, lang);
          s.setString(3, change.summaries().get(own));
          s.setString(4, change.jobId());
          s.setString(5, label);
          s.setLong(6, change.changedAt() == null ? now : change.changedAt().toEpochMilli());
          s.setLong(7, now);
          for (int i = 0; i < languages.length; i++) {
            s.setString(8 + i, change.summaries().get(languages[i]));
          }
        });
  }

  /** Chats with notifications waiting, or stamped by a release run that is over without sending or giving them back. */
  public Future<List<String>> chats() {
    long stale = clock.millis() - STALE_RELEASE.toMillis();
    return db.run(c -> Rows.list(c, "SELECT DISTINCT chat_id FROM held_notifications WHERE released_by IS NULL OR "
        + STALE, s -> s.setLong(1, stale), r -> r.getString(1)));
  }

  /**
   * Stamps the chat's rows with {@code token} and returns them, oldest first (empty if another took them). Those of a
   * stale stamp come first, alone: the rows the dead run stamped, which give its batch's uuid again (should its send
   * have arrived, Feishu posts the retry nothing); the chat's waiting rows wait for the next run.
   */
  public Future<List<Held>> release(String chatId, String token) {
    long now = clock.millis();
    return db.run(c -> {
      String stale = Rows.list(c, "SELECT released_by FROM held_notifications WHERE chat_id = ? AND released_by IS "
          + "NOT NULL AND " + STALE + " ORDER BY id LIMIT 1", s -> {
            s.setString(1, chatId);
            s.setLong(2, now - STALE_RELEASE.toMillis());
          }, r -> r.getString(1)).stream().findFirst().orElse(null);
      if (stale != null) {
        // Conditional on the stamp still being that one and stale: of two replicas re-taking it at once, one does.
        Claims.update(c, "UPDATE held_notifications SET released_by = ?, released_at = ? WHERE released_by = ? AND "
            + STALE, s -> {
              s.setString(1, token);
              s.setLong(2, now);
              s.setString(3, stale);
              s.setLong(4, now - STALE_RELEASE.toMillis());
            });
      } else {
        Claims.update(c, "UPDATE held_notifications SET released_by = ?, released_at = ? WHERE chat_id = ? AND "
            + "released_by IS NULL", s -> {
              s.setString(1, token);
              s.setLong(2, now);
              s.setString(3, chatId);
            });
      }
      return Rows.list(c, "SELECT chat_id, lang, " + COLUMNS + " FROM held_notifications WHERE released_by = ? "
          + "ORDER BY id", s -> s.setString(1, token), HeldNotifications::held);
    });
  }

  /**
   * Gives rows stamped with {@code token} back, as waiting: their batch was not sent, and the next release sends them
   * (stamped, they were never looked at again).
   */
  public Future<Void> unrelease(String token) {
    return db.run(c -> Claims.update(c, "UPDATE held_notifications SET released_by = NULL, released_at = NULL WHERE "
        + "released_by = ?", s -> s.setString(1, token))).mapEmpty();
  }

  /** Forgets rows once their batch was sent. */
  public Future<Void> delete(String token) {
    return db.run(c -> Claims.update(c, "DELETE FROM held_notifications WHERE released_by = ?",
        s -> s.setString(1, token))).mapEmpty();
  }

  /** A row; one held before V26 has only its summary (shown in every language) and the time it was held. */
  private static Held held(ResultSet r) throws SQLException {
    String summary = r.getString("summary");
    Map<Language, String> summaries = new EnumMap<>(Language.class);
    for (Language lang : Language.values()) {
      String own = r.getString(column(lang));
      summaries.put(lang, own == null ? summary : own);
    }
    long changedAt = r.getLong("changed_at");
    Instant at = Instant.ofEpochMilli(r.wasNull() ? r.getLong("held_at") : changedAt);
    String jobId = r.getString("job_id");
    String label = r.getString("job_label");
    return new Held(r.getString("chat_id"), r.getString("lang"),
        new Change(summaries, jobId == null ? "" : jobId, label == null ? "" : label, at));
  }

  private static String column(Language lang) {
    return "summary_" + lang.feishuLocale();
  }
}
