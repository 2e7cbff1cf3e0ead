package io.hirebot.bot;

import io.vertx.core.Future;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Private messages that must go out once across restarts and replicas (reminders, nudges, escalations): each is
 * claimed under its key (a unique row in the reminders ledger) before it is rendered and sent; a later claim of
 * the same key sends nothing. A send that fails after its claim is logged, not retried (as Feishu may have it).
 */
public final class ClaimedMessages {
  private static final Logger log = LoggerFactory.getLogger(ClaimedMessages.class);

  private final Function<String, Future<Boolean>> claim;
  private final Messenger messenger;

  /** @param claim true for the first claim of a key, false afterwards ({@code ReminderLedger::claim}) */
  public ClaimedMessages(Function<String, Future<Boolean>> claim, Messenger messenger) {
    this.claim = claim;
    this.messenger = messenger;
  }

  /** Sends {@code reply} (rendered only when claimed) to the user's private chat, once per {@code key}. */
  public Future<?> sendToUser(String key, String openId, Supplier<Reply> reply) {
    return claim.apply(key).compose(first -> !first ? Future.succeededFuture()
        : messenger.sendToUser(openId, reply.get(), key)
            .onFailure(e -> log.warn("claimed message not sent key={} user={} cause={}", key, openId, e.toString())));
  }
}
