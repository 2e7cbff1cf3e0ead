package io.hirebot.feature.candidates;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.bot.inbound.CardAction;

/**
 * What a candidate button's callback value names: the application, and what the card showed when it
 * was sent (stage, page), so a click on an out-of-date card can be told apart from a current one.
 */
public record ActionTarget(String applicationId, String jobId, String talentId, String stageId, int page) {

  static ActionTarget of(CardAction action) {
    ObjectNode v = action.value();
    return new ActionTarget(v.path("application_id").asText(""), v.path("job_id").asText(""),
        v.path("talent_id").asText(""), v.path("stage_id").asText(""), Math.max(0, v.path("page").asInt(0)));
  }

  boolean complete() {
    return !applicationId.isEmpty() && !jobId.isEmpty() && !stageId.isEmpty();
  }

  /** The value a follow-up button (form submit, undo) carries, with the given action name. */
  ObjectNode value(ObjectNode blank, String action, String lang) {
    return blank.put("action", action).put("application_id", applicationId).put("job_id", jobId)
        .put("talent_id", talentId).put("stage_id", stageId).put("page", page).put("lang", lang);
  }
}
