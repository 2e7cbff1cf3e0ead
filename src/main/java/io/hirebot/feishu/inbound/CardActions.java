package io.hirebot.feishu.inbound;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.bot.inbound.CardAction;
import io.hirebot.bot.inbound.UserRef;
import io.hirebot.feishu.FeishuIds;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** Maps {@code card.action.trigger} (schema 2.0) and legacy {@code card.action.trigger_v1} bodies to {@link CardAction}; pure. */
final class CardActions {

  private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};
  /** 128 bits of the hash: plenty to keep distinct clicks apart, short enough for logs and keys. */
  private static final int LEGACY_ID_BYTES = 16;

  private CardActions() {}

  /** The schema 2.0 callback: operator, token, action and context live under {@code event}. */
  static CardAction fromV2(String eventId, JsonNode event) {
    JsonNode context = event.path("context");
    return build(
        eventId,
        Fields.user(event.path("operator"), "event.operator"),
        Fields.optionalId(context, "open_message_id", "event.context.open_message_id", FeishuIds.Kind.MESSAGE),
        Fields.optionalId(context, "open_chat_id", "event.context.open_chat_id", FeishuIds.Kind.CHAT),
        Fields.optional(event, "token"),
        Fields.requiredObject(event, "action", "event.action"));
  }

  /**
   * The legacy callback: everything at the top level and no event id in the body, so the id is a hash
   * of open_message_id and the per-click update token, stable across Feishu's duplicate sends.
   */
  static CardAction fromLegacy(JsonNode plain) {
    String messageId = Fields.id(plain, "open_message_id", "open_message_id", FeishuIds.Kind.MESSAGE);
    String token = Fields.required(plain, "token", "token");
    return build(
        legacyEventId(messageId, token),
        Fields.user(plain, ""),
        messageId,
        Fields.optionalId(plain, "open_chat_id", "open_chat_id", FeishuIds.Kind.CHAT),
        token,
        Fields.requiredObject(plain, "action", "action"));
  }

  private static CardAction build(
      String eventId, UserRef operator, String messageId, String chatId, String token, JsonNode action) {
    return new CardAction(
        eventId,
        operator,
        messageId,
        chatId,
        token,
        Fields.optional(action, "tag"),
        value(action.get("value")),
        Fields.text(action, "option"),
        formValue(action.get("form_value")),
        Fields.text(action, "input_value"));
  }

  /** Docs allow a string value but our cards always send objects; anything else reads as "no value". */
  private static ObjectNode value(JsonNode value) {
    return value != null && value.isObject() ? ((ObjectNode) value).deepCopy() : JsonNodeFactory.instance.objectNode();
  }

  private static Map<String, Object> formValue(JsonNode form) {
    if (form == null || !form.isObject()) {
      return Map.of();
    }
    // unmodifiableMap, not Map.copyOf: a cleared form field arrives as JSON null.
    return Collections.unmodifiableMap(PlainJson.MAPPER.convertValue(form, MAP));
  }

  static String legacyEventId(String messageId, String token) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      byte[] digest = sha256.digest((messageId + "\n" + token).getBytes(StandardCharsets.UTF_8));
      // Hashed rather than concatenated: the update token grants card edits and must not reach logs.
      return "legacy_" + HexFormat.of().formatHex(digest, 0, LEGACY_ID_BYTES);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JDK", e);
    }
  }
}
