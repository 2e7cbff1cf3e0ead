package io.hirebot.bot;

import io.hirebot.bot.inbound.CardAction;
import io.hirebot.bot.inbound.InboundEvent;
import io.vertx.core.Future;

/** What the webhook edge hands verified events to. Called on the event loop; must not block. */
public interface InboundHandler {

  /** Takes an event for processing after the webhook has been acknowledged; returns at once. */
  void onEvent(InboundEvent event);

  /** Answers a card click; the future must complete within Feishu's 3 s callback budget. */
  Future<ActionResult> onCardAction(CardAction action);
}
