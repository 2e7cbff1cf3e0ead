package io.hirebot.store;

import io.hirebot.bot.ActionOnce;
import io.hirebot.bot.ActionResult;
import io.hirebot.bot.middleware.InMemoryActionOnce;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ActionOnce} across replicas and restarts: a click's key is claimed as a row of {@code action_keys}
 * before the action runs, so the same click delivered to two replicas writes to Hire once. The second sees the
 * first's toast, in every language ({@link StoredToasts}), when it is stored (waiting briefly for it); its card is left
 * as it is, the first click's answer updates it. Within one process the in-memory map still shares the first click's whole result.
 */
public final class JdbcActionOnce implements ActionOnce {
  private static final Logger log = LoggerFactory.getLogger(JdbcActionOnce.class);
  /** As long as an undo is offered; a key older than this may act again. */
  public static final Duration RETENTION = InMemoryActionOnce.RETENTION;
  static final int MAX_OUTCOME = 4000;
  /** How long a duplicate waits for the first click's outcome, within the card callback's budget. */
  static final Duration OUTCOME_WAIT = Duration.ofMillis(1800);
  static final long OUTCOME_POLL_MS = 100;

  private static final String INSERT = "INSERT INTO action_keys (idem_key, created_at, outcome) VALUES (?, ?, NULL)";
  private static final String TAKE_OVER = "UPDATE action_keys SET created_at = ?, outcome = NULL "
      + "WHERE idem_key = ? AND created_at < ?";

  private final Vertx vertx;
  private final Database db;
  private final Clock clock;
  private final Supplier<ActionResult> stillRunning;
  private final InMemoryActionOnce local = new InMemoryActionOnce();
  private final ExpiredRows expired;

  /** @param stillRunning the answer to a duplicate whose first click has not finished in time */
  public JdbcActionOnce(Vertx vertx, Database db, Clock clock, Supplier<ActionResult> stillRunning) {
    this.vertx = vertx;
    this.db = db;
    this.expired = new ExpiredRows(db, "action_keys", "idem_key", "created_at");
    this.clock = clock;
    this.stillRunning = stillRunning;
  }

  @Override
  public Future<ActionResult> once(String key, Supplier<Future<ActionResult>> action) {
    return local.once(key, () -> claim(key).compose(first -> !first ? firstOutcome(key, clock.millis())
        : action.get()
            // The outcome is stored for a duplicate on another replica (which polls for it), not for this click's
            // answer: storing it after the answer takes a commit off the click's path, and a failed store no
            // longer turns a change Hire made into an error toast.
            .onSuccess(result -> store(key, result).onFailure(e -> log.warn(
                "action outcome not stored key={} cause={}", key, e.toString())))
            .onFailure(e -> forget(key))));
  }

  @Override
  public void release(String key) {
    local.release(key);
    forget(key);
  }

  /** Forgets keys no click can reuse any more, in bounded batches; completes with how many were forgotten. */
  public Future<Integer> purgeExpired() {
    long before = clock.millis() - RETENTION.toMillis();
    return expired.purge(before);
  }

  private Future<Boolean> claim(String key) {
    long now = clock.millis();
    return db.run(c -> Claims.claim(c, INSERT, s -> {
      s.setString(1, key);
      s.setLong(2, now);
    }, TAKE_OVER, s -> {
      s.setLong(1, now);
      s.setString(2, key);
      s.setLong(3, now - RETENTION.toMillis());
    }));
  }

  private Future<Void> store(String key, ActionResult result) {
    String bounded = StoredToasts.write(result.toast(), MAX_OUTCOME);
    return db.run(c -> Claims.update(c, "UPDATE action_keys SET outcome = ? WHERE idem_key = ?", s -> {
      s.setString(1, bounded);
      s.setString(2, key);
    })).mapEmpty();
  }

  private void forget(String key) {
    db.run(c -> Claims.update(c, "DELETE FROM action_keys WHERE idem_key = ?", s -> s.setString(1, key)));
  }

  private Future<ActionResult> firstOutcome(String key, long since) {
    return db.run(c -> Rows.list(c, "SELECT outcome FROM action_keys WHERE idem_key = ?", s -> s.setString(1, key),
            r -> Optional.ofNullable(r.getString(1))).stream().findFirst().flatMap(o -> o))
        .compose(outcome -> {
          if (outcome.isPresent()) {
            return Future.succeededFuture(ActionResult.of(StoredToasts.read(outcome.get())));
          }
          if (clock.millis() - since >= OUTCOME_WAIT.toMillis()) {
            return Future.succeededFuture(stillRunning.get());
          }
          Promise<Void> later = Promise.promise();
          vertx.setTimer(OUTCOME_POLL_MS, t -> later.complete());
          return later.future().compose(v -> firstOutcome(key, since));
        });
  }
}
