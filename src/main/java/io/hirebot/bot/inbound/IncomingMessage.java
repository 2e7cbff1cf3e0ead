package io.hirebot.bot.inbound;

import java.time.Instant;

/**
 * A chat message sent to the bot ({@code im.message.receive_v1}).
 *
 * @param text the message as plain text: for {@code post} messages the paragraphs joined by newlines;
 *     mentions of the bot removed, other {@code @_user_N} placeholders replaced by {@code @Name}; trimmed
 * @param mentionsBot whether the bot itself is @-mentioned (by open_id)
 * @param messageType Feishu's message_type (text, post, image, …); text is empty for non-text kinds
 */
public record IncomingMessage(
    String eventId,
    String messageId,
    ChatRef chat,
    UserRef sender,
    String messageType,
    String text,
    boolean mentionsBot,
    Instant createdAt)
    implements InboundEvent {
  @Override
  public String dedupKey() {
    return "msg:" + messageId;
  }

  /** The sender's open_id, or null when the event named none. */
  public String senderId() {
    return sender == null ? null : sender.openId();
  }
}
