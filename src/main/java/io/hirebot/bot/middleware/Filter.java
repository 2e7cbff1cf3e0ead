package io.hirebot.bot.middleware;

import io.vertx.core.Future;

/**
 * A step that only drops events, judging each by the event alone (no store, no counter, no reply): whether it
 * drops one is known before the event is claimed, so {@link Deduplicate} stores such an event as finished at once.
 */
public interface Filter extends Middleware {

  /** Whether this step drops {@code in}; pure: the same event gets the same answer, and nothing changes. */
  boolean drops(Inbound in);

  @Override
  default Future<Answer> apply(Inbound in, Next next) {
    return drops(in) ? Future.succeededFuture(Answer.NONE) : next.run();
  }
}
