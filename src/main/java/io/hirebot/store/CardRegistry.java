package io.hirebot.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.bot.inbound.ChatRef;
import io.hirebot.bot.middleware.CardChats;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * The {@code sent_cards} and {@code card_applications} tables: every card the bot put in a chat, what it shows
 * (so a stage change re-renders exactly that view) and when Feishu first received it (the PATCH window).
 */
public final class CardRegistry implements CardChats {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * A card in a chat.
   *
   * @param chatType {@code group}, {@code p2p}, or null when the bot never learnt it
   * @param viewer who asked for it (whose "my interviews" it shows)
   * @param view the callback value that renders it again, or null when nothing should (a form, a picker)
   */
  public record ShownCard(String messageId, String chatId, String chatType, String viewer, String view,
      Instant firstSentAt) {}

  /** Due refreshes taken per run; the next run takes the rest. */
  static final int DUE_BATCH = 100;

  private final Database db;
  private final Clock clock;

  public CardRegistry(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /**
   * Records what the message shows now, replacing what it showed before (a click edits the same message); the
   * first send time and the chat's kind, once known, stay. What it shows was drawn now, so a refresh it owed is settled.
   */
  public Future<Void> record(ShownCard card, Set<String> keys) {
    long now = clock.millis();
    return db.transaction(c -> {
      Rows.upsert(c, "UPDATE sent_cards SET card_view = ?, viewer = COALESCE(?, viewer), "
          + "chat_type = COALESCE(chat_type, ?), updated_at = ?, refresh_due_at = NULL, refresh_failures = NULL "
          + "WHERE message_id = ?", s -> {
            s.setString(1, card.view());
            s.setString(2, card.viewer());
            s.setString(3, card.chatType());
            s.setLong(4, now);
            s.setString(5, card.messageId());
          }, "INSERT INTO sent_cards (message_id, chat_id, chat_type, viewer, card_view, first_sent_at, updated_at) "
          + "VALUES (?, ?, ?, ?, ?, ?, ?)", s -> {
            s.setString(1, card.messageId());
            s.setString(2, card.chatId());
            s.setString(3, card.chatType());
            s.setString(4, card.viewer());
            s.setString(5, card.view());
            s.setLong(6, now);
            s.setLong(7, now);
          });
      Claims.update(c, "DELETE FROM card_applications WHERE message_id = ?", s -> s.setString(1, card.messageId()));
      for (String key : card.view() == null ? Set.<String>of() : keys) {
        Claims.update(c, "INSERT INTO card_applications (message_id, shown_key) VALUES (?, ?)", s -> {
          s.setString(1, card.messageId());
          s.setString(2, key);
        });
      }
      return null;
    });
  }

  /**
   * Living cards first sent since {@code since} that show the key (an application id, or "job:" + a job id), except
   * those a click answered with a change of {@code changed} until later than now (see {@link #answering}).
   */
  public Future<List<ShownCard>> showing(Set<String> keys, Instant since, String changed) {
    if (keys.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    String in = String.join(", ", keys.stream().map(k -> "?").toList());
    List<String> ordered = List.copyOf(keys);
    return db.run(c -> Rows.list(c, "SELECT DISTINCT s.message_id, s.chat_id, s.chat_type, s.viewer, s.card_view, "
        + "s.first_sent_at FROM sent_cards s JOIN card_applications a ON a.message_id = s.message_id "
        + "WHERE a.shown_key IN (" + in + ") AND s.first_sent_at >= ? AND s.card_view IS NOT NULL "
        + "AND (s.answered_application IS NULL OR s.answered_application <> ? OR s.answered_until <= ?) "
        + "ORDER BY s.first_sent_at", s -> {
          for (int i = 0; i < ordered.size(); i++) {
            s.setString(i + 1, ordered.get(i));
          }
          s.setLong(ordered.size() + 1, since.toEpochMilli());
          s.setString(ordered.size() + 2, changed);
          s.setLong(ordered.size() + 3, clock.millis());
        }, CardRegistry::row));
  }

  /**
   * Notes that a click on the message is changing the application and that its answer will show the change (with
   * what was done and an Undo): until {@code until}, the Hire event of that change leaves the message alone.
   */
  public Future<Void> answering(Collection<String> messageIds, String applicationId, Instant until) {
    if (messageIds.isEmpty()) {
      return Future.succeededFuture();
    }
    return db.transaction(c -> {
      for (String messageId : messageIds) {
        Claims.update(c, "UPDATE sent_cards SET answered_application = ?, answered_until = ? WHERE message_id = ?",
            s -> {
              s.setString(1, applicationId);
              s.setLong(2, until.toEpochMilli());
              s.setString(3, messageId);
            });
      }
      return null;
    });
  }

  /**
   * Notes that a refresh of the message failed in a way a later one may not (a rate limit, no answer): it is due again
   * after {@code backoff} of the refreshes failed in a row, this one included. Completes with that wait.
   */
  public Future<Duration> refreshFailed(String messageId, IntFunction<Duration> backoff) {
    long now = clock.millis();
    return db.transaction(c -> {
      List<Integer> failures = Rows.list(c, "SELECT refresh_failures FROM sent_cards WHERE message_id = ?",
          s -> s.setString(1, messageId), r -> r.getInt(1));
      Duration wait = backoff.apply(failures.isEmpty() ? 1 : failures.get(0) + 1);
      Claims.update(c, "UPDATE sent_cards SET refresh_due_at = ?, refresh_failures = COALESCE(refresh_failures, 0) + 1 "
          + "WHERE message_id = ?", s -> {
            s.setLong(1, now + wait.toMillis());
            s.setString(2, messageId);
          });
      return wait;
    });
  }

  /** The message owes no refresh any more (a refresh Feishu refused for good, which a later one would repeat). */
  public Future<Void> refreshSettled(String messageId) {
    return db.run(c -> Claims.update(c, "UPDATE sent_cards SET refresh_due_at = NULL, refresh_failures = NULL "
        + "WHERE message_id = ?", s -> s.setString(1, messageId))).mapEmpty();
  }

  /**
   * Takes the living cards first sent since {@code since} whose refresh is due now (at most {@link #DUE_BATCH}, or
   * only {@code messageId} when given): each is held {@code lease} ahead, by a conditional update only one replica's
   * statement wins, so one refresh is owed to one taker; the next failure or success settles it.
   */
  public Future<List<ShownCard>> takeDueRefreshes(String messageId, Instant since, Duration lease) {
    long now = clock.millis();
    return db.run(c -> {
      List<Due> due = Rows.list(c, "SELECT message_id, chat_id, chat_type, viewer, card_view, first_sent_at, "
          + "refresh_due_at FROM sent_cards WHERE refresh_due_at <= ? AND first_sent_at >= ? "
          + "AND card_view IS NOT NULL" + (messageId == null ? "" : " AND message_id = ?")
          + " ORDER BY refresh_due_at FETCH FIRST " + DUE_BATCH + " ROWS ONLY", s -> {
            s.setLong(1, now);
            s.setLong(2, since.toEpochMilli());
            if (messageId != null) {
              s.setString(3, messageId);
            }
          }, r -> new Due(row(r), r.getLong(7)));
      List<ShownCard> taken = new ArrayList<>();
      for (Due d : due) {
        if (Claims.update(c, "UPDATE sent_cards SET refresh_due_at = ? WHERE message_id = ? AND refresh_due_at = ?",
            s -> {
              s.setLong(1, now + lease.toMillis());
              s.setString(2, d.card().messageId());
              s.setLong(3, d.dueAt());
            }) == 1) {
          taken.add(d.card());
        }
      }
      return taken;
    });
  }

  private record Due(ShownCard card, long dueAt) {}

  /** Forgets one card: Feishu says it is gone (recalled, deleted, its chat dissolved), so nothing updates it again. */
  public Future<Void> forget(String messageId) {
    return db.transaction(c -> {
      Claims.update(c, "DELETE FROM card_applications WHERE message_id = ?", s -> s.setString(1, messageId));
      return Claims.update(c, "DELETE FROM sent_cards WHERE message_id = ?", s -> s.setString(1, messageId));
    }).mapEmpty();
  }

  /** Forgets cards first sent before {@code before}; returns how many. */
  public Future<Integer> forgetSentBefore(Instant before) {
    long cutoff = before.toEpochMilli();
    return db.transaction(c -> {
      Claims.update(c, "DELETE FROM card_applications WHERE message_id IN (SELECT message_id FROM sent_cards "
          + "WHERE first_sent_at < ?)", s -> s.setLong(1, cutoff));
      return Claims.update(c, "DELETE FROM sent_cards WHERE first_sent_at < ?", s -> s.setLong(1, cutoff));
    });
  }

  /** The card sent as this message, if the bot recorded it. */
  public Future<Optional<ShownCard>> card(String messageId) {
    return db.run(c -> Rows.list(c, "SELECT message_id, chat_id, chat_type, viewer, card_view, first_sent_at "
        + "FROM sent_cards WHERE message_id = ?", s -> s.setString(1, messageId), CardRegistry::row))
        .map(rows -> rows.stream().findFirst());
  }

  @Override
  public Future<Optional<ChatRef.ChatType>> kindOf(String messageId) {
    return card(messageId).map(c -> c.map(ShownCard::chatType).filter(Objects::nonNull)
        .map(t -> ChatRef.ChatType.valueOf(t.toUpperCase(Locale.ROOT))));
  }

  @Override
  public Future<Optional<ObjectNode>> viewOf(String messageId) {
    return card(messageId).map(c -> c.map(ShownCard::view).flatMap(CardRegistry::parsed));
  }

  /** A recorded view: the bot's own JSON, so unreadable only through a bug of ours, which reads as no view. */
  private static Optional<ObjectNode> parsed(String view) {
    try {
      JsonNode node = JSON.readTree(view);
      return node instanceof ObjectNode o ? Optional.of(o) : Optional.empty();
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  private static ShownCard row(java.sql.ResultSet r) throws java.sql.SQLException {
    return new ShownCard(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
        Instant.ofEpochMilli(r.getLong(6)));
  }
}
