package io.hirebot.testing;

import io.hirebot.store.Database;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** A migrated in-memory H2 database of its own, on a Vert.x of its own, for tests of the stores. */
public final class MemoryDatabase extends SelfClosingFixture {
  public final Vertx vertx = Vertx.vertx();
  public final Database db = await(Database.open(vertx, "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
      "", ""));

  /** The future's result, failing the test after 30 s or on a failure. */
  public static <T> T await(Future<T> f) {
    try {
      return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Override
  public void close() {
    db.close();
    await(vertx.close());
  }
}
