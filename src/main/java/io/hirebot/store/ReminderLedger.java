package io.hirebot.store;

import io.vertx.core.Future;
import java.time.Clock;

/** The {@code reminders_sent} table: a reminder is claimed (a unique row) before it is sent, so it goes out once. */
public final class ReminderLedger {
  private final Database db;
  private final Clock clock;

  public ReminderLedger(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** True for the first claim of {@code key} across restarts and replicas, false afterwards. */
  public Future<Boolean> claim(String key) {
    long now = clock.millis();
    return db.run(c -> Claims.claim(c, "INSERT INTO reminders_sent (reminder_key, sent_at) VALUES (?, ?)", st -> {
      st.setString(1, key);
      st.setLong(2, now);
    }, null, null));
  }
}
