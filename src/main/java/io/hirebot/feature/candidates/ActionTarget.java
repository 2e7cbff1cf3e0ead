package io.hirebot.feature.candidates;

import io.hirebot.cards.SharedActions;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.bot.CardPlace;
import io.hirebot.bot.inbound.CardAction;
import io.hirebot.cards.QuickActions;

/**
 * What a candidate button's callback value names: the application; what the card showed when it was sent
 * (stage, so a click on an out-of-date card can be told apart from a current one); the view the button sits on
 * (a list with its filter and page, or a profile and its page), so the answer is that same view; and, for a form
 * opened apart from a group's card, how it was opened and which message its outcome updates.
 *
 * @param list the list the button sits on (its job and filter); unused when {@code fromProfile}
 * @param via how a form was opened: "" in place of the card, {@link #EPHEMERAL} or {@link #PRIVATELY}
 * @param origin the message a form opened apart from it updates with its outcome
 * @param clicked the card the button sat on, and the clicker, whom the answer is shown to; for a form sent privately,
 *     the group's card it was opened from (where its outcome is shown)
 * @param back on a profile opened from a list: the value that shows that list ("Back to the list"), else null
 * @param contact on a profile: its value says it showed phone and email (a claim the profile feature checks against
 *     where the card is before it shows them again: {@link io.hirebot.bot.ProfileView})
 */
record ActionTarget(String applicationId, String jobId, String talentId, String stageId, int page,
    CandidatesQuery list, boolean fromProfile, String via, String origin, CardPlace clicked, ObjectNode back,
    boolean contact) {
  static final String VIA = "via";
  static final String ORIGIN = "m";
  /** The chat of the message a form sent privately updates (the group the form was opened from). */
  static final String ORIGIN_CHAT = "mc";
  /** The form is a card only the clicker sees in the group (Feishu's ephemeral card). */
  static final String EPHEMERAL = "e";
  /** The form went to the clicker's private chat with the bot. */
  static final String PRIVATELY = "p";

  static ActionTarget of(CardAction action) {
    ObjectNode v = action.value();
    boolean fromProfile = QuickActions.PROFILE_VIEW.equals(v.path(QuickActions.VIEW).asText(""));
    String via = v.path(VIA).asText("");
    String origin = v.path(ORIGIN).asText("");
    String originChat = v.path(ORIGIN_CHAT).asText("");
    // A form sent privately is submitted in the private chat, but its outcome is the group's card: drawn for the
    // group (what the group follows), not for the chat the form sat in.
    CardPlace clicked = PRIVATELY.equals(via) && !origin.isEmpty() && !originChat.isEmpty()
        ? new CardPlace(originChat, origin, action.operatorId(), null, action.chat()) : CardPlace.of(action);
    return new ActionTarget(v.path("application_id").asText(""), v.path("job_id").asText(""),
        v.path("talent_id").asText(""), v.path("stage_id").asText(""), Math.max(0, v.path("page").asInt(0)),
        CandidatesQuery.readFrom(v), fromProfile, via, origin, clicked, fromProfile ? QuickActions.back(v) : null,
        fromProfile && v.path(QuickActions.CONTACT).asBoolean(false));
  }

  /** Who clicked: the answer offers them the changes they may make. */
  String viewer() {
    return clicked.viewer();
  }

  boolean complete() {
    return !applicationId.isEmpty() && !jobId.isEmpty() && !stageId.isEmpty();
  }

  /** The same target once the application is in another stage. */
  ActionTarget inStage(String newStageId) {
    return new ActionTarget(applicationId, jobId, talentId, newStageId, page, list, fromProfile, via, origin, clicked,
        back, contact);
  }

  /** The same target for a form opened apart from the card ({@code origin}). */
  ActionTarget placed(String how, String originMessageId) {
    return new ActionTarget(applicationId, jobId, talentId, stageId, page, list, fromProfile, how, originMessageId,
        clicked, back, contact);
  }

  /** The value a follow-up button (form submit, undo) carries, with the given action name. */
  ObjectNode value(ObjectNode blank, String action, String lang) {
    ObjectNode v = blank.put("action", action).put("application_id", applicationId).put("job_id", jobId)
        .put("talent_id", talentId).put("stage_id", stageId).put("page", page).put("lang", lang);
    if (fromProfile) {
      QuickActions.onProfile(v, page, back, contact);
    } else {
      list.writeFilter(v);
    }
    if (!via.isEmpty()) {
      v.put(VIA, via).put(ORIGIN, origin);
    }
    if (PRIVATELY.equals(via) && clicked.chatId() != null) {
      v.put(ORIGIN_CHAT, clicked.chatId());
    }
    return v;
  }

  /** The value that shows again the view the button sat on (a form's Back button). */
  ObjectNode viewValue(ObjectNode blank, String lang) {
    if (!fromProfile) {
      return list.view(blank, page, lang);
    }
    ObjectNode profile = blank.put("action", SharedActions.PROFILE_OPEN).put("talent_id", talentId).put("page", page)
        .put("lang", lang);
    if (contact) {
      // Back from a form to a private chat's profile shows its contact data again (the profile's pager checks where).
      profile.put(QuickActions.CONTACT, true);
    }
    return back == null ? profile : profile.set(SharedActions.BACK, back);
  }
}
