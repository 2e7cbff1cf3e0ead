package io.hirebot.bot.inbound;

import java.util.List;

/** A Feishu Hire event: its payloads carry ids only (reference/feishu-hire-api.md §11). */
public sealed interface HireEvent extends InboundEvent {
  String eventId();

  @Override
  default String dedupKey() {
    return "ev:" + eventId();
  }

  /** {@code hire.application.stage_changed_v1}. */
  record StageChanged(String eventId, String applicationId, String originStageId, String targetStageId,
      long updateTimeMillis) implements HireEvent {}

  /** {@code hire.application.deleted_v1}. */
  record ApplicationsDeleted(String eventId, List<String> applicationIds) implements HireEvent {
    public ApplicationsDeleted {
      applicationIds = List.copyOf(applicationIds);
    }
  }

  /** {@code hire.offer.status_changed_v1}; {@code offerStatus} is null when Feishu left it out. */
  record OfferStatusChanged(String eventId, String offerId, Integer offerStatus) implements HireEvent {}
}
