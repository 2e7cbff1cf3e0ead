package io.hirebot.sandbox;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** Pushes the Hire events Feishu fires after API changes (when the bot's event URL is set); thread-safe. */
final class HireEvents implements HireTenant.Listener {

  private final EventPusher pusher;

  HireEvents(EventPusher pusher) {
    this.pusher = pusher;
  }

  @Override
  public void stageChanged(String applicationId, String fromStageId, String toStageId, long time) {
    if (pusher.canDeliverEvents()) {
      pusher.raw("hire.application.stage_changed_v1", new JsonObject().put("application_id", applicationId)
          .put("origin_stage_id", fromStageId).put("target_stage_id", toStageId).put("update_time", time));
    }
  }

  @Override
  public void applicationsDeleted(List<String> applicationIds) {
    if (pusher.canDeliverEvents()) {
      pusher.raw("hire.application.deleted_v1", new JsonObject().put("application_ids", new JsonArray(applicationIds)));
    }
  }

  @Override
  public void offerStatusChanged(String offerId, int status) {
    if (pusher.canDeliverEvents()) {
      pusher.raw("hire.offer.status_changed_v1", new JsonObject().put("offer_id", offerId).put("offer_status", status));
    }
  }
}
