package io.hirebot.sandbox;

import io.hirebot.sandbox.hire.Application;
import io.hirebot.sandbox.hire.HireData;
import io.hirebot.sandbox.hire.HireUser;
import io.hirebot.sandbox.hire.IdKinds;
import io.hirebot.sandbox.hire.Interview;
import io.hirebot.sandbox.hire.InterviewFeedback;
import io.hirebot.sandbox.hire.Job;
import io.hirebot.sandbox.hire.JobProcess;
import io.hirebot.sandbox.hire.Note;
import io.hirebot.sandbox.hire.Offer;
import io.hirebot.sandbox.hire.Stage;
import io.hirebot.sandbox.hire.StageTime;
import io.hirebot.sandbox.hire.Talent;
import io.hirebot.sandbox.hire.TerminationReason;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/** The in-memory Hire tenant behind the Hire endpoints: read it, change it in tests, reset it to the seed; thread-safe. */
public final class HireTenant {

  /** Told about changes made by test mutators, as Feishu fires events for changes made in the Hire UI too. */
  interface Listener {
    void stageChanged(String applicationId, String fromStageId, String toStageId, long time);

    void offerStatusChanged(String offerId, int status);

    void applicationsDeleted(List<String> applicationIds);
  }

  private final Supplier<HireData> seed;
  private volatile Listener listener;
  /** Told after every change, whoever made it (the bot's calls, the console, a test): the console's Hire panel. */
  private final List<Runnable> watchers = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final Clock clock;
  private HireData data;

  HireTenant(Supplier<HireData> seed, Clock clock) {
    this.seed = seed;
    this.clock = clock;
    this.data = seed.get();
  }

  void listener(Listener l) {
    this.listener = l;
  }

  /** {@code watcher} runs after each change to Hire's data; it must not block (it runs on the changer's thread). */
  void watch(Runnable watcher) {
    watchers.add(watcher);
  }

  void unwatch(Runnable watcher) {
    watchers.remove(watcher);
  }

  /** Back to the seeded state (the demo tenant, or the empty one). */
  public void reset() {
    synchronized (this) {
      data = seed.get();
    }
    changed();
  }

  /** Runs a read against a consistent view; the function must not keep the maps. */
  public synchronized <T> T read(Function<HireData, T> query) {
    return query.apply(data);
  }

  /** Runs a change under the lock (for tests that need more than the mutators below). */
  public void write(Consumer<HireData> change) {
    synchronized (this) {
      change.accept(data);
    }
    changed();
  }

  public List<JobProcess> processes() {
    return read(d -> List.copyOf(d.processes.values()));
  }

  public List<Job> jobs() {
    return read(d -> List.copyOf(d.jobs.values()));
  }

  public Optional<Job> job(String jobId) {
    return read(d -> Optional.ofNullable(d.jobs.get(jobId)));
  }

  public Optional<Job> jobByCode(String code) {
    return read(d -> d.jobs.values().stream().filter(j -> j.code().equalsIgnoreCase(code)).findFirst());
  }

  public Optional<Job> jobByTitle(String title) {
    return read(d -> d.jobs.values().stream().filter(j -> j.title().equals(title)).findFirst());
  }

  public List<Talent> talents() {
    return read(d -> List.copyOf(d.talents.values()));
  }

  public Optional<Talent> talent(String talentId) {
    return read(d -> Optional.ofNullable(d.talents.get(talentId)));
  }

  public Optional<Talent> talentByName(String name) {
    return read(d -> d.talents.values().stream().filter(t -> t.name().equals(name)).findFirst());
  }

  public List<Application> applications() {
    return read(d -> List.copyOf(d.applications.values()));
  }

  public Optional<Application> application(String applicationId) {
    return read(d -> Optional.ofNullable(d.applications.get(applicationId)));
  }

  public List<Application> applicationsOfJob(String jobId) {
    return read(d -> d.applications.values().stream().filter(a -> a.jobId().equals(jobId)).toList());
  }

  public List<Interview> interviews() {
    return read(d -> List.copyOf(d.interviews.values()));
  }

  public List<Offer> offers() {
    return read(d -> List.copyOf(d.offers.values()));
  }

  public List<Note> notes() {
    return read(d -> List.copyOf(d.notes.values()));
  }

