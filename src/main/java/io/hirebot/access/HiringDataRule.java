package io.hirebot.access;

import io.vertx.core.Future;

/**
 * Where hiring data may go (DESIGN §5), one rule for what a person is shown (the hiring-data gate, for commands and
 * clicks) and for where notifications will be posted (a chat following a job): in a group an admin has enabled, or
 * privately to someone Hire knows as hiring team, an interviewer only when it is theirs to see.
 */
public final class HiringDataRule {
  /** The kind of chat the data would show in; UNKNOWN when nothing says (a click on a card never recorded). */
  public enum Place { GROUP, PRIVATE, UNKNOWN }

  private final GroupAccess groups;
  private final AccessPolicy access;

  public HiringDataRule(GroupAccess groups, AccessPolicy access) {
    this.groups = groups;
    this.access = access;
  }

  /**
   * Null when allowed, else the i18n key of the refusal. In a group, only if enabled; in a private chat, only for the
   * hiring team; where the kind is unknown, an enabled chat allows it, otherwise the person must be someone the data
   * may be shown to privately.
   *
   * @param interviewerMay whether an interviewer may have it (their own interviews, a click on a card shown to them)
   */
  public Future<String> refusal(String chatId, Place place, String openId, boolean interviewerMay) {
    return place == Place.PRIVATE ? privately(openId, interviewerMay)
        : refusal(chatId, Future.succeededFuture(place), openId, interviewerMay);
  }

  /** The same, with the place still being looked up: the chat's switch is read meanwhile. */
  public Future<String> refusal(String chatId, Future<Place> place, String openId, boolean interviewerMay) {
    Future<Boolean> enabled = chatId == null ? Future.succeededFuture(false) : groups.enabled(chatId);
    return Future.all(enabled, place).compose(both -> {
      Place where = place.result();
      if (where == Place.PRIVATE) {
        return privately(openId, interviewerMay);
      }
      if (enabled.result()) {
        return Future.succeededFuture(null);
      }
      return where == Place.GROUP ? Future.succeededFuture("access.notEnabled") : privately(openId, interviewerMay);
    });
  }

  private Future<String> privately(String openId, boolean interviewerMay) {
    return access.mayQuery(openId).map(d -> !d.allowed() ? d.reasonKey()
        : d.role() == AccessPolicy.Role.INTERVIEWER && !interviewerMay ? "access.interviewerOnly" : null);
  }
}
