package io.hirebot.hire;

import io.hirebot.util.FutureCache;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.Optional;

/**
 * Decorates a {@link HireDirectory} with short, explicit Caffeine expiries: jobs and processes change
 * rarely, applications move, so they live only seconds. Identical concurrent reads share one call.
 * {@link #metered} gives a view on the same caches that counts the reads reaching Hire, per command.
 */
public final class CachingHireDirectory implements HireDirectory {
  static final Duration JOBS_TTL = Duration.ofMinutes(1);
  static final Duration PROCESSES_TTL = Duration.ofMinutes(5);
  static final Duration APPLICATION_IDS_TTL = Duration.ofSeconds(15);
  static final Duration APPLICATION_TTL = Duration.ofSeconds(30);
  static final Duration PEOPLE_TTL = Duration.ofSeconds(30);
  static final Duration TEAM_TTL = Duration.ofMinutes(5);
  /** Longer than the reminder routine's minute, so its hour-aligned read is reused by the next runs. */
  static final Duration INTERVIEWS_TTL = Duration.ofMinutes(2);
  static final Duration REASONS_TTL = Duration.ofMinutes(30);
  private static final String ALL = "all";

  /** The caches, shared by the directory and its metered views. */
  private record Caches(
      FutureCache<String, List<Job>> jobs,
      FutureCache<String, List<JobProcess>> processes,
      FutureCache<String, List<String>> applicationIds,
      FutureCache<String, Application> applications,
      FutureCache<String, List<Talent>> talents,
      FutureCache<String, List<String>> talentApplicationIds,
      FutureCache<String, ApplicationDetail> details,
      FutureCache<String, List<Note>> notes,
      FutureCache<String, List<Interview>> interviews,
      FutureCache<String, JobTeam> teams,
      FutureCache<String, List<TerminationReason>> reasons,
      FutureCache<String, Offer> offers,
      FutureCache<String, List<Offer>> talentOffers,
      FutureCache<String, Optional<WrittenTest>> writtenTests) {

    static Caches create() {
      return new Caches(new FutureCache<>(JOBS_TTL, 1), new FutureCache<>(PROCESSES_TTL, 1),
          new FutureCache<>(APPLICATION_IDS_TTL, 10_000), new FutureCache<>(APPLICATION_TTL, 50_000),
          new FutureCache<>(PEOPLE_TTL, 1_000), new FutureCache<>(APPLICATION_IDS_TTL, 10_000),
          new FutureCache<>(APPLICATION_TTL, 10_000), new FutureCache<>(PEOPLE_TTL, 10_000),
          new FutureCache<>(INTERVIEWS_TTL, 100), new FutureCache<>(TEAM_TTL, 10_000),
          new FutureCache<>(REASONS_TTL, 1), new FutureCache<>(PEOPLE_TTL, 10_000),
          new FutureCache<>(PEOPLE_TTL, 10_000), new FutureCache<>(APPLICATION_TTL, 50_000));
    }
  }

  private final HireDirectory delegate;
  private final Caches caches;
  private final Runnable onCall;
  /** Told of every application read from Hire (shared by the metered views); replaced once at wiring. */
  private final AtomicReference<Function<Application, Future<Void>>> onRead;

  public CachingHireDirectory(HireDirectory delegate) {
    this(delegate, Caches.create(), () -> { }, new AtomicReference<>(a -> Future.succeededFuture()));
  }

  private CachingHireDirectory(HireDirectory delegate, Caches caches, Runnable onCall,
      AtomicReference<Function<Application, Future<Void>>> onRead) {
    this.delegate = delegate;
    this.caches = caches;
    this.onCall = onCall;
    this.onRead = onRead;
  }

  /**
   * Runs {@code listener} for each application read from Hire (not from the cache); the read completes once the
   * listener's future does, so whatever the bot shows of an application, it has recorded first. The listener
   * must not fail.
   */
  @Override
  public void onApplicationRead(Function<Application, Future<Void>> listener) {
    onRead.set(listener);
  }

  private <T> Future<T> seen(Future<T> read, Function<T, Application> application) {
    return read.compose(r -> onRead.get().apply(application.apply(r)).map(r));
  }

