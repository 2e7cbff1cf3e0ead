package io.hirebot.bot;

import io.hirebot.i18n.Language;
import io.vertx.core.Future;
import java.util.Optional;

/**
 * The digest a chat has scheduled, as words: the digest feature answers, others (the chat's "subscriptions" list)
 * show it without importing that feature. Non-blocking; completes on the caller's context.
 */
@FunctionalInterface
public interface ChatDigests {
  /** "every day at 09:00 (Asia/Shanghai) for Backend Engineer (BE-001)"; empty when the chat has no digest. */
  Future<Optional<Reply.Text>> describe(String chatId, Language lang);
}
