package io.hirebot.store;

import io.hirebot.testing.MemoryDatabase;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link StoredCutsContract} on H2 with the real migrations (H2 counts a VARCHAR's length in UTF-16 units). */
class StoredCutsTest extends StoredCutsContract {
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
