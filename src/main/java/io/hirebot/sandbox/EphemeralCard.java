package io.hirebot.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A card the bot sent with {@code POST /open-apis/ephemeral/v1/send}: shown in a group chat to one member only
 * ("仅对你可见"), never forwarded, not updatable by PATCH, removed by {@code ephemeral/v1/delete}.
 *
 * @param card the card as sent, or as a card callback's answer replaced it
 * @param earlier the cards it showed before, oldest first (a click on one drawn before the last answer still counts)
 */
public record EphemeralCard(String messageId, String chatId, String openId, JsonNode card, Instant createTime,
    List<JsonNode> earlier) {

  public EphemeralCard {
    earlier = List.copyOf(earlier);
  }

  /** A card as just sent. */
  public EphemeralCard(String messageId, String chatId, String openId, JsonNode card, Instant createTime) {
    this(messageId, chatId, openId, card, createTime, List.of());
  }

  /** Which version is shown: 0 as sent, n after the n-th callback answer. */
  public int version() {
    return earlier.size();
  }

  /** The card of one version, or null for a version it never had. */
  public JsonNode cardAt(int version) {
    return version < 0 || version > earlier.size() ? null : version == earlier.size() ? card : earlier.get(version);
  }

  EphemeralCard withCard(JsonNode replaced) {
    List<JsonNode> shown = new ArrayList<>(earlier);
    shown.add(card);
    return new EphemeralCard(messageId, chatId, openId, replaced, createTime, shown);
  }
}
