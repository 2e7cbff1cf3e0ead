package io.hirebot.bot;

import io.hirebot.i18n.Language;
import io.hirebot.i18n.Messages;
import io.vertx.core.Future;

/**
 * A command the asker may not run (DESIGN §5), as its handler's failed {@code Future}: the dispatcher answers with
 * {@link #reply()} and the audit records the attempt as refused. Not a failure: nothing is logged, no stack is kept.
 */
public final class Refusal extends RuntimeException {
  private final transient Reply reply;

  public Refusal(Reply reply) {
    super("refused", null, false, false);
    this.reply = reply;
  }

  public Reply reply() {
    return reply;
  }

  /** The refusal saying the i18n pattern {@code key}. */
  public static <T> Future<T> of(Messages messages, Language lang, String key, Object... args) {
    return Future.failedFuture(new Refusal(Reply.text(messages, lang, key, args)));
  }
}
