package io.hirebot.sandbox.card;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/** Checks msg_type and the content JSON string of a send/reply like Feishu (230001, 230025, 230099); stateless. */
public final class ContentValidator {

  public static final Set<String> MSG_TYPES = Set.of("text", "post", "image", "file", "audio", "media", "sticker",
      "interactive", "share_chat", "share_user", "system");
  static final int TEXT_MAX_BYTES = 150 * 1024;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ContentValidator() {}

  /** Returns the parsed content, or throws a {@link CardViolation} with Feishu's code. */
  public static JsonNode validate(String msgType, String content) {
    if (msgType == null || !MSG_TYPES.contains(msgType)) {
      throw new CardViolation(230001, "invalid msg_type: " + msgType);
    }
    if (content == null || content.isEmpty()) {
      throw new CardViolation(230001, "content is required and must be a JSON string");
    }
    JsonNode node = parse(msgType, content);
    switch (msgType) {
      case "text" -> {
        if (content.getBytes(StandardCharsets.UTF_8).length > TEXT_MAX_BYTES) {
          throw new CardViolation(230025, "message content is too long: text is limited to 150 KB");
        }
        if (!node.path("text").isTextual()) {
          throw new CardViolation(230001, "invalid content: text message needs a string field \"text\"");
        }
      }
      case "post" -> {
        if (content.getBytes(StandardCharsets.UTF_8).length > CardValidator.MAX_BYTES) {
          throw new CardViolation(230025, "message content is too long: post is limited to 30 KB");
        }
        if (!node.isObject() || node.isEmpty()) {
          throw new CardViolation(230001, "invalid content: post needs a locale object or title/content");
        }
      }
      case "interactive" -> CardValidator.validate(content, node);
      default -> {
        if (!node.isObject()) {
          throw new CardViolation(230001, "invalid content: must be a JSON object");
        }
      }
    }
    return node;
  }

  private static JsonNode parse(String msgType, String content) {
    try {
      JsonNode node = MAPPER.readTree(content);
      if (node == null || !node.isObject()) {
        throw new JsonProcessingException("content is not a JSON object") {
          private static final long serialVersionUID = 1L;
        };
      }
      return node;
    } catch (JsonProcessingException e) {
      if ("interactive".equals(msgType)) {
        throw new CardViolation(230099, "Failed to create card content, ext=ErrCode: 200621; ErrMsg: parse card json err;");
      }
      throw new CardViolation(230001, "invalid content: content is not a valid JSON string");
    }
  }
}
