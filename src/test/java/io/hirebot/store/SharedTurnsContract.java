package io.hirebot.store;

import static io.hirebot.testing.MemoryDatabase.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.hirebot.bot.SharedTurns;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What {@link JdbcSharedTurns} does on each database the bot runs on: two instances on one database are two replicas,
 * and a write on an application runs only while no other one's does.
 */
abstract class SharedTurnsContract {
  /**
   * A click that gives up soon: long enough for a few asks (its first ask took over 300 ms on a loaded machine, and the
   * click then rightly said the database had not answered), short enough for a test to see it give up.
   */
  private static final Duration SHORT_WAIT = Duration.ofMillis(1500);

  abstract Vertx vertx();

  abstract Database db();

  private JdbcSharedTurns replica(Duration wait) {
    return new JdbcSharedTurns(vertx(), db(), JdbcSharedTurns.LEASE, wait);
  }

  private static String application() {
    return "app_" + UUID.randomUUID();
  }

  /** Runs nothing but says why it ran nothing. */
  private static Future<String> missed(SharedTurns.Missed why) {
    return Future.succeededFuture(why.name());
  }

  @Test
  @DisplayName("a write another replica starts on the application waits for the write running there, then runs")
  void waitsForTheOtherReplica() {
    // GIVEN one replica writing on an application (its write not ended yet)
    String app = application();
    List<String> order = new CopyOnWriteArrayList<>();
    Promise<String> firstWrite = Promise.promise();
    Future<String> first = writing(app, firstWrite);

    // WHEN another replica starts a write on it, and only then the first write ends
    Future<String> second = replica(JdbcSharedTurns.WAIT).inTurn(app, () -> {
      order.add("second runs");
      return Future.succeededFuture("second");
    }, SharedTurnsContract::missed);
    order.add("first ends");
    firstWrite.complete("first");

    // THEN the second ran after the first had ended
    assertEquals("first", await(first));
    assertEquals("second", await(second));
    assertEquals(List.of("first ends", "second runs"), order);
  }

  @Test
  @DisplayName("a write that waits longer than a click does writes nothing and says the application is busy")
  void busy() {
    String app = application();
    Promise<String> running = Promise.promise();
    writing(app, running);
    AtomicBoolean ran = new AtomicBoolean();

    String answer = await(replica(SHORT_WAIT).inTurn(app, () -> {
      ran.set(true);
      return Future.succeededFuture("written");
    }, SharedTurnsContract::missed));

    running.complete("first");
    assertEquals("BUSY", answer);
    assertFalse(ran.get(), "the second write ran");
  }

  @Test
  @DisplayName("a turn is let go when its write fails, and the next write on the application runs at once")
  void failedWriteLetsGo() {
    String app = application();
    Future<String> failed = replica(JdbcSharedTurns.WAIT).inTurn(app,
        () -> Future.failedFuture(new IllegalStateException("Hire refused")), SharedTurnsContract::missed);
    assertEquals("Hire refused", await(failed.map(x -> "").otherwise(Throwable::getMessage)));

    assertEquals("next", await(replica(JdbcSharedTurns.WAIT).inTurn(app, () -> Future.succeededFuture("next"),
        SharedTurnsContract::missed)));
    await(rowsBecome(app, 0));
  }

  @Test
  @DisplayName("a row left by a replica that died mid-write is taken over once its lease has ended, not before")
  void deadReplicasRow() {
    // GIVEN rows two replicas left when they died: one's lease long over, the other's not
    String over = application();
    String current = application();
    await(db().run(c -> {
      try (var s = c.prepareStatement("INSERT INTO application_turns (application_id, holder, expires_at) "
          + "VALUES (?, 'dead', ?)")) {
        s.setString(1, over);
        s.setLong(2, 0);
        s.executeUpdate();
        s.setString(1, current);
        s.setLong(2, Long.MAX_VALUE / 2);
        return s.executeUpdate();
      }
    }));

    // THEN a write on the first runs, and one on the second waits and gives up
    assertEquals("written", await(replica(SHORT_WAIT).inTurn(over, () -> Future.succeededFuture("written"),
        SharedTurnsContract::missed)));
    assertEquals("BUSY", await(replica(SHORT_WAIT).inTurn(current, () -> Future.succeededFuture("written"),
        SharedTurnsContract::missed)));
  }

  @Test
  @DisplayName("with no database answering, the write is not made and says so")
  void databaseDown() {
    Database gone = await(Database.open(vertx(), "jdbc:h2:mem:" + UUID.randomUUID(), "", ""));
    gone.close();
    AtomicBoolean ran = new AtomicBoolean();

    String answer = await(new JdbcSharedTurns(vertx(), gone).inTurn(application(), () -> {
      ran.set(true);
      return Future.succeededFuture("written");
    }, SharedTurnsContract::missed));

    assertEquals("UNAVAILABLE", answer);
    assertFalse(ran.get(), "the write ran without its turn");
  }

  /**
   * A replica's write on {@code app} that has its turn once this returns, and ends when {@code write} completes;
   * the returned future is the write's answer.
   */
  private Future<String> writing(String app, Promise<String> write) {
    Promise<Void> started = Promise.promise();
    Future<String> answer = replica(JdbcSharedTurns.WAIT).inTurn(app, () -> {
      started.complete();
      return write.future();
    }, SharedTurnsContract::missed);
    await(started.future());
    return answer;
  }

  /** Completes once the application has {@code n} rows (its turn let go: 0), asking the database again meanwhile. */
  private Future<Void> rowsBecome(String app, long n) {
    return rows(app).compose(found -> {
      if (found == n) {
        return Future.succeededFuture();
      }
      Promise<Void> later = Promise.promise();
      vertx().setTimer(10, t -> later.complete());
      return later.future().compose(v -> rowsBecome(app, n));
    });
  }

  private Future<Long> rows(String app) {
    return db().run(c -> Rows.list(c, "SELECT COUNT(*) FROM application_turns WHERE application_id = ?",
        s -> s.setString(1, app), r -> r.getLong(1)).get(0));
  }
}
