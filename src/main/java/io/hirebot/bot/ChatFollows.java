package io.hirebot.bot;

import io.vertx.core.Future;

/**
 * Whether a chat follows a job (its notifications land there): the subscriptions feature answers, the candidates card
 * shows it ("✓ Following · Unfollow" instead of Follow) without importing that feature. Non-blocking; completes on the
 * caller's context.
 */
@FunctionalInterface
public interface ChatFollows {
  /** False for a null chat (a card whose chat the bot does not know). */
  Future<Boolean> follows(String chatId, String jobId);
}
