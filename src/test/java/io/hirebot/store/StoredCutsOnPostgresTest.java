package io.hirebot.store;

import io.hirebot.testing.PostgresDatabase;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link StoredCutsContract} on PostgreSQL with the real migrations (it counts a VARCHAR's length in code points). */
class StoredCutsOnPostgresTest extends StoredCutsContract {
  @RegisterExtension
  static final PostgresDatabase postgres = new PostgresDatabase();

  @Override
  Vertx vertx() {
    return postgres.vertx;
  }

  @Override
  Database db() {
    return postgres.db;
  }
}
