package io.hirebot.store;

import static io.hirebot.testing.MemoryDatabase.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hirebot.testing.MemoryDatabase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The job of every application read, stored before it is shown, for the deletion events that name none. */
class ApplicationJobsTest {
  @RegisterExtension
  final MemoryDatabase memory = new MemoryDatabase();
  private final Vertx vertx = memory.vertx;
  private final Database db = memory.db;

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
}
