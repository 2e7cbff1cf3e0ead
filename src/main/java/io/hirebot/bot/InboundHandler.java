package io.hirebot.bot;

import io.hirebot.bot.inbound.CardAction;
import io.hirebot.bot.inbound.InboundEvent;
import io.vertx.core.Future;

/** What the webhook edge hands verified events to. Called on the event loop; must not block. */
public interface InboundHandler {

  /**
   * Takes an event: completes as soon as it is durably claimed (or known as a duplicate), so the webhook
   * can acknowledge; the processing itself goes on afterwards.
   *
   * @param envelope the event's plaintext JSON, stored so a crash before processing can replay it
   */
  Future<Void> onEvent(InboundEvent event, String envelope);

  /** Answers a card click; the future must complete within Feishu's 3 s callback budget. */
  Future<ActionResult> onCardAction(CardAction action);
}
