package io.hirebot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hirebot.testing.MemoryDatabase;
import io.vertx.core.Vertx;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The pool opens few connections while the bot starts (each one costs CPU the start competes for, and on PostgreSQL a
 * TCP and authentication round trip) and keeps its full size once the bot serves.
 */
class StartConnectionsTest {

  @Test
  @DisplayName("the pool keeps " + Database.START_CONNECTIONS + " connections while starting, all of them once serving")
  void growsOnceServing() throws Exception {
    // GIVEN a database just opened
    Vertx vertx = Vertx.vertx();
    Database db = MemoryDatabase.await(Database.open(vertx, "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
        "", ""));
    try {
      // THEN it keeps only the start's few connections
      assertEquals(Database.START_CONNECTIONS, db.connectionsKept());

      // WHEN the bot serves
      db.serving();

      // THEN the pool keeps its full size, and opens it (the pool's housekeeping fills it within 30 s)
      assertEquals(Database.CONNECTIONS, db.connectionsKept());
      long until = System.nanoTime() + 120_000_000_000L;
      while (db.connectionsOpen() < db.connectionsKept() && System.nanoTime() < until) {
        Thread.sleep(100);
      }
      assertEquals(db.connectionsKept(), db.connectionsOpen());
    } finally {
      db.close();
      MemoryDatabase.await(vertx.close());
    }
  }
}
