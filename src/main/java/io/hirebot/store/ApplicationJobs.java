package io.hirebot.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code application_jobs} table: the job and talent of every application the bot has read, written the first
 * time it sees one, so a deletion event (ids only, and the application unreadable afterwards) can still name the
 * job on any replica, after any restart. A bounded in-memory set keeps repeated reads from touching the database.
 */
public final class ApplicationJobs {
  private static final Logger log = LoggerFactory.getLogger(ApplicationJobs.class);
  /** Applications remembered in memory as already stored; past this, an old one may be written again (harmless). */
  static final long MAX_REMEMBERED = 200_000;
  /** Talent names longer than the column are cut: the name only labels a notice. */
  static final int MAX_NAME = 200;

  /** What the bot knew of an application: its job and its talent. */
  public record Known(String applicationId, String jobId, String talentId, String talentName) {}

  /** Most applications written in one transaction (a digest pass reads hundreds at once). */
  static final int MAX_BATCH = 100;
  private static final String INSERT =
      "INSERT INTO application_jobs (application_id, job_id, talent_id, talent_name, seen_at) VALUES (?, ?, ?, ?, ?)";

  private final Database db;
  private final Clock clock;
  private final Cache<String, Boolean> stored = Caffeine.newBuilder().maximumSize(MAX_REMEMBERED).build();
  /**
   * A page's applications arrive together (its details are read in parallel) and each read waits for its row:
   * written one commit each, the last of them waited for the seven before it.
   */
  private final GroupCommit<Known> writes;

  public ApplicationJobs(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
    this.writes = new GroupCommit<>(db, MAX_BATCH, this::insert);
  }

  /** Stores the application's job and talent unless this replica already did; never fails its caller. */
  public Future<Void> remember(Known application) {
    if (stored.getIfPresent(application.applicationId()) != null || application.jobId().isEmpty()) {
      return Future.succeededFuture();
    }
    String name = Columns.fit(application.talentName(), MAX_NAME);
    return writes.submit(new Known(application.applicationId(), application.jobId(), application.talentId(), name))
        .onSuccess(inserted -> stored.put(application.applicationId(), Boolean.TRUE))
        .onFailure(e -> log.warn("application job not stored application_id={} job_id={} cause={}",
            application.applicationId(), application.jobId(), e.toString()))
        .<Void>mapEmpty().otherwiseEmpty();
  }

  /** One transaction's rows; one another replica (or an earlier read) already wrote is left as it is. */
  private List<Object> insert(java.sql.Connection c, List<Known> applications) throws java.sql.SQLException {
    long now = clock.millis();
    List<Object> outcomes = new java.util.ArrayList<>(applications.size());
    for (Known a : applications) {
      outcomes.add(Claims.claim(c, INSERT, st -> {
        st.setString(1, a.applicationId());
        st.setString(2, a.jobId());
        st.setString(3, a.talentId());
        st.setString(4, a.talentName());
        st.setLong(5, now);
      }, null, null));
    }
    return outcomes;
  }

  /** The application's job and talent as first seen, if the bot ever read it. */
  public Future<Optional<Known>> find(String applicationId) {
    return db.run(c -> Rows.list(c,
            "SELECT application_id, job_id, talent_id, talent_name FROM application_jobs WHERE application_id = ?",
            st -> st.setString(1, applicationId),
            r -> new Known(r.getString(1), r.getString(2), r.getString(3), r.getString(4))))
        .map((List<Known> rows) -> rows.stream().findFirst());
  }
}
