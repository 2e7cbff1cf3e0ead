package io.hirebot.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A card the bot sent with {@code POST /open-apis/ephemeral/v1/send}: shown in a group chat to one member only
 * ("仅对你可见"), never forwarded, not updatable by PATCH, removed by {@code ephemeral/v1/delete}.
 *
 * @param card the card as sent, or as a card callback's answer replaced it
 */
public record EphemeralCard(String messageId, String chatId, String openId, JsonNode card, Instant createTime) {

  EphemeralCard withCard(JsonNode replaced) {
    return new EphemeralCard(messageId, chatId, openId, replaced, createTime);
  }
}
