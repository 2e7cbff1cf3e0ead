package io.hirebot.hire;

import io.hirebot.util.FutureCache;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decorates a {@link HireDirectory} with short, explicit Caffeine expiries: jobs and processes change
 * rarely, applications move, so they live only seconds. Identical concurrent reads share one call.
 */
public final class CachingHireDirectory implements HireDirectory {
  static final Duration JOBS_TTL = Duration.ofMinutes(1);
  static final Duration PROCESSES_TTL = Duration.ofMinutes(5);
  static final Duration APPLICATION_IDS_TTL = Duration.ofSeconds(15);
  static final Duration APPLICATION_TTL = Duration.ofSeconds(30);
  private static final String ALL = "all";

  private final HireDirectory delegate;
  private final FutureCache<String, List<Job>> jobs = new FutureCache<>(JOBS_TTL, 1);
  private final FutureCache<String, List<JobProcess>> processes = new FutureCache<>(PROCESSES_TTL, 1);
  private final FutureCache<String, List<String>> applicationIds =
      new FutureCache<>(APPLICATION_IDS_TTL, 10_000);
  private final FutureCache<String, Application> applications =
      new FutureCache<>(APPLICATION_TTL, 50_000);

  public CachingHireDirectory(HireDirectory delegate) {
    this.delegate = delegate;
  }

  @Override
  public Future<List<Job>> jobs() {
    return jobs.get(ALL, k -> delegate.jobs());
  }

  @Override
  public Future<List<JobProcess>> processes() {
    return processes.get(ALL, k -> delegate.processes());
  }

  @Override
  public Future<List<String>> activeApplicationIds(String jobId, String stageId) {
    return applicationIds.get(jobId + "/" + stageId,
        k -> delegate.activeApplicationIds(jobId, stageId));
  }

  @Override
  public Future<Application> application(String applicationId) {
    return applications.get(applicationId, delegate::application);
  }

  /** Offers change status: never cached, the event that asks is about a change. */
  @Override
  public Future<Offer> offer(String offerId) {
    return delegate.offer(offerId);
  }

  /** Forgets what is known about one application (after a write, or an event saying it moved). */
  public void invalidateApplication(String applicationId, String jobId) {
    applications.invalidate(applicationId);
    invalidateJob(jobId);
  }

  /** Forgets the job's application lists, so the next read sees applications added since. */
  public void invalidateJob(String jobId) {
    applicationIds.caffeine().asMap().keySet().removeIf(k -> k.startsWith(jobId + "/"));
  }

  /** Forgets one application (an event says it changed) before its job is known. */
  public void invalidateApplication(String applicationId) {
    applications.invalidate(applicationId);
  }

  /** The application as this replica last read it, if still cached and read successfully. */
  public Optional<Application> cachedApplication(String applicationId) {
    Future<Application> cached = applications.caffeine().getIfPresent(applicationId);
    return cached != null && cached.succeeded() ? Optional.of(cached.result()) : Optional.empty();
  }

  /** The caches by name, for hit-ratio metrics. */
  public Map<String, FutureCache<?, ?>> caches() {
    return Map.of("hire_jobs", jobs, "hire_processes", processes,
        "hire_application_ids", applicationIds, "hire_applications", applications);
  }
}
