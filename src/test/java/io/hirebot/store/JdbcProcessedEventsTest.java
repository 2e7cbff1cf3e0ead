package io.hirebot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.bot.middleware.ProcessedEvents;
import io.hirebot.schedule.MutableClock;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Event claims on H2 with the real migrations: first claim wins, stale claims are taken over, rows expire. */
class JdbcProcessedEventsTest {
  private static Vertx vertx;
  private static Database db;

  @BeforeAll
  static void open() {
    vertx = Vertx.vertx();
    db = await(Database.open(vertx, "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "", ""));
  }

  @AfterAll
  static void close() {
    db.close();
    await(vertx.close());
  }

  private static <T> T await(Future<T> f) {
    try {
      return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  @DisplayName("a key is claimed once while its claim is live, and never again once done")
  void claimOnce() {
    MutableClock clock = MutableClock.atNow();
    JdbcProcessedEvents events = new JdbcProcessedEvents(db, clock);
    assertTrue(await(events.claim("k1", "{}")));
    assertFalse(await(events.claim("k1", "{}")));
    await(events.done("k1"));
    clock.advance(JdbcProcessedEvents.LEASE.plusMinutes(1));
    assertFalse(await(events.claim("k1", "{}")), "done events are not taken over");
  }

  @Test
  @DisplayName("an unfinished claim older than the lease is listed for replay and can be taken over once")
  void staleClaim() {
    MutableClock clock = MutableClock.atNow();
    JdbcProcessedEvents events = new JdbcProcessedEvents(db, clock);
    assertTrue(await(events.claim("k2", "{\"envelope\":2}")));
    assertEquals(List.of(), await(events.unfinished()).stream().filter(u -> u.key().equals("k2")).toList());
    clock.advance(JdbcProcessedEvents.LEASE.plusMinutes(1));
    assertEquals(List.of(new ProcessedEvents.Unfinished("k2", "{\"envelope\":2}")),
        await(events.unfinished()).stream().filter(u -> u.key().equals("k2")).toList());
    assertTrue(await(events.claim("k2", "{\"envelope\":2}")));
    assertFalse(await(events.claim("k2", "{\"envelope\":2}")));
  }

  @Test
  @DisplayName("on H2 too, more expired claims than one purge batch all go, and claims made since stay")
  void purgeOverSeveralBatches() {
    // GIVEN more claims than one batch, all of them past the retention, then one fresh claim
    MutableClock clock = MutableClock.atNow();
    JdbcProcessedEvents events = new JdbcProcessedEvents(db, clock);
    int old = ExpiredRows.BATCH + 7;
    List<Future<Boolean>> claims = new java.util.ArrayList<>();
    for (int i = 0; i < old; i++) {
      claims.add(events.claimFinished(String.format("batch_%05d", i)));
    }
    await(Future.all(claims));
    clock.advance(JdbcProcessedEvents.RETENTION.plus(Duration.ofMinutes(1)));
    assertTrue(await(events.claim("batch_fresh", "{}")));

    // WHEN the purge runs, THEN every old claim goes (in more than one batch) and the fresh one stays
    assertTrue(await(events.purgeExpired()) >= old, "purged at least the old claims");
    assertTrue(await(events.claim(String.format("batch_%05d", old - 1), "{}")), "the last old key is free again");
    assertFalse(await(events.claim("batch_fresh", "{}")), "the fresh claim stays");
  }

  @Test
  @DisplayName("rows expire after Feishu's retry window and are purged")
  void expiry() {
    MutableClock clock = MutableClock.atNow();
    JdbcProcessedEvents events = new JdbcProcessedEvents(db, clock);
    assertTrue(await(events.claim("k3", "{}")));
    await(events.done("k3"));
    clock.advance(JdbcProcessedEvents.RETENTION.plus(Duration.ofMinutes(1)));
    assertTrue(await(events.purgeExpired()) >= 1);
    assertTrue(await(events.claim("k3", "{}")), "a purged key can be claimed anew");
  }

  @Test
  @DisplayName("concurrent claims share transactions: each key wins once, and one bad row fails only itself")
  void groupCommit() {
    JdbcProcessedEvents events = new JdbcProcessedEvents(db, MutableClock.atNow());
    List<Future<Boolean>> claims = new java.util.ArrayList<>();
    for (int i = 0; i < 300; i++) {
      claims.add(events.claim("group-" + (i % 150), "{}"));
    }
    // A key longer than the column: the database refuses that row, and that row alone.
    Future<Boolean> tooLong = events.claim("x".repeat(300), "{}");
    claims.add(events.claim("group-last", "{}"));

    await(Future.join(claims));
    assertEquals(151, claims.stream().filter(f -> f.result()).count(), "one winner per key");
    assertTrue(await(tooLong.map(ok -> false).otherwise(e -> true)), "the over-long key failed");
    // Finished, so that they stay out of the other tests' replay batches.
    List<Future<Void>> finished = new java.util.ArrayList<>();
    for (int i = 0; i < 150; i++) {
      finished.add(events.done("group-" + i));
    }
    finished.add(events.done("group-last"));
    await(Future.all(finished));
  }

  @Test
  @DisplayName("a batch mixing new keys, a finished one, a live one and a stale one answers each as if alone, and stores every new envelope")
  void mixedBatch() {
    MutableClock clock = MutableClock.atNow();
    JdbcProcessedEvents events = new JdbcProcessedEvents(db, clock);
    assertTrue(await(events.claim("mix-stale", "{\"stale\":1}")));
    clock.advance(JdbcProcessedEvents.LEASE.plusMinutes(1));
    assertTrue(await(events.claim("mix-done", "{}")));
    await(events.done("mix-done"));
    assertTrue(await(events.claim("mix-live", "{}")));

    // Submitted together: they share transactions (the first in flight, the rest queued behind it).
    List<Future<Boolean>> claims = new java.util.ArrayList<>();
    for (int i = 0; i < 20; i++) {
      claims.add(events.claim("mix-new-" + i, "{\"n\":" + i + "}"));
    }
    Future<Boolean> done = events.claim("mix-done", "{}");
    Future<Boolean> live = events.claim("mix-live", "{}");
    Future<Boolean> stale = events.claim("mix-stale", "{\"stale\":2}");
    Future<Boolean> twice = events.claim("mix-new-3", "{}");
    await(Future.join(List.of(Future.join(claims), done, live, stale, twice)));

    assertTrue(claims.stream().allMatch(Future::result), "every new key is claimed");
    assertFalse(done.result(), "a finished event is not taken again");
    assertFalse(live.result(), "a live claim is not taken over");
    assertTrue(stale.result(), "a stale claim is taken over");
    assertFalse(twice.result(), "the same key twice at once wins once");
    clock.advance(JdbcProcessedEvents.LEASE.plusMinutes(1));
    List<ProcessedEvents.Unfinished> unfinished = await(events.unfinished()).stream()
        .filter(u -> u.key().startsWith("mix-")).toList();
    assertTrue(unfinished.contains(new ProcessedEvents.Unfinished("mix-new-7", "{\"n\":7}")), unfinished.toString());
    assertTrue(unfinished.contains(new ProcessedEvents.Unfinished("mix-stale", "{\"stale\":2}")), unfinished.toString());
    List<Future<Void>> finished = new java.util.ArrayList<>();
    unfinished.forEach(u -> finished.add(events.done(u.key())));
    await(Future.all(finished));
    assertEquals(List.of(), await(events.unfinished()).stream().filter(u -> u.key().startsWith("mix-")).toList(),
        "finishes written together finish every event");
  }

  @Test
  @DisplayName("an event claimed finished is one row, done and without its envelope: never replayed, its retries are duplicates")
  void claimFinished() {
    MutableClock clock = MutableClock.atNow();
    JdbcProcessedEvents events = new JdbcProcessedEvents(db, clock);
    assertTrue(await(events.claimFinished("fin-1")));
    assertFalse(await(events.claimFinished("fin-1")), "a retry of a dropped event");
    assertFalse(await(events.claim("fin-1", "{}")), "a finished event is not taken again");
    clock.advance(JdbcProcessedEvents.LEASE.plusMinutes(1));
    assertFalse(await(events.claim("fin-1", "{}")), "nor after the lease");
    assertEquals(List.of(), await(events.unfinished()).stream().filter(u -> u.key().equals("fin-1")).toList());
    assertEquals(java.util.Arrays.asList(null, true), row("fin-1"), "no envelope kept, finished");
  }

  @Test
  @DisplayName("claims, finished claims and finishes submitted together each answer as if alone")
  void finishedClaimsInBatches() {
    MutableClock clock = MutableClock.atNow();
    JdbcProcessedEvents events = new JdbcProcessedEvents(db, clock);
    assertTrue(await(events.claim("finmix-live", "{}")));
    assertTrue(await(events.claim("finmix-stale", "{\"stale\":1}")));
    clock.advance(JdbcProcessedEvents.LEASE.plusMinutes(1));
    List<Future<Boolean>> kept = new java.util.ArrayList<>();
    List<Future<Boolean>> dropped = new java.util.ArrayList<>();
    for (int i = 0; i < 30; i++) {
      kept.add(events.claim("finmix-kept-" + i, "{\"n\":" + i + "}"));
      dropped.add(events.claimFinished("finmix-dropped-" + i));
    }
    Future<Void> finish = events.done("finmix-live");
    Future<Boolean> again = events.claimFinished("finmix-dropped-4");
    Future<Boolean> stale = events.claimFinished("finmix-stale");
    await(Future.join(List.of(Future.join(kept), Future.join(dropped), finish, again, stale)));

    assertTrue(kept.stream().allMatch(Future::result) && dropped.stream().allMatch(Future::result), "every new key");
    assertFalse(again.result(), "the same dropped event twice at once wins once");
    assertTrue(stale.result(), "a stale claim is taken over, and finished");
    assertEquals(java.util.Arrays.asList("{\"n\":7}", false), row("finmix-kept-7"));
    assertEquals(java.util.Arrays.asList(null, true), row("finmix-dropped-7"));
    assertEquals(java.util.Arrays.asList(null, true), row("finmix-stale"));
    assertEquals(java.util.Arrays.asList(null, true), row("finmix-live"));
    List<Future<Void>> finished = new java.util.ArrayList<>();
    for (int i = 0; i < 30; i++) {
      finished.add(events.done("finmix-kept-" + i));
    }
    await(Future.all(finished));
  }

  /** The stored envelope and whether the event is finished. */
  private static List<Object> row(String key) {
    return await(db.run(c -> {
      try (var s = c.prepareStatement("SELECT envelope, done_at IS NOT NULL FROM processed_events WHERE event_key = ?")) {
        s.setString(1, key);
        try (var r = s.executeQuery()) {
          assertTrue(r.next(), "no row for " + key);
          return java.util.Arrays.asList(r.getString(1), r.getBoolean(2));
        }
      }
    }));
  }

  @Test
  @DisplayName("H2 file databases commit before returning (WRITE_DELAY=0), unless the operator chose otherwise")
  void durableUrl() {
    assertEquals("jdbc:h2:file:./data/hirebot;WRITE_DELAY=0", Database.durable("jdbc:h2:file:./data/hirebot"));
    assertEquals("jdbc:h2:./x;MODE=PostgreSQL;WRITE_DELAY=0", Database.durable("jdbc:h2:./x;MODE=PostgreSQL"));
    assertEquals("jdbc:h2:./x;write_delay=100", Database.durable("jdbc:h2:./x;write_delay=100"));
    assertEquals("jdbc:h2:mem:x;DB_CLOSE_DELAY=-1", Database.durable("jdbc:h2:mem:x;DB_CLOSE_DELAY=-1"));
    assertEquals("jdbc:postgresql://db/hirebot", Database.durable("jdbc:postgresql://db/hirebot"));
  }

  @Test
  @DisplayName("H2 keeps enough parsed statements for every group-commit size, unless the operator set a size")
  void queryCacheUrl() {
    assertEquals("jdbc:h2:./x;WRITE_DELAY=0;QUERY_CACHE_SIZE=" + Database.H2_QUERY_CACHE_SIZE,
        Database.withQueryCache("jdbc:h2:./x;WRITE_DELAY=0"));
    assertEquals("jdbc:h2:./x;query_cache_size=4", Database.withQueryCache("jdbc:h2:./x;query_cache_size=4"));
    assertEquals("jdbc:postgresql://db/hirebot", Database.withQueryCache("jdbc:postgresql://db/hirebot"));
    assertTrue(Database.H2_QUERY_CACHE_SIZE > 2 * JdbcProcessedEvents.MAX_GROUP, "claims and finishes of every size");
  }
}
