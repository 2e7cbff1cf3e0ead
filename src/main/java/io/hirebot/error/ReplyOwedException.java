package io.hirebot.error;

/**
 * A click's answer that is a new message (a group card's profile, posted below it) Feishu would not take for now (a
 * rate limit, an outage, past the bot's own retries): it is kept and sent again under the same uuid, so the clicker
 * is told it will follow rather than that it failed.
 */
public final class ReplyOwedException extends RuntimeException {
  public ReplyOwedException(Throwable cause) {
    super("reply kept to be sent again: " + cause.getMessage(), cause, false, false);
  }
}
