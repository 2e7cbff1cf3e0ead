package io.hirebot.store;

import static io.hirebot.testing.MemoryDatabase.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.bot.middleware.ProcessedEvents;
import io.hirebot.schedule.MutableClock;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Claims on an H2 file through the claim journal: readers that wait for the copy into the table get their answer. */
class JournaledClaimsTest {
  @TempDir
  Path dir;


  @Test
  @DisplayName("a reader asking while a copy is under way, for claims that copy holds, is answered once it commits")
  void readerDuringCopy() throws Exception {
    Vertx vertx = Vertx.vertx();
    Database db = await(Database.open(vertx, "jdbc:h2:file:" + dir.resolve("bot") + ";LOCK_TIMEOUT=30000", "", ""));
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try {
      MutableClock clock = MutableClock.atNow();
      JdbcProcessedEvents events = new JdbcProcessedEvents(db, clock);
      // GIVEN another transaction holds an uncommitted row of the key the copy will insert, so the copy waits on it
      Future<Integer> holder = db.run(c -> {
        c.setAutoCommit(false);
        try (var s = c.prepareStatement("INSERT INTO processed_events (event_key, received_at, claimed_at, expires_at)"
            + " VALUES ('ev_held', 0, 0, 0)")) {
          s.executeUpdate();
        }
        holding.countDown();
        try {
          release.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        c.rollback();
        c.setAutoCommit(true);
        return 0;
      });
      assertTrue(holding.await(30, TimeUnit.SECONDS));
      // AND the event is claimed (the table has no committed row: the claim goes to the journal)
      assertTrue(await(events.claim("ev_held", "{\"n\":1}")));
      // AND its copy has taken its batch and waits for the held row
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!copyBlocked(db) && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertTrue(copyBlocked(db), "the copy never waited for the held row");

      // WHEN, past the claim's lease, a reader of unfinished events asks (it waits for the copy), and the holder lets go
      clock.advance(JdbcProcessedEvents.LEASE.plusMinutes(1));
      Future<List<ProcessedEvents.Unfinished>> unfinished = events.unfinished();
      release.countDown();
      await(holder);

      // THEN the reader gets its answer, with the claim in it (before, it waited until some later event's copy)
      List<ProcessedEvents.Unfinished> found = await(unfinished);
      assertEquals(List.of("ev_held"), found.stream().map(ProcessedEvents.Unfinished::key).toList());
    } finally {
      release.countDown();
      db.close();
      await(vertx.close());
    }
  }

  @Test
  @DisplayName("the warm-up's scratch database journals its claims in a directory of its own, copied into its table "
      + "and gone once it closes")
  void scratchDatabaseJournal() throws Exception {
    Vertx vertx = Vertx.vertx();
    Database scratch = Database.scratch(vertx, "journal-test-" + java.util.UUID.randomUUID());
    Path journal;
    try {
      // GIVEN the scratch database's claims (as the warm-up's throwaway bot makes them)
      JdbcProcessedEvents events = new JdbcProcessedEvents(scratch, MutableClock.atNow());
      assertTrue(await(events.claim("ev_warm", "{\"n\":1}")));
      assertEquals(false, await(events.claim("ev_warm", "{\"n\":1}")), "a redelivery is a duplicate");
      // THEN they went through a journal (not the bot's: the scratch database has a directory of its own)
      journal = scratch.journaledClaims().dir();
      assertTrue(java.nio.file.Files.isDirectory(journal), journal.toString());
      assertTrue(journal.getFileName().toString().startsWith("hirebot-journal-test-"), journal.toString());
      // AND a reader that waits for the copy finds the row in the table
      await(events.done("ev_warm"));
      assertEquals(List.of(), await(events.unfinished()));
      assertEquals(1L, (long) await(scratch.run(c -> {
        try (var s = c.prepareStatement("SELECT COUNT(*) FROM processed_events WHERE event_key = 'ev_warm' "
            + "AND done_at IS NOT NULL"); var r = s.executeQuery()) {
          r.next();
          return r.getLong(1);
        }
      })));
    } finally {
      scratch.close();
      await(vertx.close());
    }
    // AND once closed its directory is gone
    assertTrue(java.nio.file.Files.notExists(journal), journal + " left behind");
  }

  /** Whether the copy's insert is under way (here: waiting for the held row). */
  private static boolean copyBlocked(Database db) {
    return await(db.run(c -> {
      // H2 shows the waiting statement as running (no BLOCKER_ID for a row lock): only the copy inserts rows here.
      try (var s = c.prepareStatement("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS "
          + "WHERE EXECUTING_STATEMENT LIKE 'INSERT INTO processed_events%'");
          var r = s.executeQuery()) {
        r.next();
        return r.getLong(1) > 0;
      }
    }));
  }
}
