package io.hirebot.access;

import io.hirebot.hire.HireDirectory;
import io.hirebot.hire.Job;
import io.hirebot.hire.JobTeam;
import java.util.List;
import io.vertx.core.Future;
import java.util.Set;

/**
 * Who may do what with hiring data. The bot calls Hire with the app's own token, so Feishu's per-user
 * permissions protect nothing: every change to Hire data is checked here first (DESIGN §5).
 */
public final class AccessPolicy {
  /** Why a change was allowed or refused; {@code reasonKey} is an i18n key for the refusal. */
  public record Decision(boolean allowed, String reasonKey) {
    static final Decision ADMIN = new Decision(true, "");
    static final Decision OWNER = new Decision(true, "");
    static final Decision NOT_ON_TEAM = new Decision(false, "access.refused.notOnTeam");
    static final Decision UNKNOWN_USER = new Decision(false, "access.refused.unknownUser");
    static final Decision NOT_IN_HIRE = new Decision(false, "access.refused.notInHire");
  }

  private final Set<String> admins;
  private final HireDirectory hire;

  public AccessPolicy(Set<String> admins, HireDirectory hire) {
    this.admins = Set.copyOf(admins);
    this.hire = hire;
  }

  public boolean isAdmin(String openId) {
    return openId != null && admins.contains(openId);
  }

  /**
   * Who may see hiring data in a private chat: admins, and the people Hire lists as recruiters, hiring
   * managers or assistants of an open job (matched by open_id, which both IM events and Hire carry).
   */
  public Future<Decision> mayQuery(String openId) {
    if (openId == null || openId.isEmpty()) {
      return Future.succeededFuture(Decision.UNKNOWN_USER);
    }
    if (isAdmin(openId)) {
      return Future.succeededFuture(Decision.ADMIN);
    }
    return hire.jobs().compose(jobs -> {
      List<Future<JobTeam>> teams = jobs.stream().filter(Job::open).map(j -> hire.jobTeam(j.id())).toList();
      return Future.all(teams).map(all -> teams.stream().map(Future::result)
          .anyMatch(t -> t.owns(openId) || t.assistantIds().contains(openId))
          ? Decision.OWNER : Decision.NOT_IN_HIRE);
    });
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
