package io.hirebot.access;

import io.vertx.core.Future;
import java.util.function.Supplier;

/**
 * Where hiring data may go (DESIGN §5), one rule for what a person is shown (the hiring-data gate, for commands and
 * clicks) and for where notifications will be posted (a chat following a job): in a group an admin has enabled, or
 * privately to someone Hire knows as hiring team, an interviewer only when it is theirs to see ({@link #profiles} for
 * the candidates' profiles).
 */
public final class HiringDataRule {
  /** The kind of chat the data would show in; UNKNOWN when nothing says (a click on a card never recorded). */
  public enum Place { GROUP, PRIVATE, UNKNOWN }

  /** The refusal of someone hiring data shows to only as an interviewer, asking for more than their own. */
  public static final String INTERVIEWER_ONLY = "access.interviewerOnly";
  /** The refusal of such a person asking for the profile of a candidate Hire does not involve them with. */
  public static final String NOT_THEIR_CANDIDATE = "access.interviewerProfile";

  /**
   * Whose profiles someone may see in one chat ({@link #profiles}): one talent's, given by its applications, is
   * refused with the returned key, or allowed (null).
   */
  @FunctionalInterface
  public interface Profiles {
    Future<String> refusal(java.util.Collection<String> applicationIds);
  }

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
    return refusal(() -> enabled(chatId), place, openId, interviewerMay);
  }

  /**
   * The same, with the chat's switch as the event reads it (once, for the gate and the answer alike): asked only
   * where it decides, outside a private chat.
   */
  public Future<String> refusal(Supplier<Future<Boolean>> enabled, Place place, String openId,
      boolean interviewerMay) {
    return place == Place.PRIVATE ? privately(openId, interviewerMay)
        : refusal(enabled.get(), Future.succeededFuture(place), openId, interviewerMay);
  }

  /** The same, with the place still being looked up while the chat's switch is read. */
  public Future<String> refusal(Future<Boolean> enabled, Future<Place> place, String openId, boolean interviewerMay) {
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

  /**
   * Whose profiles {@code openId} may see here: one rule for a profile typed ("candidate NAME", a follow-up, a reading
   * a button runs as typed) and one opened by a card's button or its pager. Where hiring data shows to them as to the
   * hiring team (or in an enabled group), anyone's; where it shows to them only as an interviewer, the candidates Hire
   * involves them with ({@link AccessPolicy#involves}), which are those every card the bot shows them lists, and
   * {@link #NOT_THEIR_CANDIDATE} for anyone else's; where it does not show at all, no one's, with {@link #refusal}'s
   * key (the gate's, which has said so before, but for a reading run as typed in a chat its card does not say).
   *
   * @param enabled whether the chat is enabled, as the event read it (or as {@link #enabled} reads it now)
   */
  public Future<Profiles> profiles(Future<Boolean> enabled, Future<Place> place, String openId) {
    return refusal(enabled, place, openId, false).map(key -> INTERVIEWER_ONLY.equals(key)
        ? ids -> access.involves(openId, ids).map(theirs -> theirs ? null : NOT_THEIR_CANDIDATE)
        : ids -> Future.succeededFuture(key));
  }

  /** Whether an admin enabled {@code chatId} for hiring data, read now (null: a menu click, which names no chat). */
  public Future<Boolean> enabled(String chatId) {
    return chatId == null ? Future.succeededFuture(false) : groups.enabled(chatId);
  }

  private Future<String> privately(String openId, boolean interviewerMay) {
    return access.mayQuery(openId).map(d -> !d.allowed() ? d.reasonKey()
        : d.role() == AccessPolicy.Role.INTERVIEWER && !interviewerMay ? INTERVIEWER_ONLY : null);
  }
}
