package io.hirebot.store;

import io.vertx.core.Future;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The {@code subscriptions} table: which chat follows which job for which kinds of notification. */
public final class SubscriptionStore {

  /** One chat following one job; {@code kinds} are lower-case names ("new", "stage", "offer"). */
  public record Subscription(String chatId, String jobId, Set<String> kinds, String lang) {
    public Subscription {
      kinds = Set.copyOf(kinds);
    }
  }

  private static final String COLUMNS = "chat_id, job_id, kinds, lang";

  private final Database db;
  private final Clock clock;

  public SubscriptionStore(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Adds the subscription, or replaces the kinds and language of an existing one. */
  public Future<Void> put(Subscription s, String createdBy) {
    String kinds = String.join(",", new TreeSet<>(s.kinds()));
    long now = clock.millis();
    return db.transaction(c -> {
      Rows.upsert(c, "UPDATE subscriptions SET kinds = ?, lang = ? WHERE chat_id = ? AND job_id = ?", st -> {
        st.setString(1, kinds);
        st.setString(2, s.lang());
        st.setString(3, s.chatId());
        st.setString(4, s.jobId());
      }, "INSERT INTO subscriptions (" + COLUMNS + ", created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)", st -> {
        st.setString(1, s.chatId());
        st.setString(2, s.jobId());
        st.setString(3, kinds);
        st.setString(4, s.lang());
        st.setString(5, createdBy);
        st.setLong(6, now);
      });
      return null;
    });
  }

  /** Completes with whether there was a subscription to remove. */
  public Future<Boolean> remove(String chatId, String jobId) {
    return db.run(c -> Claims.update(c, "DELETE FROM subscriptions WHERE chat_id = ? AND job_id = ?", st -> {
      st.setString(1, chatId);
      st.setString(2, jobId);
    }) > 0);
  }

  public Future<List<Subscription>> ofChat(String chatId) {
    return db.run(c -> Rows.list(c, "SELECT " + COLUMNS + " FROM subscriptions WHERE chat_id = ? ORDER BY created_at",
        st -> st.setString(1, chatId), SubscriptionStore::row));
  }

  public Future<List<Subscription>> ofJob(String jobId) {
    return db.run(c -> Rows.list(c, "SELECT " + COLUMNS + " FROM subscriptions WHERE job_id = ? ORDER BY chat_id",
        st -> st.setString(1, jobId), SubscriptionStore::row));
  }

  public Future<List<Subscription>> all() {
    return db.run(c -> Rows.list(c, "SELECT " + COLUMNS + " FROM subscriptions ORDER BY job_id, chat_id",
        st -> { }, SubscriptionStore::row));
  }

  private static Subscription row(java.sql.ResultSet r) throws java.sql.SQLException {
    Set<String> kinds = new TreeSet<>(Arrays.asList(r.getString(3).split(",")));
    kinds.remove("");
    return new Subscription(r.getString(1), r.getString(2), kinds, r.getString(4));
  }
}
