package io.hirebot.bot.middleware;

import io.hirebot.bot.ActionResult;
import io.hirebot.bot.inbound.CardAction;
import io.hirebot.i18n.Language;
import io.vertx.core.Future;
import java.util.Optional;

/**
 * A check every card click passes before its handler runs, as {@link CommandGate} is for commands: empty lets
 * the click through, a result is the answer (a toast) given instead of acting.
 */
@FunctionalInterface
public interface ActionGate {
  Future<Optional<ActionResult>> check(CardAction action, Language language);
}
