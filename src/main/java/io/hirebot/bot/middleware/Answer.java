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
   * @param outcome what came of the command, as the audit log records it
   */
  record Send(Reply reply, Future<Reply> late, Outcome outcome) implements Answer {
    public Send(Reply reply, Future<Reply> late) {
      this(reply, late, Outcome.OK);
    }
  }

  record Click(ActionResult result) implements Answer {}

  /**
   * What came of a command, as the audit log records it.
   *
   * @param result {@code ok}, {@code refused}, {@code failed} or {@code late} (its deadline passed; it goes on)
   * @param logId the failed call's X-Tt-Logid, or the reference of a failure of ours; "" otherwise
   */
  record Outcome(String result, String logId) {
    public static final Outcome OK = new Outcome("ok", "");
    public static final Outcome REFUSED = new Outcome("refused", "");
    public static final Outcome LATE = new Outcome("late", "");
    public static final Outcome DUPLICATE = new Outcome("duplicate", "");

    public static Outcome failed(String logId) {
      return new Outcome("failed", logId == null ? "" : logId);
    }
  }

  static Answer send(Reply reply) {
    return new Send(reply, null);
  }

  static Answer refused(Reply reply) {
    return new Send(reply, null, Outcome.REFUSED);
  }
}
