package io.hirebot.cards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.i18n.Language;
import io.hirebot.hire.Application;

/**
 * Callback values of the quick-action buttons on every card that shows a candidate (advance, reject,
 * profile, note, move). The card-actions feature reads them; their shape is a contract: the ids, and the
 * stage the card showed so that a later click can tell the card is stale.
 */
public final class QuickActions {
  /** Value key naming the view a quick action sits on, so the click answers with that view; absent: a list. */
  public static final String VIEW = "view";
  public static final String PROFILE_VIEW = "profile";
  /**
   * Value key of a quick action (and of the pager) on a profile that shows phone and email: the profile the click
   * answers with shows them again where the profile feature's rule allows (the card is one the bot recorded in a
   * private chat). A claim, never a permission: a click's value is the clicker's to forge.
   */
  public static final String CONTACT = "contact";
  /** Key of a card's view listing the applications the card shows where no button names them (a read-only profile). */
  public static final String SHOWN = "shown_applications";

  private QuickActions() {}

  /**
   * Most fields of a list's view a click may bring back ({@link SharedActions#BACK}, {@link SharedActions#LIST}): a
   * list's view has at most 8 (a candidates list's, with the notice it keeps while its Undo is open).
   */
  private static final int MAX_VIEW_FIELDS = 8;

  /** Marks a quick action as sitting on page {@code page} of a profile: the click answers with that profile. */
  public static ObjectNode onProfile(ObjectNode value, int page) {
    return value.put(VIEW, PROFILE_VIEW).put("page", page);
  }

  /**
   * The same, on a profile that leads back to a list ({@code back}, the value that shows it; null for none) and that
   * shows phone and email or not ({@code contact}, see {@link #CONTACT}): the profile the click answers with leads back
   * there too, and shows them again where they may be.
   */
  public static ObjectNode onProfile(ObjectNode value, int page, ObjectNode back, boolean contact) {
    onProfile(value, page);
    if (contact) {
      value.put(CONTACT, true);
    }
    return back == null ? value : value.set(SharedActions.BACK, back);
  }

  /**
   * The list a clicked value leads back to ({@link SharedActions#BACK}), when it names one as a card action (an object
   * with an "action", of a bounded size); null otherwise. It is the bot's own card value; any action it names checks
   * rights anew when clicked.
   */
  public static ObjectNode back(ObjectNode value) {
    return viewIn(value, SharedActions.BACK);
  }

  /**
   * The view a clicked value carries under {@code key} (a card action, an object with an "action", of a bounded size);
   * null when it carries none.
   */
  public static ObjectNode viewIn(ObjectNode value, String key) {
    return view(value.get(key));
  }

  /** {@code node} when it is a card action a view may lead back to (an object with an "action", of a bounded size). */
  public static ObjectNode view(JsonNode node) {
    return node instanceof ObjectNode o && o.path("action").isTextual()
        && !o.path("action").asText().isBlank() && o.size() <= MAX_VIEW_FIELDS ? o : null;
  }

  /**
   * Fills {@code value} with {@code {"action","application_id","job_id","talent_id","name","stage_id","lang"}}; the
   * name is what the row shows, so that a follow-up ("the second one") can say whom it means.
   */
  public static ObjectNode value(ObjectNode value, String action, Application a, Language lang) {
    value.put("action", action);
    value.put("application_id", a.id());
    value.put("job_id", a.jobId());
    value.put("talent_id", a.talentId());
    value.put("name", a.talentName());
    value.put("stage_id", a.stage().id());
    value.put("lang", lang.feishuLocale());
    return value;
  }
}
