package io.hirebot.feishu.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import io.hirebot.bot.inbound.UserRef;

/** Null-safe reads of envelope fields; required ones throw {@link MalformedEventException} naming the path. */
final class Fields {

  private Fields() {}

  /** A non-empty string field, or {@link MalformedEventException} naming {@code path}. */
  static String required(JsonNode parent, String field, String path) {
    String value = optional(parent, field);
    if (value == null) {
      throw new MalformedEventException("missing " + path);
    }
    return value;
  }

  /** A non-empty string field, or null when absent, empty or not a string. */
  static String optional(JsonNode parent, String field) {
    JsonNode node = parent == null ? null : parent.get(field);
    return node != null && node.isTextual() && !node.asText().isEmpty() ? node.asText() : null;
  }

  /** A string field as sent (possibly empty), or null when absent or not a string. */
  static String text(JsonNode parent, String field) {
    JsonNode node = parent == null ? null : parent.get(field);
    return node != null && node.isTextual() ? node.asText() : null;
  }

  /** An object field, or {@link MalformedEventException} naming {@code path}. */
  static JsonNode requiredObject(JsonNode parent, String field, String path) {
    JsonNode node = parent == null ? null : parent.get(field);
    if (node == null || !node.isObject()) {
      throw new MalformedEventException("missing " + path);
    }
    return node;
  }

  /** A Feishu id triple ({@code open_id}, {@code union_id}, {@code user_id}); empty ids become null. */
  static UserRef user(JsonNode ids) {
    return new UserRef(optional(ids, "open_id"), optional(ids, "union_id"), optional(ids, "user_id"));
  }
}