  /** A view on the same caches that runs {@code onCall} for each read that has to ask Hire. */
  public CachingHireDirectory metered(Runnable onCall) {
    return new CachingHireDirectory(delegate, caches, onCall, onRead);
  }

  private <T> Future<T> call(Supplier<Future<T>> read) {
    onCall.run();
    return read.get();
  }

  @Override
  public Future<List<Job>> jobs() {
    return caches.jobs().get(ALL, k -> call(delegate::jobs));
  }

  @Override
  public Future<List<JobProcess>> processes() {
    return caches.processes().get(ALL, k -> call(delegate::processes));
  }

  @Override
  public Future<List<String>> activeApplicationIds(String jobId, String stageId) {
    return caches.applicationIds().get(jobId + "/" + stageId,
        k -> call(() -> delegate.activeApplicationIds(jobId, stageId)));
  }

  /** Kept with the job's other id lists, so {@link #invalidateJob} (after a rejection or a recovery) forgets it too. */
  @Override
  public Future<List<String>> terminatedApplicationIds(String jobId, String stageId) {
    return caches.applicationIds().get(jobId + "/terminated/" + stageId,
        k -> call(() -> delegate.terminatedApplicationIds(jobId, stageId)));
  }

  /** Kept with the job's other id lists, so {@link #invalidateJob} forgets it too. */
  @Override
  public Future<List<String>> activeApplicationIds(String jobId) {
    return caches.applicationIds().get(jobId + "/active", k -> call(() -> delegate.activeApplicationIds(jobId)));
  }

  /** Kept with the job's other id lists, so {@link #invalidateJob} forgets it too. */
  @Override
  public Future<List<String>> activeApplicationIdsUpdatedSince(String jobId, Instant since) {
    return caches.applicationIds().get(jobId + "/updated-since/" + since.toEpochMilli(),
        k -> call(() -> delegate.activeApplicationIdsUpdatedSince(jobId, since)));
  }

  @Override
  public Future<Application> application(String applicationId) {
    return caches.applications().get(applicationId,
        k -> call(() -> seen(delegate.application(k).compose(this::inProcess), a -> a)));
  }

  /**
   * The application with its stage as its process has it when Hire gave that stage no name: get_detail cannot say
   * which of two nameless interview rounds it is, the process numbers them ({@link JobProcess}), so every card names
   * the round alike. Reads the (cached) processes only for such a stage; unchanged when they cannot be read.
   */
  private Future<Application> inProcess(Application a) {
    if (a.stage() == null || a.stage().hasName() || a.stage().id().isEmpty()) {
      return Future.succeededFuture(a);
    }
    return processes().map(all -> all.stream().flatMap(p -> p.stage(a.stage().id()).stream()).findFirst()
        .map(a::inStage).orElse(a)).otherwise(a);
  }

  @Override
  public Future<List<Talent>> searchTalents(String keyword) {
    return caches.talents().get(keyword, k -> call(() -> delegate.searchTalents(k)));
  }

  @Override
  public Future<List<String>> applicationIdsOfTalent(String talentId) {
    return caches.talentApplicationIds().get(talentId, k -> call(() -> delegate.applicationIdsOfTalent(k)));
  }

  @Override
  public Future<ApplicationDetail> applicationDetail(String applicationId) {
    return caches.details().get(applicationId,
        k -> call(() -> seen(delegate.applicationDetail(k).compose(d -> inProcess(d.application())
            .map(d::withApplication)), ApplicationDetail::application)));
  }

  @Override
  public Future<List<Note>> notes(String talentId) {
    return caches.notes().get(talentId, k -> call(() -> delegate.notes(k)));
  }

  @Override
  public Future<List<Interview>> interviews(Instant from, Instant to) {
    return caches.interviews().get(range(from, to), k -> call(() -> delegate.interviews(from, to)));
  }

  /** The interview cache's key of a range: {@link #interviewsNow} drops exactly the entry {@link #interviews} keeps. */
  private static String range(Instant from, Instant to) {
    return from.toEpochMilli() + "/" + to.toEpochMilli();
  }

  /** Read again, and kept: the commands that read the same range next see the fresh list too. */
  @Override
  public Future<List<Interview>> interviewsNow(Instant from, Instant to) {
    caches.interviews().invalidate(range(from, to));
    return interviews(from, to);
  }

