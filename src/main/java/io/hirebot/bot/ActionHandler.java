package io.hirebot.bot;

import io.hirebot.bot.inbound.CardAction;
import io.hirebot.i18n.Language;
import io.vertx.core.Future;

/** Answers one kind of card click, keyed by the callback value's {@code action}. */
@FunctionalInterface
public interface ActionHandler {
  Future<ActionResult> handle(CardAction action, Language language);
}
