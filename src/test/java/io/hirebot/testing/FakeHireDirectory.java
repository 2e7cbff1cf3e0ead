package io.hirebot.testing;

import io.hirebot.error.FeishuApiException;
import io.hirebot.error.NotFoundException;
import io.hirebot.hire.Application;
import io.hirebot.hire.ApplicationDetail;
import io.hirebot.hire.HireDirectory;
import io.hirebot.hire.HireTask;
import io.hirebot.hire.Interview;
import io.hirebot.hire.Job;
import io.hirebot.hire.JobProcess;
import io.hirebot.hire.JobTeam;
import io.hirebot.hire.Note;
import io.hirebot.hire.Offer;
import io.hirebot.hire.Progress;
import io.hirebot.hire.Stage;
import io.hirebot.hire.Talent;
import io.hirebot.hire.TerminationReason;
import io.hirebot.hire.WrittenTest;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * An in-memory Feishu Hire for the middle test layer: features run against it in milliseconds, and a test asserts
 * on the Hire call that was made ({@link #calls(String)}) as it would on the sandbox's request log.
 *
 * <p>A fake is legitimate here only because the real path ({@code FeishuHireDirectory} through the SDK against the
 * sandbox, which is faithful to Feishu) is covered by the end-to-end journeys under {@code io.hirebot.e2e} and by
 * {@code SdkHireFidelityTest}: this class checks what a feature does with Hire's answers, never how Hire is called
 * on the wire. It holds no cache and no paging, so anything about those belongs end to end.
 *
 * <p>Start from {@link SmallTenant#seed} (a tenant small enough to read in one screen), add what a test needs with
 * the {@code add*} methods, and make a call fail with {@link #failNext}. Thread-safe; every answer is immediate.
 */
public final class FakeHireDirectory implements HireDirectory {

  /** One call a feature made: the {@link HireDirectory} method's name and its arguments. */
  public record Call(String operation, List<Object> args) {
    public Object arg(int i) {
      return args.get(i);
    }
  }

  private final Map<String, Job> jobs = new LinkedHashMap<>();
  private final Map<String, JobProcess> processes = new LinkedHashMap<>();
  private final Map<String, Application> applications = new LinkedHashMap<>();
  private final Map<String, Talent> talents = new LinkedHashMap<>();
  private final Map<String, JobTeam> teams = new HashMap<>();
  private final Map<String, Interview> interviews = new LinkedHashMap<>();
  private final Map<String, Offer> offers = new LinkedHashMap<>();
  private final List<Note> notes = new ArrayList<>();
  private final Map<String, WrittenTest> tests = new LinkedHashMap<>();
  private final List<TerminationReason> reasons = new ArrayList<>();
  private final Map<String, RuntimeException> failures = new HashMap<>();
  private final Map<String, Future<?>> holds = new HashMap<>();
  private final List<Call> calls = new ArrayList<>();
  private final AtomicInteger ids = new AtomicInteger();
  /** Pending tasks per user's open_id (what evaluation_tasks / exam_marking_tasks / interview_tasks list). */
  private final Map<String, List<HireTask>> tasks = new HashMap<>();

  // ---- building the tenant ----

  public synchronized FakeHireDirectory addProcess(JobProcess process) {
    processes.put(process.id(), process);
    return this;
  }

  public synchronized Job addJob(Job job, JobTeam team) {
    jobs.put(job.id(), job);
    teams.put(job.id(), team);
    return job;
  }

  public synchronized Talent addTalent(String name, String mobile, String email) {
    return addTalent(name, "", mobile, email);
  }

  /** A talent whose phone has Hire's {@code mobile_code} (the country calling code) beside it. */
  public synchronized Talent addTalent(String name, String mobileCode, String mobile, String email) {
    Talent t = new Talent("talent_" + ids.incrementAndGet(), name, mobileCode, mobile, email);
    talents.put(t.id(), t);
    return t;
  }

  /** An active application of {@code talent} to {@code job}, in {@code stage} since {@code at}. */
  public synchronized Application addApplication(Job job, Talent talent, Stage stage, Instant at) {
    Application a = new Application("app_" + ids.incrementAndGet(), job.id(), talent.id(), talent.name(), stage,
        true, at, at);
    applications.put(a.id(), a);
    return a;
  }

  public synchronized Interview addInterview(Interview interview) {
    interviews.put(interview.id(), interview);
    return interview;
  }

  public synchronized Offer addOffer(Offer offer) {
    offers.put(offer.id(), offer);
    return offer;
  }

  /** Hire is waiting for {@code openId} to do {@code task} (a pending evaluation, marking or feedback). */
  public synchronized HireTask addTask(String openId, HireTask task) {
    tasks.computeIfAbsent(openId, k -> new ArrayList<>()).add(task);
    return task;
  }

  public synchronized FakeHireDirectory addReason(TerminationReason reason) {
    reasons.add(reason);
    return this;
  }

  /** Hire moved the application on its own (another recruiter, an import): the next read sees it. */
  public synchronized void moveTo(String applicationId, Stage stage, Instant at) {
    Application a = require(applicationId);
    applications.put(a.id(), new Application(a.id(), a.jobId(), a.talentId(), a.talentName(), stage, a.active(),
        a.appliedAt(), at));
  }

  /** Hire's get_detail now reads {@code progress} for the application (its offer, whether the person joined). */
  public synchronized void progress(String applicationId, Progress progress) {
    Application a = require(applicationId);
    applications.put(a.id(), new Application(a.id(), a.jobId(), a.talentId(), a.talentName(), a.stage(), a.active(),
        a.appliedAt(), a.stageEnteredAt(), progress));
  }

  /** Someone terminated the application in Hire (a rejection in Hire's own UI): it stays in its stage, inactive. */
  public synchronized void terminated(String applicationId) {
    setActive(applicationId, false);
  }

  /** The next call of {@code operation} (a {@link HireDirectory} method name) fails with {@code failure}. */
  public synchronized FakeHireDirectory failNext(String operation, RuntimeException failure) {
    failures.put(operation, failure);
    return this;
  }

  /** The next call of {@code operation} answers only once {@code until} completes (a slow Hire, without waiting). */
  public synchronized FakeHireDirectory holdNext(String operation, Future<?> until) {
    holds.put(operation, until);
    return this;
  }

  /** The next call of {@code operation} fails as Feishu answers a missing scope (99991672). */
  public FakeHireDirectory refuseScope(String operation, String scope) {
    return failNext(operation, new FeishuApiException("hire." + operation, 400, FeishuApiException.MISSING_SCOPE,
        "Access denied. One of the following scopes is required: [" + scope + "]", "fakelog-" + operation, scope));
  }

  // ---- reading back what the test set up and what the feature did ----

  public synchronized Job job(String code) {
    return jobs.values().stream().filter(j -> j.code().equals(code)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no job with code " + code + " in " + jobs.keySet()));
  }

  public synchronized Talent talent(String name) {
    return talents.values().stream().filter(t -> t.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no talent named " + name));
  }

  public synchronized Application applicationOf(Talent talent, Job job) {
    return applications.values().stream().filter(a -> a.talentId().equals(talent.id()) && a.jobId().equals(job.id()))
        .findFirst().orElseThrow(() -> new IllegalArgumentException(talent.name() + " never applied to " + job.code()));
  }

  public synchronized List<Application> applicationsOf(Job job) {
    return applications.values().stream().filter(a -> a.jobId().equals(job.id())).toList();
  }

  public synchronized JobProcess processOf(Job job) {
    return processes.get(job.processId());
  }

  public synchronized List<Note> notesWritten() {
    return List.copyOf(notes);
  }

  /** Every call so far, in order. */
  public synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  /** The calls of one {@link HireDirectory} method, in order. */
  public synchronized List<Call> calls(String operation) {
    return calls.stream().filter(c -> c.operation().equals(operation)).toList();
  }

  /** Forgets the calls so far (a test looks at the calls its own step caused). */
  public synchronized void resetCalls() {
    calls.clear();
  }

  /** Gives an application its written test. */
  public synchronized FakeHireDirectory writtenTest(WrittenTest test) {
    tests.put(test.applicationId(), test);
    return this;
  }

  // ---- the port ----

  @Override
  public Future<List<HireTask>> pendingTasks(HireTask.Kind kind, String userOpenId) {
    return answer("pendingTasks", () -> tasks.getOrDefault(userOpenId, List.of()).stream()
        .filter(t -> t.kind() == kind).toList(), kind, userOpenId);
  }

  @Override
  public Future<Map<String, WrittenTest>> writtenTests(List<String> applicationIds) {
    return answer("writtenTests", () -> {
      Map<String, WrittenTest> found = new LinkedHashMap<>();
      applicationIds.forEach(id -> {
        if (tests.containsKey(id)) {
          found.put(id, tests.get(id));
        }
      });
      return found;
    }, applicationIds);
  }

  @Override
  public Future<List<Job>> jobs() {
    return answer("jobs", () -> List.copyOf(jobs.values()));
  }

  @Override
  public Future<List<JobProcess>> processes() {
    return answer("processes", () -> List.copyOf(processes.values()));
  }

  @Override
  public Future<List<String>> activeApplicationIds(String jobId, String stageId) {
    return answer("activeApplicationIds", () -> applications.values().stream()
        .filter(a -> a.active() && a.jobId().equals(jobId) && a.stage().id().equals(stageId))
        .map(Application::id).toList(), jobId, stageId);
  }

  @Override
  public Future<List<String>> terminatedApplicationIds(String jobId, String stageId) {
    return answer("terminatedApplicationIds", () -> applications.values().stream()
        .filter(a -> !a.active() && a.jobId().equals(jobId) && a.stage().id().equals(stageId))
        .map(Application::id).toList(), jobId, stageId);
  }

  @Override
  public Future<List<String>> activeApplicationIds(String jobId) {
    return answer("activeApplicationIds", () -> applications.values().stream()
        .filter(a -> a.active() && a.jobId().equals(jobId)).map(Application::id).toList(), jobId);
  }

  @Override
  public Future<List<String>> activeApplicationIdsUpdatedSince(String jobId, Instant since) {
    return answer("activeApplicationIdsUpdatedSince", () -> applications.values().stream()
        .filter(a -> a.active() && a.jobId().equals(jobId) && !a.stageEnteredAt().isBefore(since))
        .map(Application::id).toList(), jobId, since);
  }

  @Override
  public Future<Application> application(String applicationId) {
    return answer("application", () -> require(applicationId), applicationId);
  }

  @Override
  public Future<Application> applicationNow(String applicationId) {
    return answer("applicationNow", () -> require(applicationId), applicationId);
  }

  @Override
  public Future<JobTeam> jobTeam(String jobId) {
    return answer("jobTeam", () -> teams.getOrDefault(jobId, new JobTeam(jobId, "", List.of(), List.of())), jobId);
  }

  @Override
  public Future<List<TerminationReason>> terminationReasons() {
    return answer("terminationReasons", () -> List.copyOf(reasons));
  }

  @Override
  public Future<Void> transferStage(String applicationId, String stageId) {
    return answer("transferStage", () -> {
      Application a = require(applicationId);
      Stage to = processes.get(jobs.get(a.jobId()).processId()).stage(stageId).orElseThrow(
          () -> new FeishuApiException("hire.application.transfer_stage", 400, 1002001, "invalid stage_id", "log_fake"));
      applications.put(a.id(), new Application(a.id(), a.jobId(), a.talentId(), a.talentName(), to, a.active(),
          a.appliedAt(), Instant.now()));
      return null;
    }, applicationId, stageId);
  }

  @Override
  public Future<Void> terminate(String applicationId, int terminationType, List<String> reasonIds, String note) {
    return answer("terminate", () -> setActive(applicationId, false), applicationId, terminationType,
        List.copyOf(reasonIds), note);
  }

  @Override
  public Future<Void> recover(String applicationId) {
    return answer("recover", () -> setActive(applicationId, true), applicationId);
  }

  @Override
  public Future<String> createNote(String talentId, String applicationId, String creatorOpenId, String content) {
    return answer("createNote", () -> {
      Note n = new Note("note_" + ids.incrementAndGet(), applicationId, creatorOpenId, content, Instant.now(), false);
      notes.add(n);
      return n.id();
    }, talentId, applicationId, creatorOpenId, content);
  }

  @Override
  public Future<List<Talent>> searchTalents(String keyword) {
    String k = keyword.toLowerCase(java.util.Locale.ROOT);
    return answer("searchTalents", () -> talents.values().stream()
        .filter(t -> t.name().toLowerCase(java.util.Locale.ROOT).contains(k) || t.mobile().contains(k)
            || t.email().toLowerCase(java.util.Locale.ROOT).contains(k))
        .toList(), keyword);
  }

  @Override
  public Future<List<String>> applicationIdsOfTalent(String talentId) {
    return answer("applicationIdsOfTalent", () -> applications.values().stream()
        .filter(a -> a.talentId().equals(talentId)).map(Application::id).toList(), talentId);
  }

  @Override
  public Future<ApplicationDetail> applicationDetail(String applicationId) {
    return answer("applicationDetail", () -> {
      Application a = require(applicationId);
      List<Interview> ofApplication = interviews.values().stream()
          .filter(i -> i.applicationId().equals(applicationId)).toList();
      Offer offer = offers.values().stream().filter(o -> o.applicationId().equals(applicationId))
          .reduce(Offer::newer).orElse(null);
      return new ApplicationDetail(a, jobs.get(a.jobId()).title(),
          List.of(new ApplicationDetail.StageVisit(a.stage().id(), a.stageEnteredAt(), null)), ofApplication, offer);
    }, applicationId);
  }

  @Override
  public Future<List<Note>> notes(String talentId) {
    return answer("notes", () -> notes.stream().filter(n -> talentOf(n.applicationId()).equals(talentId)).toList(),
        talentId);
  }

  @Override
  public Future<List<Interview>> interviews(Instant from, Instant to) {
    return answer("interviews", () -> interviews.values().stream()
        .filter(i -> !i.begin().isBefore(from) && i.begin().isBefore(to)).toList(), from, to);
  }

  @Override
  public Future<Offer> offer(String offerId) {
    return answer("offer", () -> {
      Offer o = offers.get(offerId);
      if (o == null) {
        throw new NotFoundException(NotFoundException.Kind.OFFER, offerId, "fake hire.offer.get");
      }
      return o;
    }, offerId);
  }

  @Override
  public Future<List<Offer>> offersOfTalent(String talentId) {
    return answer("offersOfTalent", () -> offers.values().stream()
        .filter(o -> talentOf(o.applicationId()).equals(talentId))
        // As FeishuHireDirectory maps hire.offer.list: no onboarding date in the list, "" rather than null.
        .map(o -> new Offer(o.id(), o.applicationId(), o.status(), "", o.createdAt())).toList(), talentId);
  }

  // ---- internals ----

  /** Records the call, then answers it or fails it as {@link #failNext} asked. */
  private synchronized <T> Future<T> answer(String operation, Supplier<T> value, Object... args) {
    calls.add(new Call(operation, Arrays.asList(args)));
    RuntimeException failure = failures.remove(operation);
    if (failure != null) {
      return Future.failedFuture(failure);
    }
    Future<?> hold = holds.remove(operation);
    if (hold != null) {
      return hold.transform(x -> {
        synchronized (this) {
          return valueOf(value);
        }
      });
    }
    return valueOf(value);
  }

  private static <T> Future<T> valueOf(Supplier<T> value) {
    try {
      return Future.succeededFuture(value.get());
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  private Application require(String applicationId) {
    Application a = applications.get(applicationId);
    if (a == null) {
      throw new NotFoundException(NotFoundException.Kind.APPLICATION, applicationId, "fake hire.application.get");
    }
    return a;
  }

  private Void setActive(String applicationId, boolean active) {
    Application a = require(applicationId);
    applications.put(a.id(), new Application(a.id(), a.jobId(), a.talentId(), a.talentName(), a.stage(), active,
        a.appliedAt(), a.stageEnteredAt()));
    return null;
  }

  private String talentOf(String applicationId) {
    Application a = applications.get(applicationId);
    return a == null ? "" : Objects.requireNonNullElse(a.talentId(), "");
  }
}
