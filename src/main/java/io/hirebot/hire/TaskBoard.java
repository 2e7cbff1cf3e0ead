package io.hirebot.hire;

import io.hirebot.util.FutureCache;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Hire is waiting for people to do, with how long each task has waited: one person's pending evaluations,
 * tests to mark and interview feedback (for "my tasks"), or everyone's the bot can name (for nudges, escalations
 * and digests). Hire's task items carry no time, so a task has waited since its application entered its current
 * stage (evaluation, marking) or since the interview ended (feedback). Hire lists tasks only per user; "everyone"
 * is each member of an open job's team and each interviewer of the last {@link #PEOPLE_HORIZON}.
 */
public final class TaskBoard {
  private static final Logger log = LoggerFactory.getLogger(TaskBoard.class);
  /** Interviewers of interviews this far back are asked for their tasks; feedback older than that is not chased. */
  public static final Duration PEOPLE_HORIZON = Duration.ofDays(14);
  /** Everyone's tasks are read once for all the digests, nudges and escalations of one scheduler pass. */
  static final Duration TEAM_TTL = Duration.ofMinutes(1);
  /**
   * One person's task lists, shared by the nudges and escalations of a pass and the digests that start within it
   * (a digest pass reads each person once in its own {@link Pass}, however long it runs). "my tasks" builds its own
   * board and always reads Hire now.
   */
  static final Duration PERSON_TTL = Duration.ofSeconds(30);

  /**
   * One pending task with what a card says about it.
   *
   * @param owner the open_id of whoever must do it
   * @param since when it started waiting (null if Hire gave no time at all)
   */
  public record Waiting(String owner, HireTask task, Application application, String jobTitle, Instant since) {
    public Duration waited(Instant now) {
      return since == null || since.isAfter(now) ? Duration.ZERO : Duration.between(since, now);
    }
  }

  /** A person's tasks, oldest first; {@code missingScope} names a kind Feishu would not list, or is empty. */
  public record Tasks(List<Waiting> items, String missingScope) {
    public Tasks {
      items = List.copyOf(items);
    }
  }

  private final HireDirectory hire;
  private final FutureCache<String, List<Waiting>> team = new FutureCache<>(TEAM_TTL, 1);
  private final FutureCache<String, Partial<List<HireTask>>> person = new FutureCache<>(PERSON_TTL, 10_000);

  public TaskBoard(HireDirectory hire) {
    this.hire = hire;
  }

  /** The user's pending tasks of every kind; a kind whose scope is missing is left out and named. */
  public Future<Tasks> of(String openId, Instant now) {
    return read(openId).compose(raw -> describe(openId, raw.value(), Map.of(), now).map(items -> new Tasks(items,
        raw.missingScope())));
  }

  /** Everyone's pending tasks (see the class comment for who "everyone" is), oldest first; read once a minute. */
  public Future<List<Waiting>> everyone(Instant now) {
    return team.get("all", k -> people(now, job -> true, interviews -> interviews)
        .compose(people -> ofPeople(people, job -> true, Future.succeededFuture(Map.of()), now, this::shared)));
  }

  /**
   * The pending tasks on these jobs' applications, oldest first, of their teams and of the interviewers of their
   * recent interviews (the people who can owe something on them); {@code known} applications (a digest's pipelines)
   * are not read again, so a digest costs three task lists per person and little else.
   */
  public Future<List<Waiting>> onJobs(Set<String> jobIds, Map<String, Application> known, Instant now) {
    return onJobs(jobIds, known.keySet(), Future.succeededFuture(known), now, this::shared);
  }

  /**
   * A pass of bulk work (a digest fan-out) that reads each person's task lists at most once, however long it runs:
   * the shared lists expire after {@link #PERSON_TTL}, and a pass of 1,000 chats outlasted them (2,017 Hire calls
   * instead of about 1,100).
   */
  public Pass pass() {
    return new Pass();
  }

  /** See {@link #pass()}; safe to use from any thread. */
  public final class Pass {
    private final Map<String, Future<Partial<List<HireTask>>>> read = new ConcurrentHashMap<>();

    private Pass() {}

    /**
     * As {@link TaskBoard#onJobs}, each person read once in this pass, started before the applications' details
     * are read: who can owe a task is known from the jobs and their application ids ({@code applicationIds}, those
     * {@code known} will hold), so the people's task lists are read while the details are (a job of 200 applications
     * spends 20 s of get_detail's 10/s), and only describing the tasks waits for {@code known}.
     */
    public Future<List<Waiting>> onJobs(Set<String> jobIds, Set<String> applicationIds,
        Future<Map<String, Application>> known, Instant now) {
      return TaskBoard.this.onJobs(jobIds, applicationIds, known, now,
          p -> read.computeIfAbsent(p, TaskBoard.this::shared));
    }
  }

  private Future<Partial<List<HireTask>>> shared(String openId) {
    return person.get(openId, this::read);
  }

