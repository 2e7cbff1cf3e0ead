package io.hirebot.access;

import io.hirebot.hire.HireDirectory;
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