  @Override
  public Future<Application> applicationNow(String applicationId) {
    caches.applications().invalidate(applicationId);
    caches.details().invalidate(applicationId);
    return application(applicationId);
  }

  @Override
  public Future<JobTeam> jobTeam(String jobId) {
    return caches.teams().get(jobId, k -> call(() -> delegate.jobTeam(k)));
  }

  @Override
  public Future<List<TerminationReason>> terminationReasons() {
    return caches.reasons().get(ALL, k -> call(delegate::terminationReasons));
  }

  /**
   * A move Hire accepted is applied to what is cached (the application's stage, its job's two stage lists) instead of
   * forgetting them: the card that answers the click then renders without reading the lists again (one round trip
   * fewer; the Hire event the move fires forgets them all soon after). What is not cached is read again as before.
   */
  @Override
  public Future<Void> transferStage(String applicationId, String stageId) {
    return delegate.transferStage(applicationId, stageId).andThen(r -> {
      Optional<Application> known = cachedApplication(applicationId);
      Optional<Stage> to = known.isEmpty() ? Optional.empty() : cachedStage(stageId);
      if (r.failed() || to.isEmpty() || !known.get().active()) {
        forgetWritten(applicationId);
        return;
      }
      Application before = known.get();
      changed(before, before.movedTo(to.get()));
      withoutId(before.jobId() + "/" + before.stage().id(), applicationId);
      caches.applicationIds().update(before.jobId() + "/" + stageId, ids -> ids.contains(applicationId) ? ids
          : java.util.stream.Stream.concat(ids.stream(), java.util.stream.Stream.of(applicationId)).toList());
    });
  }

  /** A rejection Hire accepted leaves the cached lists of its job without the application (as a move does). */
  @Override
  public Future<Void> terminate(String applicationId, int terminationType, List<String> reasonIds, String note) {
    return delegate.terminate(applicationId, terminationType, reasonIds, note).andThen(r -> {
      Optional<Application> known = cachedApplication(applicationId);
      if (r.failed() || known.isEmpty()) {
        forgetWritten(applicationId);
        return;
      }
      Application before = known.get();
      changed(before, before.withActive(false));
      withoutId(before.jobId() + "/" + before.stage().id(), applicationId);
      withoutId(before.jobId() + "/active", applicationId);
    });
  }

  /** The application as the write left it; its detail (the profile's) and its job's date-bounded lists are read again. */
  private void changed(Application before, Application after) {
    caches.applications().update(before.id(), a -> after);
    caches.details().invalidate(before.id());
    caches.applicationIds().caffeine().asMap().keySet()
        .removeIf(k -> k.startsWith(before.jobId() + "/updated-since/"));
  }

  private void withoutId(String listKey, String applicationId) {
    caches.applicationIds().update(listKey, ids -> ids.stream().filter(id -> !id.equals(applicationId)).toList());
  }

  /** The stage with this id in the cached processes; empty when they are not cached. */
  private Optional<Stage> cachedStage(String stageId) {
    Future<List<JobProcess>> processes = caches.processes().caffeine().getIfPresent(ALL);
    return processes == null || !processes.succeeded() ? Optional.empty() : processes.result().stream()
        .flatMap(p -> p.stage(stageId).stream()).findFirst();
  }

  @Override
  public Future<Void> recover(String applicationId) {
    return written(applicationId, delegate.recover(applicationId));
  }

  /** Never cached: a task someone just did must leave their list at once. */
  @Override
  public Future<List<HireTask>> pendingTasks(HireTask.Kind kind, String userOpenId) {
    return call(() -> delegate.pendingTasks(kind, userOpenId));
  }

  @Override
  public Future<String> createNote(String talentId, String applicationId, String creatorOpenId, String content) {
    return delegate.createNote(talentId, applicationId, creatorOpenId, content);
  }

  /** After a write (successful or not), what we knew about the application and its job's lists is stale. */
  private Future<Void> written(String applicationId, Future<Void> write) {
    return write.andThen(r -> forgetWritten(applicationId));
  }

