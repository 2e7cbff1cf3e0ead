package io.hirebot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

  private static int networkTimeoutMs(Database db) {
    return MemoryDatabase.await(db.run(c -> c.getNetworkTimeout()));
  }
}
