package io.hirebot.access;

import java.time.Instant;

/**
 * One attempted action on hiring data, whatever its outcome.
 *
 * @param result {@code ok}, {@code refused}, {@code stale}, {@code failed} or {@code duplicate}
 * @param logId the X-Tt-Logid of the Hire call, empty when none was made
 */
public record AuditEntry(
    Instant at, String actorOpenId, String chatId, String action, String applicationId, String jobId,
    String detail, String result, String logId) {
  /** An entry about a chat rather than an application (queries, enable/disable, private details), no Hire call. */
  public static AuditEntry inChat(Instant at, String actorOpenId, String chatId, String action, String detail,
      String result) {
    return new AuditEntry(at, actorOpenId == null ? "" : actorOpenId, chatId, action, "", "", detail, result, "");
  }
}
