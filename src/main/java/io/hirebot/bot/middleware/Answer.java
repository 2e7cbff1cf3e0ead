package io.hirebot.bot.middleware;

import io.hirebot.bot.ActionResult;
import io.hirebot.bot.Reply;
import io.vertx.core.Future;

/** What came of an inbound event: nothing to say, a message to send, or the answer to a card click. */
public sealed interface Answer {
  Answer NONE = new Nothing();

  /** Dropped (a duplicate, the bot's own message, a group message not addressed to it) or done without a word. */
  record Nothing() implements Answer {}

  /**
   * @param late the command's work when it missed its deadline and {@code reply} says so: its result replaces
   *     the reply's card when it arrives; null otherwise
   */
  record Send(Reply reply, Future<Reply> late) implements Answer {}

  record Click(ActionResult result) implements Answer {}

  static Answer send(Reply reply) {
    return new Send(reply, null);
  }
}