  private void forgetWritten(String applicationId) {
    Optional<Application> known = cachedApplication(applicationId);
    if (known.isPresent()) {
      invalidateApplication(applicationId, known.get().jobId());
    } else {
      caches.applications().invalidate(applicationId);
      caches.details().invalidate(applicationId);
      caches.applicationIds().invalidateAll();
    }
  }

  /** Offers change status: cached briefly, and forgotten when an event says one changed ({@link #offerChanged}). */
  @Override
  public Future<Offer> offer(String offerId) {
    return caches.offers().get(offerId, k -> call(() -> delegate.offer(k)));
  }

  @Override
  public Future<List<Offer>> offersOfTalent(String talentId) {
    return caches.talentOffers().get(talentId, k -> call(() -> delegate.offersOfTalent(k)));
  }

  /**
   * Cached per application (whether it has a test, and which), as long as the applications themselves: a page that
   * changed by a row (a candidate moved off it) asks Hire only about the rows it did not show before, if any.
   */
  @Override
  public Future<Map<String, WrittenTest>> writtenTests(List<String> applicationIds) {
    Map<String, Future<Optional<WrittenTest>>> each = new java.util.LinkedHashMap<>();
    List<String> missing = new java.util.ArrayList<>();
    for (String id : applicationIds) {
      Future<Optional<WrittenTest>> known = caches.writtenTests().caffeine().getIfPresent(id);
      if (known == null || known.failed()) {
        missing.add(id);
      } else {
        each.put(id, known);
      }
    }
    if (!missing.isEmpty()) {
      Future<Map<String, WrittenTest>> read = call(() -> delegate.writtenTests(missing));
      missing.forEach(id -> each.put(id, caches.writtenTests().get(id, k -> read.map(m -> Optional.ofNullable(m.get(k))))));
    }
    return Future.all(List.copyOf(each.values())).map(done -> {
      Map<String, WrittenTest> tests = new java.util.HashMap<>();
      each.forEach((id, test) -> test.result().ifPresent(t -> tests.put(id, t)));
      return tests;
    });
  }

  /** An offer changed status: forget it, and (once its talent is known) that talent's offer list. */
  @Override
  public void offerChanged(String offerId, String talentId) {
    caches.offers().invalidate(offerId);
    if (talentId != null) {
      caches.talentOffers().invalidate(talentId);
    }
  }

  /** Forgets what is known about one application (after a write, or an event saying it moved). */
  @Override
  public void invalidateApplication(String applicationId, String jobId) {
    caches.applications().invalidate(applicationId);
    caches.details().invalidate(applicationId);
    invalidateJob(jobId);
  }

  /** Forgets the job's application lists, so the next read sees applications added since. */
  @Override
  public void invalidateJob(String jobId) {
    caches.applicationIds().caffeine().asMap().keySet().removeIf(k -> k.startsWith(jobId + "/"));
  }

  /** Forgets one application (an event says it changed) before its job is known. */
  @Override
  public void invalidateApplication(String applicationId) {
    caches.applications().invalidate(applicationId);
    caches.details().invalidate(applicationId);
  }

  /** The application as this replica last read it, if still cached and read successfully. */
  @Override
  public Optional<Application> cachedApplication(String applicationId) {
    Future<Application> cached = caches.applications().caffeine().getIfPresent(applicationId);
    return cached != null && cached.succeeded() ? Optional.of(cached.result()) : Optional.empty();
  }

  /** The caches by name, for hit-ratio metrics. */
  public Map<String, FutureCache<?, ?>> caches() {
    return Map.ofEntries(Map.entry("hire_jobs", caches.jobs()), Map.entry("hire_processes", caches.processes()),
        Map.entry("hire_application_ids", caches.applicationIds()),
        Map.entry("hire_applications", caches.applications()), Map.entry("hire_talents", caches.talents()),
        Map.entry("hire_talent_applications", caches.talentApplicationIds()),
        Map.entry("hire_application_details", caches.details()), Map.entry("hire_notes", caches.notes()),
        Map.entry("hire_interviews", caches.interviews()), Map.entry("hire_job_teams", caches.teams()),
        Map.entry("hire_termination_reasons", caches.reasons()), Map.entry("hire_offers", caches.offers()),
        Map.entry("hire_talent_offers", caches.talentOffers()),
        Map.entry("hire_written_tests", caches.writtenTests()));
  }
}
