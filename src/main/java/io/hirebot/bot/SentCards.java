package io.hirebot.bot;

import io.hirebot.bot.inbound.ChatRef;
import io.vertx.core.Future;
import java.util.Collection;
import java.util.Optional;

/** What the bot remembers of the cards it sent: where each one is, so a click knows what kind of chat it came from. */
public interface SentCards extends CardSentListener {

  /** The kind of chat the card message is in; empty when the bot never learnt it. */
  Future<Optional<ChatRef.ChatType>> chatType(String messageId);

  /**
   * A click on these messages is changing the application, and its answer will show the change with what was done
   * and an Undo: the Hire event that change fires must not re-render them and drop that.
   */
  Future<Void> answering(Collection<String> messageIds, String applicationId);

  /**
   * The bot changed the application in a way Hire fires no event for (a rejection, a restore: neither moves it to
   * another stage): brings the cards showing it or its job up to date as that stage change's event does, but for
   * the ones answering the change.
   */
  Future<Void> changedWithoutEvent(String applicationId, String jobId);
}
