package io.hirebot.bot.middleware;

import io.vertx.core.Future;
import java.util.List;

/**
 * The middleware every inbound event passes, in the one order they run (Bolt's): de-duplication, self-filter,
 * mention filter, per-user rate limit, menu, audit, hiring-data gate; then the handler. Each step applies only to the
 * kinds it names, so a click meets the same rate limit and gate a command meets. Audit comes before the gate, so it
 * records the gate's refusals with everything else.
 */
public final class MiddlewareChain {
  private final List<Middleware> steps;

  public MiddlewareChain(Deduplicate dedupe, SelfFilter self, MentionFilter mention, UserRateLimit rateLimit,
      MenuReadOnly menu, Audit audit, HiringDataGate gate) {
    this(List.of(dedupe, self, mention, rateLimit, menu, audit, gate));
  }

  MiddlewareChain(List<Middleware> steps) {
    this.steps = List.copyOf(steps);
  }

  /**
   * A chain of just these steps, in this order: for tests of features behind the dispatcher without the gates,
   * which the end-to-end journeys cover (the app builds the full chain with the constructor above).
   */
  public static MiddlewareChain of(Middleware... steps) {
    return new MiddlewareChain(List.of(steps));
  }

  /** Passes {@code in} through every step that applies to its kind, then to {@code handler}. */
  public Future<Answer> run(Inbound in, Middleware.Next handler) {
    return step(0, in, handler);
  }

  private Future<Answer> step(int i, Inbound in, Middleware.Next handler) {
    while (i < steps.size() && !steps.get(i).kinds().contains(in.kind())) {
      i++;
    }
    int at = i;
    try {
      return at == steps.size() ? handler.run() : steps.get(at).apply(in, () -> step(at + 1, in, handler));
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }
}
