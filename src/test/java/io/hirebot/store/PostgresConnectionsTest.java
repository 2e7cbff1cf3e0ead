package io.hirebot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.testing.Eventually;
import io.hirebot.testing.MemoryDatabase;
import io.hirebot.testing.PostgresDatabase;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The bot's PostgreSQL connections give up on a silent socket: a database that stops answering without closing the
 * connection (a half-open TCP connection after a failover or a dropped NAT entry) would otherwise hold the claim
 * writer, and with it every acknowledgement, for ever.
 */
class PostgresConnectionsTest {
  @RegisterExtension
  static final PostgresDatabase postgres = new PostgresDatabase();

  @Test
  @DisplayName("a PostgreSQL URL without socketTimeout gets the bot's; one with its own keeps it")
  void socketTimeout() throws Exception {
    assertEquals(Database.PG_SOCKET_TIMEOUT_SECONDS * 1000, networkTimeoutMs(postgres.db));

    String url = postgres.url() + (postgres.url().contains("?") ? "&" : "?") + "socketTimeout=7";
    Vertx vertx = Vertx.vertx();
    Database own = MemoryDatabase.await(Database.open(vertx, url, "postgres", "postgres"));
    try {
      assertEquals(7_000, networkTimeoutMs(own));
    } finally {
      own.close();
      MemoryDatabase.await(vertx.close());
    }
  }

  @Test
  @DisplayName("once serving, PostgreSQL connections are opened at once, not at the pool's next housekeeping (30 s)")
  void openedOnceServing() throws Exception {
    // GIVEN a database just opened: its housekeeping ran at the start and runs again 30 s later
    Vertx vertx = Vertx.vertx();
    Database db = MemoryDatabase.await(Database.open(vertx, postgres.url(), "postgres", "postgres"));
    try {
      // (a pool still opening its start connections when the minimum rises opens the rest too: the bot serves
      // seconds after the pool is done)
      assertTrue(Eventually.holds(() -> db.connectionsOpen() == Database.START_CONNECTIONS, 10),
          "connections while starting: " + db.connectionsOpen());
      Thread.sleep(1_000);
      assertEquals(Database.START_CONNECTIONS, db.connectionsOpen(), "connections while starting");

      // WHEN the bot serves
      db.serving();

      // THEN the pool's connections are open well before its housekeeping would have opened them
      boolean open = Eventually.holds(() -> db.connectionsOpen() == Database.CONNECTIONS, 10);
      assertTrue(open, "connections open 10 s after serving: " + db.connectionsOpen() + " of " + Database.CONNECTIONS);
    } finally {
      db.close();
      MemoryDatabase.await(vertx.close());
    }
  }

  private static int networkTimeoutMs(Database db) {
    return MemoryDatabase.await(db.run(c -> c.getNetworkTimeout()));
  }
}