  private Future<List<Waiting>> onJobs(Set<String> jobIds, Set<String> applicationIds,
      Future<Map<String, Application>> known, Instant now, Function<String, Future<Partial<List<HireTask>>>> lists) {
    if (jobIds.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    return people(now, jobIds::contains, interviews -> interviews.stream()
            .filter(i -> applicationIds.contains(i.applicationId())).toList())
        .compose(people -> ofPeople(people, jobIds::contains, known, now, lists));
  }

  /** The people's tasks on the jobs {@code job} accepts, described once {@code known} is (those not in it are read). */
  private Future<List<Waiting>> ofPeople(Set<String> people, java.util.function.Predicate<String> job,
      Future<Map<String, Application>> known, Instant now,
      Function<String, Future<Partial<List<HireTask>>>> lists) {
    // One person's failed read (a malformed id, Hire refusing) leaves the others' tasks standing.
    List<Future<List<HireTask>>> each = people.stream().map(p -> lists.apply(p).map(t -> t.value().stream()
        .filter(task -> job.test(task.jobId())).toList())
        .otherwise(e -> {
          log.warn("tasks not read user={} cause={}", p, e.toString());
          return List.<HireTask>of();
        })).toList();
    List<String> owners = List.copyOf(people);
    return Future.all(each).compose(done -> known).compose(apps -> {
      List<Future<List<Waiting>>> described = new ArrayList<>();
      for (int i = 0; i < owners.size(); i++) {
        described.add(describe(owners.get(i), each.get(i).result(), apps, now));
      }
      return Future.all(described).map(d -> described.stream().flatMap(f -> f.result().stream())
          .sorted(OLDEST_FIRST).toList());
    });
  }

  /** The three task lists of one person, as Hire has them now; a kind whose scope is missing is named. */
  private Future<Partial<List<HireTask>>> read(String openId) {
    List<Future<Partial<List<HireTask>>>> kinds = new ArrayList<>();
    for (HireTask.Kind kind : HireTask.Kind.values()) {
      kinds.add(Partial.of(hire.pendingTasks(kind, openId), List.of()));
    }
    return Future.all(kinds).map(all -> {
      List<HireTask> tasks = new ArrayList<>();
      String missing = "";
      for (Future<Partial<List<HireTask>>> k : kinds) {
        tasks.addAll(k.result().value());
        missing = missing.isEmpty() ? k.result().missingScope() : missing;
      }
      return new Partial<>(tasks, missing);
    });
  }

  /** Members of the (open) jobs' teams and the interviewers of the recent interviews kept, as open_ids, once each. */
  Future<Set<String>> people(Instant now, java.util.function.Predicate<String> jobWanted,
      java.util.function.UnaryOperator<List<Interview>> interviewsWanted) {
    Future<List<JobTeam>> teams = hire.jobs().compose(jobs -> {
      List<Future<JobTeam>> reads = jobs.stream().filter(j -> j.open() && jobWanted.test(j.id()))
          .map(j -> hire.jobTeam(j.id())).toList();
      return Future.all(reads).map(done -> reads.stream().map(Future::result).toList());
    });
    Future<List<Interview>> interviews = recentInterviews(now);
    return Future.all(teams, interviews).map(done -> {
      Set<String> ids = new LinkedHashSet<>();
      for (JobTeam t : teams.result()) {
        if (t.recruiterId() != null && !t.recruiterId().isEmpty()) {
          ids.add(t.recruiterId());
        }
        ids.addAll(t.hiringManagerIds());
        ids.addAll(t.assistantIds());
      }
      for (Interview i : interviewsWanted.apply(interviews.result())) {
        i.feedback().forEach(f -> ids.add(f.interviewer().id()));
      }
      return ids;
    });
  }

  private static final Comparator<Waiting> OLDEST_FIRST = Comparator.comparing(Waiting::since,
      Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(w -> w.task().id());

  /** Hour-aligned, so the directory's cache serves every read of the hour (the reminders read the same window). */
  private Future<List<Interview>> recentInterviews(Instant now) {
    Instant hour = now.truncatedTo(ChronoUnit.HOURS);
    return hire.interviews(hour.minus(PEOPLE_HORIZON), hour.plus(Duration.ofHours(1)));
  }

  private Future<List<Waiting>> describe(String owner, List<HireTask> tasks, Map<String, Application> known,
      Instant now) {
    if (tasks.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    Map<String, Future<Application>> apps = new HashMap<>();
    tasks.forEach(t -> apps.computeIfAbsent(t.applicationId(), id -> known.containsKey(id)
        ? Future.succeededFuture(known.get(id)) : hire.application(id)));
    boolean feedback = tasks.stream().anyMatch(t -> t.kind() == HireTask.Kind.INTERVIEW_FEEDBACK);
    Future<List<Interview>> interviews = feedback ? recentInterviews(now) : Future.succeededFuture(List.of());
    Future<List<Job>> jobs = hire.jobs();
    return Future.all(Future.all(List.copyOf(apps.values())), interviews, jobs).map(done -> {
      Map<String, Instant> ended = new HashMap<>();
      interviews.result().forEach(i -> {
        if (i.end() != null) {
          ended.put(i.id(), i.end());
        }
      });
      Map<String, String> titles = new HashMap<>();
      jobs.result().forEach(j -> titles.put(j.id(), j.title()));
      List<Waiting> out = new ArrayList<>();
      for (HireTask t : tasks) {
        Application a = apps.get(t.applicationId()).result();
        Instant since = t.kind() == HireTask.Kind.INTERVIEW_FEEDBACK && ended.containsKey(t.id()) ? ended.get(t.id())
            : a.stageEnteredAt() != null ? a.stageEnteredAt() : a.appliedAt();
        out.add(new Waiting(owner, t, a, titles.getOrDefault(t.jobId() == null ? a.jobId() : t.jobId(), ""), since));
      }
      out.sort(OLDEST_FIRST);
      return out;
    });
  }
}
