package io.hirebot.access;

import io.hirebot.hire.HireDirectory;
import io.hirebot.hire.HireTask;
import io.hirebot.hire.Interview;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import io.vertx.core.Future;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Who may do what with hiring data. The bot calls Hire with the app's own token, so Feishu's per-user
 * permissions protect nothing: every change to Hire data is checked here first (DESIGN §5).
 */
public final class AccessPolicy {
  /** The part a user plays for the bot, as far as hiring data goes. */
  public enum Role { ADMIN, TEAM, INTERVIEWER, NONE }

  /** Why something was allowed or refused; {@code reasonKey} is an i18n key for the refusal. */
  public record Decision(boolean allowed, String reasonKey, Role role) {
    static final Decision ADMIN = new Decision(true, "", Role.ADMIN);
    static final Decision OWNER = new Decision(true, "", Role.TEAM);
    static final Decision INTERVIEWER = new Decision(true, "", Role.INTERVIEWER);
    static final Decision NOT_ON_TEAM = new Decision(false, "access.refused.notOnTeam", Role.NONE);
    static final Decision UNKNOWN_USER = new Decision(false, "access.refused.unknownUser", Role.NONE);
    static final Decision NOT_IN_HIRE = new Decision(false, "access.refused.notInHire", Role.NONE);
  }

  /** Someone interviewing in this window around now counts as an interviewer. */
  static final Duration INTERVIEWER_WINDOW = Duration.ofDays(30);

  private final Set<String> admins;
  private final HireDirectory hire;
  private final TeamIndex teams;
  private final Clock clock;

  public AccessPolicy(Set<String> admins, HireDirectory hire, TeamIndex teams, Clock clock) {
    this.admins = Set.copyOf(admins);
    this.hire = hire;
    this.teams = teams;
    this.clock = clock;
  }

  public boolean isAdmin(String openId) {
    return openId != null && admins.contains(openId);
  }

  /**
   * Who may see hiring data in a private chat: admins, the people Hire lists as recruiters, hiring
   * managers or assistants of an open job (matched by open_id, which both IM events and Hire carry; looked up
   * in the {@link TeamIndex}, not read per command), and interviewers, who see only their own interviews.
   */
  public Future<Decision> mayQuery(String openId) {
    if (openId == null || openId.isEmpty()) {
      return Future.succeededFuture(Decision.UNKNOWN_USER);
    }
    if (isAdmin(openId)) {
      return Future.succeededFuture(Decision.ADMIN);
    }
    return teams.members().compose(members -> members.contains(openId)
        ? Future.succeededFuture(Decision.OWNER) : asInterviewer(openId));
  }

  /** Interviewers see their own interviews only; Hire knows them through the interviews they hold. */
  private Future<Decision> asInterviewer(String openId) {
    return interviewsAround().map(list -> list.stream().anyMatch(i -> i.hasInterviewer(openId)) ? Decision.INTERVIEWER
        : Decision.NOT_IN_HIRE);
  }

  /** The interviews within {@link #INTERVIEWER_WINDOW} of now. */
  private Future<List<Interview>> interviewsAround() {
    // An hour-aligned window keeps the cached interview list reusable across requests.
    Instant hour = clock.instant().truncatedTo(ChronoUnit.HOURS);
    return hire.interviews(hour.minus(INTERVIEWER_WINDOW), hour.plus(INTERVIEWER_WINDOW));
  }

  /**
   * Whether Hire involves the user with any of these applications (one talent's): an interview they hold within
   * {@link #INTERVIEWER_WINDOW}, which is what makes them an interviewer, or a task of theirs (a resume to evaluate, a
   * written test to mark, feedback to give). Those are what every card the bot shows an interviewer is made of (their
   * schedule, my tasks, reminders, nudges). Task lists Hire does not give (a scope missing) count as none.
   */
  public Future<Boolean> involves(String openId, Collection<String> applicationIds) {
    if (openId == null || openId.isEmpty() || applicationIds.isEmpty()) {
      return Future.succeededFuture(false);
    }
    Set<String> ids = Set.copyOf(applicationIds);
    return interviewsAround()
        .map(list -> list.stream().anyMatch(i -> i.hasInterviewer(openId) && ids.contains(i.applicationId())))
        .compose(held -> held ? Future.succeededFuture(true) : hasTask(openId, ids));
  }

  private Future<Boolean> hasTask(String openId, Set<String> applicationIds) {
    List<Future<Boolean>> kinds = Arrays.stream(HireTask.Kind.values())
        .map(kind -> hire.pendingTasks(kind, openId).otherwise(List.of())
            .map(tasks -> tasks.stream().anyMatch(t -> applicationIds.contains(t.applicationId()))))
        .toList();
    return Future.all(kinds).map(done -> kinds.stream().anyMatch(Future::result));
  }

  /**
   * Who may read a candidate's phone and email (in a private chat): admins, and the hiring team (recruiter, hiring
   * managers, assistants) of a job the candidate applied to, {@code jobIds}; not the teams of other jobs, nor
   * interviewers.
   */
  public Future<Boolean> mayReadContact(String openId, Collection<String> jobIds) {
    if (openId == null || openId.isEmpty()) {
      return Future.succeededFuture(false);
    }
    if (isAdmin(openId)) {
      return Future.succeededFuture(true);
    }
    // Assistants help the job's owners with its candidates (scheduling, calls): they read contact data, though they
    // may not change applications (mayChange).
    List<Future<Boolean>> teams = jobIds.stream().distinct()
        .map(j -> hire.jobTeam(j).map(team -> team.includes(openId))).toList();
    return Future.all(teams).map(done -> teams.stream().anyMatch(Future::result));
  }

  /** Admins, and the job's recruiter and hiring managers as Hire lists them, may change its applications. */
  public Future<Decision> mayChange(String openId, String jobId) {
    if (openId == null || openId.isEmpty()) {
      return Future.succeededFuture(Decision.UNKNOWN_USER);
    }
    if (isAdmin(openId)) {
      return Future.succeededFuture(Decision.ADMIN);
    }
    return hire.jobTeam(jobId).map(team -> team.owns(openId) ? Decision.OWNER : Decision.NOT_ON_TEAM);
  }
}
