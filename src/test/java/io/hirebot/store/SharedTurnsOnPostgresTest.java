package io.hirebot.store;

import io.hirebot.testing.PostgresDatabase;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link SharedTurnsContract} on PostgreSQL with the real migrations, as replicas share it. */
class SharedTurnsOnPostgresTest extends SharedTurnsContract {
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
