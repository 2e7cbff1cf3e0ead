package io.hirebot.feishu.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import io.hirebot.bot.inbound.ChatRef;
import io.hirebot.bot.inbound.IncomingMessage;
import io.hirebot.feishu.FeishuIds;
import java.time.Instant;

/** Maps the {@code event} of {@code im.message.receive_v1} to {@link IncomingMessage}; pure. */
final class IncomingMessages {

  /** Above this a create_time is in microseconds (the card-callback docs show 16 digits). */
  private static final long MICROS_THRESHOLD = 100_000_000_000_000L;

  private IncomingMessages() {}

  static IncomingMessage map(String eventId, JsonNode header, JsonNode event, String botOpenId) {
    JsonNode message = Fields.requiredObject(event, "message", "event.message");
    String messageType = Fields.optional(message, "message_type");
    String type = messageType == null ? "" : messageType;
    MessageText.Rendered text = MessageText.render(
        type, Fields.text(message, "content"), message.get("mentions"), botOpenId);
    return new IncomingMessage(
        eventId,
        Fields.id(message, "message_id", "event.message.message_id", FeishuIds.Kind.MESSAGE),
        new ChatRef(Fields.id(message, "chat_id", "event.message.chat_id", FeishuIds.Kind.CHAT), chatType(message)),
        Fields.requiredUser(event.path("sender").path("sender_id"), "event.sender.sender_id"),
        type,
        text.text(),
        text.mentionsBot(),
        createdAt(message, header));
  }

  /** Anything but "p2p" counts as a group, so the stricter group rules (mention required) apply. */
  private static ChatRef.ChatType chatType(JsonNode message) {
    return "p2p".equals(Fields.optional(message, "chat_type")) ? ChatRef.ChatType.P2P : ChatRef.ChatType.GROUP;
  }

  /** message.create_time (ms), else the envelope's header.create_time; one of them must parse. */
  private static Instant createdAt(JsonNode message, JsonNode header) {
    Instant fromMessage = epoch(Fields.optional(message, "create_time"));
    if (fromMessage != null) {
      return fromMessage;
    }
    Instant fromHeader = epoch(Fields.optional(header, "create_time"));
    if (fromHeader == null) {
      throw new MalformedEventException("missing event.message.create_time");
    }
    return fromHeader;
  }

  private static Instant epoch(String value) {
    if (value == null) {
      return null;
    }
    try {
      long n = Long.parseLong(value);
      return n > MICROS_THRESHOLD ? Instant.ofEpochMilli(n / 1000) : Instant.ofEpochMilli(n);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
