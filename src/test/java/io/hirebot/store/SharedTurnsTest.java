package io.hirebot.store;

import io.hirebot.testing.MemoryDatabase;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link SharedTurnsContract} on H2 with the real migrations. */
class SharedTurnsTest extends SharedTurnsContract {
  @RegisterExtension
  static final MemoryDatabase memory = new MemoryDatabase();

  @Override
  Vertx vertx() {
    return memory.vertx;
  }

  @Override
  Database db() {
    return memory.db;
  }
}