  public List<TerminationReason> terminationReasons() {
    return read(d -> List.copyOf(d.terminationReasons.values()));
  }

  public List<HireUser> users() {
    return read(d -> List.copyOf(d.users.values()));
  }

  /** The stage list of a job's process, in order. */
  public List<Stage> stagesOf(String jobId) {
    return read(d -> d.processOf(require(d.jobs.get(jobId), "job " + jobId)).stages());
  }

  /** Adds (or replaces) a hiring process with its stages. */
  public JobProcess addProcess(JobProcess process) {
    return update(d -> {
      d.processes.put(process.id(), process);
      return process;
    });
  }

  /** Adds an open job in an existing process, owned by the given recruiter and hiring manager. */
  public Job addJob(String title, String code, String processId, String recruiterId, String hiringManagerId) {
    long now = clock.millis();
    return update(d -> {
      require(d.processes.get(processId), "process " + processId);
      String id = d.nextId(IdKinds.JOB);
      Job job = new Job(id, title, code, processId, "od-engineering", "研发部", "Engineering", "C1", "北京", "Beijing", 1,
          recruiterId, List.of(hiringManagerId), List.of(), 1, title, now, now);
      d.jobs.put(id, job);
      return job;
    });
  }

  public Talent addTalent(String name, String mobile, String email) {
    long now = clock.millis();
    return update(d -> {
      String id = d.nextId(IdKinds.TALENT);
      Talent t = new Talent(id, name, "86", mobile, email, 3, 1, 28, "C1", "北京", "Beijing", "", 6, "", "", now);
      d.talents.put(id, t);
      return t;
    });
  }

  /** Adds an active application in the given stage (which must belong to the job's process). */
  public Application addApplication(String jobId, String talentId, String stageId) {
    long now = clock.millis();
    return update(d -> {
      Job job = require(d.jobs.get(jobId), "job " + jobId);
      require(d.talents.get(talentId), "talent " + talentId);
      require(d.processOf(job).stage(stageId).orElse(null), "stage " + stageId + " in the job's process");
      String id = d.nextId(IdKinds.APPLICATION);
      Application a = new Application(id, jobId, talentId, stageId, Application.ACTIVE, now, now,
          List.of(new StageTime(stageId, now, null)), null, List.of(), null, 2, 10003, null);
      d.applications.put(id, a);
      return a;
    });
  }

  /**
   * Moves an application to another stage without transfer_stage's rules (a change made in the Hire UI); like
   * Feishu, this fires hire.application.stage_changed_v1 when the bot can receive events. Into an onboarded stage
   * it is Hire's onboarding (the UI's 办理入职, as transfer_onboard): the candidate joins now and gets an employee
   * record; out of one, the onboarding is undone and the record goes.
   */
  public Application moveApplication(String applicationId, String stageId) {
    return move(applicationId, stageId, clock.millis());
  }

  /**
   * Records that the candidate joined at {@code actualOnboardTime}, as transfer_onboard does with its
   * actual_onboard_time: the application moves to its process's onboarded stage now (Hire updates it now, and the
   * stage's enter time is now), while the employee record's onboard_time says when they really joined, which may be
   * weeks earlier when the team records a join late.
   */
  public Application onboard(String applicationId, long actualOnboardTime) {
    String onboarded = read(d -> {
      Application a = require(d.applications.get(applicationId), "application " + applicationId);
      return d.processOf(d.jobs.get(a.jobId())).stages().stream().filter(s -> s.type() == Stage.ONBOARDED)
          .findFirst().orElseThrow(() -> new NoSuchElementException("no onboarded stage for " + applicationId)).id();
    });
    return move(applicationId, onboarded, actualOnboardTime);
  }

  private Application move(String applicationId, String stageId, long joinedAt) {
    long now = clock.millis();
    String[] from = new String[1];
    Application moved = update(d -> {
      Application a = require(d.applications.get(applicationId), "application " + applicationId);
      from[0] = a.stageId();
      d.applications.put(applicationId, a.movedTo(stageId, now));
      boolean joins = d.processOf(d.jobs.get(a.jobId())).stage(stageId).map(s -> s.type() == Stage.ONBOARDED)
          .orElse(false);
      if (joins) {
        d.recordOnboarding(applicationId, joinedAt);
      } else {
        d.employees.values().removeIf(e -> e.applicationId().equals(applicationId));
      }
      return d.applications.get(applicationId);
    });
    Listener l = listener;
    if (l != null && !from[0].equals(stageId)) {
      l.stageChanged(applicationId, from[0], stageId, now);
    }
    return moved;
  }

