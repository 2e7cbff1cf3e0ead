package io.hirebot.hire;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Application details kept from one pass of a routine to the next (the digest's), read again only where Hire says
 * the application changed since: one "updated since" list call per job names those, so a pass over jobs nobody
 * touched makes no {@code get_detail} call (Hire allows 10 a second) and shows what is as current as that list.
 * Hire's update times, not the events one replica happened to receive, decide, so every replica may use it. The
 * progress of an application (its interviews, offer) may change without an update of the application: readers that
 * show progress must not use this. Thread-safe.
 */
public final class KnownApplications {
  /**
   * Changes are asked for from this long before a detail was read: Hire's clock and ours may differ a little, and a
   * detail served from the directory's own cache was read up to its 30 s before.
   */
  static final Duration MARGIN = Duration.ofMinutes(1);
  /**
   * A detail is read again after this long whatever Hire says, for what its update time may not cover (a talent's
   * new name): over a day, so a daily digest reuses the day before's.
   */
  static final Duration MAX_AGE = Duration.ofHours(36);
  static final long MAX_KNOWN = 50_000;

  private record Known(Application application, Instant readAt) {}

  private final HireDirectory hire;
  private final Clock clock;
  private final Cache<String, Known> known = Caffeine.newBuilder().maximumSize(MAX_KNOWN)
      .expireAfterWrite(MAX_AGE).build();

  public KnownApplications(HireDirectory hire, Clock clock) {
    this.hire = hire;
    this.clock = clock;
  }

  /** The job's applications {@code ids} as Hire has them now, in that order. */
  public Future<List<Application>> current(String jobId, List<String> ids) {
    Instant now = clock.instant();
    Instant oldest = null;
    for (String id : ids) {
      Known k = usable(id, now);
      if (k != null && (oldest == null || k.readAt().isBefore(oldest))) {
        oldest = k.readAt();
      }
    }
    Future<Set<String>> changed = oldest == null ? Future.succeededFuture(Set.of())
        : hire.activeApplicationIdsUpdatedSince(jobId, oldest.minus(MARGIN)).map(Set::copyOf);
    return changed.compose(updated -> {
      List<Future<Application>> reads = ids.stream().map(id -> {
        Known k = usable(id, now);
        if (k != null && !updated.contains(id)) {
          return Future.succeededFuture(k.application());
        }
        Instant readAt = clock.instant();
        // A changed application is read past the directory's cache, which may hold it from before the change.
        Future<Application> read = k != null ? hire.applicationNow(id) : hire.application(id);
        return read.onSuccess(a -> known.put(id, new Known(a, readAt)));
      }).toList();
      return Future.all(reads).map(done -> reads.stream().map(Future::result).toList());
    });
  }

  /** The detail kept for {@code id} if it is young enough to be checked rather than read again. */
  private Known usable(String id, Instant now) {
    Known k = known.getIfPresent(id);
    return k != null && k.readAt().isAfter(now.minus(MAX_AGE)) ? k : null;
  }
}
