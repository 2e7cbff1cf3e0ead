package io.hirebot.testing;

import io.hirebot.store.Database;
import io.vertx.core.Vertx;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sql.DataSource;

/** An embedded PostgreSQL of its own with the bot's database migrated, on a Vert.x of its own, for store tests. */
public final class PostgresDatabase extends SelfClosingFixture {
  private final EmbeddedPostgres pg = start();
  public final Vertx vertx = Vertx.vertx();
  public final Database db = MemoryDatabase.await(Database.open(vertx, url(), "postgres", "postgres"));

  private static EmbeddedPostgres start() {
    try {
      return EmbeddedPostgres.builder().start();
    } catch (IOException e) {
      throw new UncheckedIOException("embedded PostgreSQL did not start", e);
    }
  }

  /** Its JDBC URL (user and password "postgres"). */
  public String url() {
    return pg.getJdbcUrl("postgres", "postgres");
  }

  /** The same database, for connections of the test's own (another replica's, say), outside the bot's pool. */
  public DataSource direct() {
    return pg.getPostgresDatabase();
  }

  @Override
  public void close() throws IOException {
    db.close();
    MemoryDatabase.await(vertx.close());
    pg.close();
  }
}