  /** Sets an offer's status (as the Hire UI would) and fires hire.offer.status_changed_v1 when the bot can receive events. */
  public Offer setOfferStatus(String offerId, int status) {
    Offer changed = update(d -> {
      Offer o = require(d.offers.get(offerId), "offer " + offerId);
      Offer n = new Offer(o.id(), o.applicationId(), o.jobId(), o.talentId(), status, o.offerType(), o.createTime(),
          o.onboardDate(), o.ownerId(), o.leaderId());
      d.offers.put(offerId, n);
      return n;
    });
    Listener l = listener;
    if (l != null) {
      l.offerStatusChanged(offerId, status);
    }
    return changed;
  }

  /**
   * Deletes an application with its interviews, offers and evaluations (as the Hire UI can); like Feishu, this
   * fires hire.application.deleted_v1 when the bot can receive events. Afterwards Hire answers 1002201 for it.
   */
  public void deleteApplication(String applicationId) {
    update(d -> {
      require(d.applications.remove(applicationId), "application " + applicationId);
      d.interviews.values().removeIf(i -> i.applicationId().equals(applicationId));
      d.offers.values().removeIf(o -> o.applicationId().equals(applicationId));
      d.evaluations.values().removeIf(e -> e.applicationId().equals(applicationId));
      d.tests.values().removeIf(t -> t.applicationId().equals(applicationId));
      d.employees.values().removeIf(e -> e.applicationId().equals(applicationId));
      return null;
    });
    Listener l = listener;
    if (l != null) {
      l.applicationsDeleted(List.of(applicationId));
    }
  }

  public Application terminateApplication(String applicationId, int terminationType, List<String> reasonIds) {
    long now = clock.millis();
    return update(d -> {
      Application a = require(d.applications.get(applicationId), "application " + applicationId)
          .terminated(terminationType, reasonIds, null, now);
      d.applications.put(applicationId, a);
      return a;
    });
  }

  /** Schedules an interview for an application at {@code beginMillis}, one hour long, feedback not yet submitted. */
  public Interview addInterview(String applicationId, long beginMillis, String... interviewerIds) {
    long now = clock.millis();
    return update(d -> {
      Application a = require(d.applications.get(applicationId), "application " + applicationId);
      List<InterviewFeedback> fb = new ArrayList<>();
      for (String who : interviewerIds) {
        fb.add(new InterviewFeedback(d.nextId(IdKinds.OTHER), who, false, 4, null, null));
      }
      long round = d.interviews.values().stream().filter(i -> i.applicationId().equals(applicationId)).count();
      String id = d.nextId(IdKinds.INTERVIEW);
      Interview i = new Interview(id, applicationId, a.stageId(), (int) round, beginMillis, beginMillis + 3_600_000L, 3,
          fb, null, now);
      d.interviews.put(id, i);
      return i;
    });
  }

  public Offer addOffer(String applicationId, int offerStatus) {
    long now = clock.millis();
    return update(d -> {
      Application a = require(d.applications.get(applicationId), "application " + applicationId);
      Job job = d.jobs.get(a.jobId());
      String id = d.nextId(IdKinds.OFFER);
      Offer o = new Offer(id, applicationId, a.jobId(), a.talentId(), offerStatus, 1, now, null, job.recruiterId(),
          job.hiringManagerIds().isEmpty() ? null : job.hiringManagerIds().get(0));
      d.offers.put(id, o);
      return o;
    });
  }

  private <T> T update(Function<HireData, T> change) {
    T result;
    synchronized (this) {
      result = change.apply(data);
    }
    changed();
    return result;
  }

  /** Outside the lock, so a watcher never runs while another thread waits to change or read Hire. */
  private void changed() {
    watchers.forEach(Runnable::run);
  }

  static <T> T require(T value, String what) {
    if (value == null) {
      throw new NoSuchElementException("no such " + what);
    }
    return value;
  }
}
