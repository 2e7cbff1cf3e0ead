package io.hirebot.store;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** The {@code card_applications} table: which candidate card (message) shows which applications. */
public final class CardRegistry {

  /** A sent candidates card: the job and page it shows, in which language. */
  public record ShownCard(String messageId, String chatId, String jobId, int page, String lang) {}

  private final Database db;
  private final Clock clock;

  public CardRegistry(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Records what a card shows now, replacing what it showed before (a page change edits the same message). */
  public Future<Void> record(ShownCard card, Set<String> applicationIds) {
    long now = clock.millis();
    return db.transaction(c -> {
      Claims.update(c, "DELETE FROM card_applications WHERE message_id = ?", s -> s.setString(1, card.messageId()));
      for (String id : applicationIds) {
        Claims.update(c, "INSERT INTO card_applications (message_id, application_id, chat_id, job_id, page, lang, "
            + "sent_at) VALUES (?, ?, ?, ?, ?, ?, ?)", s -> {
              s.setString(1, card.messageId());
              s.setString(2, id);
              s.setString(3, card.chatId());
              s.setString(4, card.jobId());
              s.setInt(5, card.page());
              s.setString(6, card.lang());
              s.setLong(7, now);
            });
      }
      return null;
    });
  }

  /** Cards sent since {@code since} that show the application. */
  public Future<List<ShownCard>> showing(String applicationId, Instant since) {
    return db.run(c -> Rows.list(c, "SELECT message_id, chat_id, job_id, page, lang FROM card_applications "
        + "WHERE application_id = ? AND sent_at >= ? ORDER BY sent_at", s -> {
          s.setString(1, applicationId);
          s.setLong(2, since.toEpochMilli());
        }, r -> new ShownCard(r.getString(1), r.getString(2), r.getString(3), r.getInt(4), r.getString(5))));
  }
}
