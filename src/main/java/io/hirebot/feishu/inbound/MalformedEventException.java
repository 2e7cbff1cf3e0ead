package io.hirebot.feishu.inbound;

/**
 * A verified envelope lacks a field the bot needs (event_id, message_id, …); the HTTP edge answers 400.
 * The message names the missing path only, never values, so it is safe for logs and response bodies.
 */
public final class MalformedEventException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MalformedEventException(String reason) {
    super(reason, null, false, false); // no stack trace: an expected, sender-caused condition
  }
}
