package io.hirebot.bot.middleware;

import io.vertx.core.Future;

/**
 * Remembers which events were already taken, so Feishu's retries and duplicate deliveries act once.
 * The persistence issue moves this into the database so it spans restarts and replicas.
 */
public interface ProcessedEvents {
  /** Completes with true for the first claim of {@code key}, false for every later one. */
  Future<Boolean> claim(String key);
}
