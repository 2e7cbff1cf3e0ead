package io.hirebot.hire;

import io.hirebot.error.NotFoundException;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a job's active pipeline with as few Hire round trips as the API allows: one id list per stage and one of
 * the whole job (all in parallel, which also gives the counts and the process order for free; a reader of many jobs
 * asks for the lists by stage only of a job whose whole list is not empty, {@link #stagesIfAny}), then application
 * details only for the page being shown, again in parallel, and for the few in no stage of the process, whose lists by
 * stage cannot say where they are ({@link JobPipeline}). A date filter needs every kept application's
 * date: Hire's list can only narrow by update time (an application made since a date was updated since then),
 * so the reader keeps the candidates updated since the date and, when more than {@link #MAX_DATE_FILTERED}
 * remain, moves the update-time bound forward (halving the window, at most {@link #MAX_PROBES} times) to read
 * the most recently updated ones; the page then says how many it checked of how many.
 */
public final class PipelineReader {
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PipelineReader.class);

  /** Bounds the detail calls of a date-filtered list (10/s): the newest of a larger job are not looked at. */
  public static final int MAX_DATE_FILTERED = 100;
  /**
   * Details read per job of its applications outside its process ({@link JobPipeline}), usually few; beyond these the
   * rest count under "Other stage". Bounds what a job's counts can spend of get_detail's 10/s (a page of jobs shares it).
   */
  public static final int MAX_OUTSIDE_DETAILS = 10;
  /** List calls spent narrowing a long date-filtered list; each halves the update-time window. */
  static final int MAX_PROBES = 6;

  private final HireDirectory hire;
  private final java.time.Clock clock;

  public PipelineReader(HireDirectory hire) {
    this(hire, java.time.Clock.systemUTC());
  }

  public PipelineReader(HireDirectory hire, java.time.Clock clock) {
    this.hire = hire;
    this.clock = clock;
  }

  /**
   * Starts loading what every read needs whatever the job (the processes), so that a caller can overlap it
   * with finding the job: one upstream round trip fewer on a cold cache. Failures surface in {@link #read}.
   */
  public void prefetch() {
    hire.processes();
  }

  /** The job's hiring process with its ordered stages. */
  public Future<JobProcess> process(Job job) {
    return hire.processes().compose(processes -> processes.stream()
        .filter(p -> p.id().equals(job.processId())).findFirst()
        .map(Future::succeededFuture)
        .orElseGet(() -> Future.failedFuture(new NotFoundException(NotFoundException.Kind.PROCESS,
            job.title(), "process " + job.processId() + " of job " + job.id() + " not in job_processes"))));
  }

  public Future<PipelinePage> read(Job job, int page, int pageSize) {
    return read(job, PipelineFilter.NONE, page, pageSize);
  }

  /** One page of the job's active candidates that pass the filter, with the whole job's stage counts. */
  public Future<PipelinePage> read(Job job, PipelineFilter filter, int page, int pageSize) {
    return stages(job).compose(pipeline -> read(pipeline, filter, page, pageSize, Map.of()));
  }

  /**
   * One page of {@code pipeline}'s candidates (its lists already read), with {@code known} standing in for Hire's
   * details of those applications: a click that just changed one shows what the change made of it, whatever the
   * cache holds by then (the change's Hire event may have emptied it).
   */
  public Future<PipelinePage> read(JobPipeline pipeline, PipelineFilter filter, int page, int pageSize,
      Map<String, Application> known) {
    Job job = pipeline.job();
    return kept(pipeline, filter, known).compose(kept -> {
      List<String> ids = kept.ids();
      int pages = Math.max(1, (ids.size() + pageSize - 1) / pageSize);
      int p = Math.max(0, Math.min(page, pages - 1));
      List<String> slice = ids.subList(Math.min(ids.size(), p * pageSize), Math.min(ids.size(), (p + 1) * pageSize));
      List<PipelinePage.StageCount> listed = pipeline.counts(ids);
      Future<List<Application>> apps = details(slice, known);
      Future<Map<String, WrittenTest>> tests = writtenTests(pipeline, slice);
      return Future.all(apps, tests).map(done -> new PipelinePage(job, pipeline.process(), pipeline.counts(),
          apps.result().stream().map(a -> tests.result().containsKey(a.id()) ? a.withTest(tests.result().get(a.id())) : a)
              .toList(),
          p, pageSize, ids.size(), PipelinePage.hired(listed), kept.scan(), listed));
    });
  }

  /** Ids of the job's active applications, in Hire's order (one list call, not one per stage). */
  public Future<List<String>> activeIds(Job job) {
    return hire.activeApplicationIds(job.id());
  }

  /**
   * The job's first {@code max} active applications with their details, in process order, and the stage counts
   * of those read: for readers that need every application anyway (a digest), one list call instead of one per
   * stage. Written tests are not read; the details come from {@code known}, read again only where Hire changed them.
   */
  public Future<PipelinePage> readWhole(Job job, int max, KnownApplications known) {
    return activeIds(job).compose(ids -> readWhole(job, ids, max, known));
  }

  /** As {@link #readWhole(Job, int, KnownApplications)}, with the job's active ids ({@link #activeIds}) already read. */
  public Future<PipelinePage> readWhole(Job job, List<String> ids, int max, KnownApplications known) {
    return process(job).compose(process -> known.current(job.id(), firstOf(ids, max)).map(apps -> {
          // Counted as the cards that read the lists count them (JobPipeline): those in no stage of the process last,
          // by the stage Hire names (a hire there, onboarded under the job's former process, is a hire).
          List<List<String>> lists = process.stages().stream().map(s -> apps.stream()
              .filter(a -> a.stage().id().equals(s.id())).map(Application::id).toList()).toList();
          List<Application> outside = apps.stream().filter(a -> process.stage(a.stage().id()).isEmpty()).toList();
          JobPipeline read = new JobPipeline(job, process, lists, outside.stream().map(Application::id).toList(),
              outside.stream().collect(Collectors.toMap(Application::id, a -> process.named(a.stage()), (a, b) -> a)));
          List<Application> sorted = apps.stream()
              .sorted(Comparator.comparingInt((Application a) -> process.indexOf(a.stage().id()))).toList();
          // Hires among those read: a job with more than max active applications may have more.
          List<PipelinePage.StageCount> counts = read.counts();
          return new PipelinePage(job, process, counts, sorted, 0, Math.max(1, max), ids.size(),
              PipelinePage.hired(counts), null);
        }));
  }

  /** The first {@code max} of a job's active ids: those {@link #readWhole} reads. */
  public static List<String> firstOf(List<String> ids, int max) {
    return ids.subList(0, Math.min(max, ids.size()));
  }

  /**
   * The job's process and its active application ids per stage, one list call per stage, in parallel; and, with one
   * more list call alongside, those in no stage of the process (a stage Hire deleted from it, or one of the job's
   * former process), which no list by stage returns: left out, they were missing from every count.
   */
  public Future<JobPipeline> stages(Job job) {
    return process(job).compose(process -> perStage(job, process, activeIds(job)));
  }

  /**
   * As {@link #stages}, for a reader of many jobs at once (the jobs card): the whole job's list first, and the lists
   * by stage only when it names someone. Each list by stage holds some of the whole job's (same job, same status), so
   * an empty one leaves every count 0, as the lists would; Hire's list gives ids only, so a job with applications
   * still costs one list per stage. A job nobody applies to costs one call instead of one per stage and one more: on
   * a page of jobs, calls beyond the list budget's burst wait their turn (18 a second, {@code RateLimits}), so the calls
   * saved shorten the reply more than the round trip added before a job's lists by stage.
   */
  public Future<JobPipeline> stagesIfAny(Job job) {
    Future<List<String>> all = activeIds(job);
    return process(job).compose(process -> all.transform(read -> read.succeeded() && read.result().isEmpty()
        ? Future.succeededFuture(JobPipeline.empty(job, process))
        : perStage(job, process, all)));
  }

  /** {@link #stages} once the process is known, with {@code whole} the whole job's active ids (read or being read). */
  private Future<JobPipeline> perStage(Job job, JobProcess process, Future<List<String>> whole) {
    List<Future<List<String>>> perStage = process.stages().stream()
        .map(s -> hire.activeApplicationIds(job.id(), s.id()))
        .toList();
    // Only the bucket of those outside rests on this read: failing, it leaves that bucket empty, not the card.
    Future<List<String>> all = whole.otherwise(e -> {
      log.warn("hire read failed job={} op=active_applications_outside_process cause={}", job.id(), e.toString());
      return List.of();
    });
    return Future.all(Future.all(perStage), all).compose(done -> {
      List<List<String>> lists = perStage.stream().map(Future::result).toList();
      Set<String> staged = lists.stream().flatMap(List::stream).collect(Collectors.toSet());
      // An application moved between two of these reads can look outside until its detail says where it is.
      List<String> outside = all.result().stream().filter(id -> !staged.contains(id)).toList();
      return whereOutside(job, process, outside).map(where -> new JobPipeline(job, process, lists, outside, where));
    });
  }

  /**
   * Where Hire says the first {@link #MAX_OUTSIDE_DETAILS} of {@code outside} are ({@link JobPipeline}: a hire there
   * counts as one, the others by the stage Hire names): their details, in parallel, through the directory's cache and
   * its get_detail budget (10/s); none when nobody is outside. One that cannot be read stays under "Other stage".
   */
  private Future<Map<String, Stage>> whereOutside(Job job, JobProcess process, List<String> outside) {
    if (outside.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    List<String> read = outside.subList(0, Math.min(MAX_OUTSIDE_DETAILS, outside.size()));
    List<Future<Application>> reads = read.stream().map(id -> hire.application(id).otherwise(e -> {
      log.warn("hire read failed job={} application={} op=application_outside_process cause={}", job.id(), id,
          e.toString());
      return null;
    })).toList();
    return Future.all(reads).map(done -> {
      Map<String, Stage> where = new java.util.HashMap<>();
      for (int i = 0; i < read.size(); i++) {
        Application a = reads.get(i).result();
        if (a != null) {
          where.put(read.get(i), process.named(a.stage()));
        }
      }
      return where;
    });
  }

  /**
   * The job's active application ids in its stages of these types, in process order: one list call per such stage,
   * in parallel, and none for the others (a card of one kind of stage, such as the offers, needs no other list).
   */
  public Future<List<String>> activeIdsIn(Job job, Set<StageType> types) {
    return process(job).compose(process -> {
      List<Future<List<String>>> lists = process.stages().stream().filter(s -> types.contains(s.type()))
          .map(s -> hire.activeApplicationIds(job.id(), s.id())).toList();
      return Future.all(lists).map(done -> lists.stream().flatMap(f -> f.result().stream()).toList());
    });
  }

  /**
   * How many of the job's applications were terminated at each stage of {@code pipeline}, in process order: one
   * list call per stage ({@code active_status} 2), in parallel, ids only (no detail calls, so the counts are exact).
   */
  public Future<List<PipelinePage.StageCount>> droppedOut(JobPipeline pipeline) {
    List<Stage> stages = pipeline.process().stages();
    List<Future<List<String>>> perStage = stages.stream()
        .map(s -> hire.terminatedApplicationIds(pipeline.job().id(), s.id())).toList();
    return Future.all(perStage).map(all -> {
      List<PipelinePage.StageCount> counts = new java.util.ArrayList<>();
      for (int i = 0; i < stages.size(); i++) {
        counts.add(new PipelinePage.StageCount(stages.get(i), perStage.get(i).result().size()));
      }
      return counts;
    });
  }

  /** Applications by id, read in parallel, in the order given. */
  public Future<List<Application>> details(List<String> ids) {
    return details(ids, Map.of());
  }

  private Future<List<Application>> details(List<String> ids, Map<String, Application> known) {
    List<Future<Application>> details = ids.stream().map(id -> known.containsKey(id)
        ? Future.succeededFuture(known.get(id)) : hire.application(id)).toList();
    return Future.all(details).map(done -> details.stream().map(Future::result).toList());
  }

  /**
   * The written tests of those of {@code ids} that sit in a written-test stage: one tests/search call for the page,
   * made alongside the page's get_detail calls (no extra round trip) and only when such a row is on it. Without
   * the exam scope the rows just show no score.
   */
  private Future<Map<String, WrittenTest>> writtenTests(JobPipeline pipeline, List<String> ids) {
    Set<String> testStages = pipeline.process().stages().stream().filter(s -> s.type() == StageType.WRITTEN_TEST)
        .map(Stage::id).collect(Collectors.toSet());
    Set<String> inTest = testStages.isEmpty() ? Set.of()
        : Set.copyOf(pipeline.ids(new PipelineFilter(testStages, null)));
    List<String> wanted = ids.stream().filter(inTest::contains).toList();
    return wanted.isEmpty() ? Future.succeededFuture(Map.of())
        : Partial.of(hire.writtenTests(wanted), Map.<String, WrittenTest>of()).map(Partial::value);
  }

  /** The ids a filter keeps, in process order, and how completely a date filter could check them. */
  private record Kept(List<String> ids, PipelinePage.DateScan scan) {}

  private Future<Kept> kept(JobPipeline pipeline, PipelineFilter filter, Map<String, Application> known) {
    List<String> ids = pipeline.ids(filter);
    Instant since = filter.appliedSince();
    if (since == null) {
      return Future.succeededFuture(new Kept(ids, null));
    }
    return updatedSince(pipeline.job(), ids, since).compose(pool -> newest(pipeline.job(), pool, since,
        clock.instant(), 0).compose(checked -> details(checked, known).map(apps -> {
          // Stages in process order (any outside it last), the newest applications first within each.
          List<String> recent = apps.stream().filter(a -> filter.keepsDate(a.appliedAt()))
              .sorted(Comparator.comparingInt((Application a) -> pipeline.process().indexOf(a.stage().id()))
                  .thenComparing(Application::appliedAt, Comparator.reverseOrder()))
              .map(Application::id).toList();
          PipelinePage.DateScan scan = checked.size() < pool.size()
              ? new PipelinePage.DateScan(checked.size(), pool.size()) : null;
          return new Kept(recent, scan);
        })));
  }

  /** Those of {@code ids} (in their order) that Hire updated at or after {@code t}. */
  private Future<List<String>> updatedSince(Job job, List<String> ids, Instant t) {
    return hire.activeApplicationIdsUpdatedSince(job.id(), t).map(touched -> {
      Set<String> set = Set.copyOf(touched);
      return ids.stream().filter(set::contains).toList();
    });
  }

  /**
   * At most {@link #MAX_DATE_FILTERED} of {@code pool}, the most recently updated: the window [from, now) is
   * halved toward now while too many fall in it, keeping the largest set that fits.
   */
  private Future<List<String>> newest(Job job, List<String> pool, Instant from, Instant now, int probes) {
    if (pool.size() <= MAX_DATE_FILTERED) {
      return Future.succeededFuture(pool);
    }
    if (probes >= MAX_PROBES || !from.isBefore(now)) {
      return Future.succeededFuture(pool.subList(0, MAX_DATE_FILTERED));
    }
    Instant mid = from.plus(java.time.Duration.between(from, now).dividedBy(2));
    return updatedSince(job, pool, mid).compose(later -> later.size() > MAX_DATE_FILTERED
        ? newest(job, later, mid, now, probes + 1)
        : widest(job, pool, later, from, mid, probes + 1));
  }

  /** {@code fits} (updated since {@code mid}) fits; try an earlier bound between from and mid for more. */
  private Future<List<String>> widest(Job job, List<String> pool, List<String> fits, Instant from, Instant mid,
      int probes) {
    if (probes >= MAX_PROBES) {
      return Future.succeededFuture(fits);
    }
    Instant earlier = from.plus(java.time.Duration.between(from, mid).dividedBy(2));
    return updatedSince(job, pool, earlier).compose(more -> more.size() > MAX_DATE_FILTERED
        ? widest(job, pool, fits, earlier, mid, probes + 1)
        : widest(job, pool, more, from, earlier, probes + 1));
  }
}
