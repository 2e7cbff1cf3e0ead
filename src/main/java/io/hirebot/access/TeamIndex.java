package io.hirebot.access;

import io.hirebot.hire.HireDirectory;
import io.hirebot.hire.Job;
import io.hirebot.hire.JobTeam;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who Hire lists as a recruiter, hiring manager or assistant of an open job, as one set of open_ids: read on the
 * first private query (callers share that read), then refreshed in the background every {@link #REFRESH} — so
 * a command never waits for one job team per open job once the index exists.
 */
public final class TeamIndex {
  private static final Logger log = LoggerFactory.getLogger(TeamIndex.class);
  public static final Duration REFRESH = Duration.ofMinutes(5);

  private final HireDirectory hire;
  private volatile Future<Set<String>> members;

  public TeamIndex(HireDirectory hire) {
    this.hire = hire;
  }

  /** The members as last read; the first call reads them. */
  public Future<Set<String>> members() {
    Future<Set<String>> current = members;
    if (current == null || current.failed()) {
      synchronized (this) {
        if (members == null || members.failed()) {
          members = read();
        }
        current = members;
      }
    }
    return current;
  }

  /** Reads the members again; the previous set keeps answering until the new one is complete. */
  public Future<Void> refresh() {
    return read().onSuccess(set -> members = Future.succeededFuture(set))
        .onFailure(e -> log.warn("team index refresh failed, keeping the previous one cause={}", e.toString()))
        .mapEmpty();
  }

  private Future<Set<String>> read() {
    return hire.jobs().compose(jobs -> {
      List<Future<JobTeam>> teams = jobs.stream().filter(Job::open).map(j -> hire.jobTeam(j.id())).toList();
      return Future.all(teams).map(all -> {
        Set<String> ids = new HashSet<>();
        for (Future<JobTeam> t : teams) {
          ids.addAll(t.result().assistantIds());
          ids.addAll(t.result().hiringManagerIds());
          if (t.result().recruiterId() != null) {
            ids.add(t.result().recruiterId());
          }
        }
        return Set.copyOf(ids);
      });
    });
  }
}
