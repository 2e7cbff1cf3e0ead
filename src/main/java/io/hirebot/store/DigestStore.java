package io.hirebot.store;

import io.vertx.core.Future;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Digest schedules ({@code digest_schedules}) and sent slots ({@code digest_slots}). A slot is sent by the
 * replica whose insert of its row wins, so two replicas send one digest per slot.
 */
public final class DigestStore {
  /** A claim not marked sent after this long belongs to a replica that died while sending. */
  public static final Duration SLOT_LEASE = Duration.ofMinutes(10);

  /**
   * One chat's schedule; {@code jobId} empty means the chat's subscribed jobs; {@code zone} is the chat's
   * own time zone when it set one; slots before {@code since} are never sent; {@code lastSent} is the latest
   * slot sent.
   */
  public record Schedule(String chatId, Set<DayOfWeek> days, LocalTime time, String jobId, String lang,
      Instant since, Optional<ZoneId> zone, Optional<Instant> lastSent) {
    public Schedule {
      days = Set.copyOf(days);
    }
  }

  private static final String SELECT = "SELECT d.chat_id, d.days, d.local_time, d.job_id, d.lang, d.since_at, "
      + "c.time_zone, (SELECT MAX(s.slot_at) FROM digest_slots s WHERE s.chat_id = d.chat_id AND s.sent_at IS NOT NULL) "
      + "FROM digest_schedules d LEFT JOIN chat_settings c ON c.chat_id = d.chat_id";

  private final Database db;
  private final Clock clock;

  public DigestStore(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Sets the chat's schedule (replacing any); slots from now on count. Completes with the schedule it replaced. */
  public Future<Optional<Schedule>> put(String chatId, Set<DayOfWeek> days, LocalTime time, String jobId,
      String lang) {
    String dayList = days.stream().sorted().map(d -> d.name().substring(0, 3)).collect(Collectors.joining(","));
    String localTime = time.toString();
    long now = clock.millis();
    return db.transaction(c -> {
      Optional<Schedule> replaced = Rows.list(c, SELECT + " WHERE d.chat_id = ?", s -> s.setString(1, chatId),
          DigestStore::row).stream().findFirst();
      Rows.upsert(c, "UPDATE digest_schedules SET days = ?, local_time = ?, job_id = ?, lang = ?, since_at = ? "
          + "WHERE chat_id = ?", s -> {
            s.setString(1, dayList);
            s.setString(2, localTime);
            s.setString(3, jobId);
            s.setString(4, lang);
            s.setLong(5, now);
            s.setString(6, chatId);
          }, "INSERT INTO digest_schedules (chat_id, days, local_time, job_id, lang, since_at) VALUES (?, ?, ?, ?, ?, ?)",
          s -> {
            s.setString(1, chatId);
            s.setString(2, dayList);
            s.setString(3, localTime);
            s.setString(4, jobId);
            s.setString(5, lang);
            s.setLong(6, now);
          });
      return replaced;
    });
  }

  /** Completes with whether the chat had a schedule. */
  public Future<Boolean> remove(String chatId) {
    return db.run(c -> Claims.update(c, "DELETE FROM digest_schedules WHERE chat_id = ?",
        s -> s.setString(1, chatId)) > 0);
  }

  public Future<Optional<Schedule>> get(String chatId) {
    return db.run(c -> Rows.list(c, SELECT + " WHERE d.chat_id = ?", s -> s.setString(1, chatId), DigestStore::row)
        .stream().findFirst());
  }

  public Future<List<Schedule>> all() {
    return db.run(c -> Rows.list(c, SELECT + " ORDER BY d.chat_id", s -> { }, DigestStore::row));
  }

  /** One chat's digest slot. */
  public record Slot(String chatId, Instant at) {}

  /** A slot's digest as sent. */
  public record Sent(Slot slot, String messageId) {}

  /** Completes with true for the one claimant that may send this slot (or that takes over a dead claim). */
  public Future<Boolean> claimSlot(String chatId, Instant slot, String claimant) {
    return claimSlots(List.of(new Slot(chatId, slot)), claimant).map(won -> !won.isEmpty());
  }

  /**
   * Claims many slots in one transaction (one database round trip for the caller instead of one per chat);
   * completes with those this claimant won. Each slot is claimed as {@link #claimSlot} would, so across replicas
   * each is still won once; claim in a stable order (replicas then wait for each other's rows, never deadlock).
   */
  public Future<Set<Slot>> claimSlots(List<Slot> slots, String claimant) {
    if (slots.isEmpty()) {
      return Future.succeededFuture(Set.of());
    }
    long now = clock.millis();
    return db.transaction(c -> {
      Set<Slot> won = new HashSet<>();
      for (Slot slot : slots) {
        if (claim(c, slot, claimant, now)) {
          won.add(slot);
        }
      }
      return won;
    });
  }

  private static boolean claim(Connection c, Slot slot, String claimant, long now) throws SQLException {
    return Claims.claim(c, "INSERT INTO digest_slots (chat_id, slot_at, claimed_by, claimed_at) VALUES (?, ?, ?, ?)",
        s -> {
          s.setString(1, slot.chatId());
          s.setLong(2, slot.at().toEpochMilli());
          s.setString(3, claimant);
          s.setLong(4, now);
        },
        "UPDATE digest_slots SET claimed_by = ?, claimed_at = ? "
            + "WHERE chat_id = ? AND slot_at = ? AND sent_at IS NULL AND claimed_at < ?", s -> {
          s.setString(1, claimant);
          s.setLong(2, now);
          s.setString(3, slot.chatId());
          s.setLong(4, slot.at().toEpochMilli());
          s.setLong(5, now - SLOT_LEASE.toMillis());
        });
  }

  public Future<Void> markSent(String chatId, Instant slot, String messageId) {
    return markSent(List.of(new Sent(new Slot(chatId, slot), messageId)));
  }

  /** Marks many slots sent in one transaction and one batched statement. */
  public Future<Void> markSent(List<Sent> sent) {
    if (sent.isEmpty()) {
      return Future.succeededFuture();
    }
    long now = clock.millis();
    return db.transaction(c -> {
      try (PreparedStatement s = c.prepareStatement("UPDATE digest_slots SET sent_at = ?, message_id = ? "
          + "WHERE chat_id = ? AND slot_at = ?")) {
        for (Sent one : sent) {
          s.setLong(1, now);
          s.setString(2, one.messageId());
          s.setString(3, one.slot().chatId());
          s.setLong(4, one.slot().at().toEpochMilli());
          s.addBatch();
        }
        s.executeBatch();
      }
      return null;
    }).mapEmpty();
  }

  private static Schedule row(ResultSet r) throws SQLException {
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    Arrays.stream(r.getString(2).split(",")).filter(d -> !d.isEmpty())
        .forEach(d -> Arrays.stream(DayOfWeek.values()).filter(w -> w.name().startsWith(d)).forEach(days::add));
    String zone = r.getString(7);
    long lastSent = r.getLong(8);
    Optional<Instant> sent = r.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(lastSent));
    return new Schedule(r.getString(1), days, LocalTime.parse(r.getString(3)), r.getString(4), r.getString(5),
        Instant.ofEpochMilli(r.getLong(6)), zone == null ? Optional.empty() : Optional.of(ZoneId.of(zone)), sent);
  }
}
