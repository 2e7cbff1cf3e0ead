package io.hirebot.bot.middleware;

import io.vertx.core.Future;
import java.util.Set;

/**
 * One step of the chain every inbound event passes before it is routed (Bolt's {@code Middleware}): it answers
 * itself (a refusal, or nothing for an event that is not for the bot), or hands the event on with {@code next}.
 */
public interface Middleware {

  /** The rest of the chain, ending in the handler. */
  @FunctionalInterface
  interface Next {
    Future<Answer> run();
  }

  /** The kinds this step applies to; the others pass it untouched. */
  Set<Inbound.Kind> kinds();

  Future<Answer> apply(Inbound in, Next next);
}
