package io.hirebot.feishu.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import io.hirebot.bot.inbound.HireEvent;
import io.hirebot.feishu.EpochTimes;
import io.hirebot.feishu.FeishuIds;
import java.util.ArrayList;
import java.util.List;

/** Maps the three Hire events the bot acts on (reference/feishu-hire-api.md §11) to {@link HireEvent}s. */
final class HireEvents {
  private static final FeishuIds.Kind HIRE = FeishuIds.Kind.HIRE;
  static final String STAGE_CHANGED = "hire.application.stage_changed_v1";
  static final String APPLICATION_DELETED = "hire.application.deleted_v1";
  static final String OFFER_STATUS_CHANGED = "hire.offer.status_changed_v1";

  private HireEvents() {}

  static HireEvent map(String eventId, String eventType, JsonNode event) {
    if (STAGE_CHANGED.equals(eventType)) {
      return new HireEvent.StageChanged(eventId, Fields.id(event, "application_id", "event.application_id", HIRE),
          Fields.optionalId(event, "origin_stage_id", "event.origin_stage_id", HIRE),
          Fields.id(event, "target_stage_id", "event.target_stage_id", HIRE),
          // update_time is a number in the SDK model, but tolerate a string of digits too; in ms as documented, but
          // Hire's times also come in seconds; 0 (unknown) when absent or beyond what ms hold (EpochTimes.instant)
          EpochTimes.millis(event.path("update_time").asLong(0)));
    }
    if (APPLICATION_DELETED.equals(eventType)) {
      List<String> ids = new ArrayList<>();
      event.path("application_ids").forEach(n -> {
        if (n.isTextual() && !n.asText().isEmpty()) {
          ids.add(Fields.checked(n.asText(), "event.application_ids", HIRE));
        }
      });
      if (ids.isEmpty()) {
        throw new MalformedEventException("missing event.application_ids");
      }
      return new HireEvent.ApplicationsDeleted(eventId, ids);
    }
    JsonNode status = event.get("offer_status");
    return new HireEvent.OfferStatusChanged(eventId, Fields.id(event, "offer_id", "event.offer_id", HIRE),
        status != null && status.canConvertToInt() ? Integer.valueOf(status.asInt()) : null);
  }
}
