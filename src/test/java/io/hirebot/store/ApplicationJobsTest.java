package io.hirebot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The job of every application read, stored before it is shown, for the deletion events that name none. */
class ApplicationJobsTest {
  private Vertx vertx;
  private Database db;

  @BeforeEach
  void open() {
    vertx = Vertx.vertx();
    db = await(Database.open(vertx, "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "", ""));
  }

  @AfterEach
  void close() {
    db.close();
    await(vertx.close());
  }

  @Test
  @DisplayName("a page's applications read together are all stored; one another replica stored first keeps its row")
  void pageStoredTogether() {
    ApplicationJobs other = new ApplicationJobs(db, Clock.systemUTC());
    await(other.remember(new ApplicationJobs.Known("app3", "job-first", "t3", "Third")));
    ApplicationJobs jobs = new ApplicationJobs(db, Clock.systemUTC());

    List<Future<Void>> page = new ArrayList<>();
    await(vertx.executeBlocking(() -> null).compose(v -> {
      for (int i = 0; i < 8; i++) {
        page.add(jobs.remember(new ApplicationJobs.Known("app" + i, "job1", "t" + i, "Name " + i)));
      }
      // The same application read twice at once (two cards) is one row.
      page.add(jobs.remember(new ApplicationJobs.Known("app5", "job1", "t5", "Name 5")));
      return Future.all(page);
    }));

    for (int i = 0; i < 8; i++) {
      ApplicationJobs.Known stored = await(jobs.find("app" + i)).orElseThrow();
      assertEquals(i == 3 ? "job-first" : "job1", stored.jobId(), "app" + i);
    }
    assertEquals(8, (int) await(db.run(c -> Rows.list(c, "SELECT COUNT(*) FROM application_jobs", s -> { },
        r -> r.getInt(1)))).get(0));
  }

  private static <T> T await(Future<T> f) {
    try {
      return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
