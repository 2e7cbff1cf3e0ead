package io.hirebot.feishu.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import io.hirebot.bot.inbound.UserRef;
import io.hirebot.feishu.FeishuIds;

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

  /** A required id of the given kind; a missing or misshapen one (too long, wrong prefix, a {@code /}) is malformed. */
  static String id(JsonNode parent, String field, String path, FeishuIds.Kind kind) {
    return checked(required(parent, field, path), path, kind);
  }

  /** Like {@link #id} for an optional field: null when absent, malformed when present and misshapen. */
  static String optionalId(JsonNode parent, String field, String path, FeishuIds.Kind kind) {
    String value = optional(parent, field);
    return value == null ? null : checked(value, path, kind);
  }

  /** {@code value} if it has the shape of a {@code kind}, else {@link MalformedEventException} naming {@code path}. */
  static String checked(String value, String path, FeishuIds.Kind kind) {
    if (!FeishuIds.valid(kind, value)) {
      throw new MalformedEventException(path + ": " + FeishuIds.describe(kind, value));
    }
    return value;
  }

  /**
   * A Feishu id triple ({@code open_id}, {@code union_id}, {@code user_id}); empty ids become null. The open_id
   * is what we address users by, so it must have its shape.
   */
  static UserRef user(JsonNode ids, String path) {
    return new UserRef(optionalId(ids, "open_id", path.isEmpty() ? "open_id" : path + ".open_id", FeishuIds.Kind.OPEN_ID),
        optional(ids, "union_id"), optional(ids, "user_id"));
  }

  /**
   * Like {@link #user}, for a user the bot must answer (a message's sender): one without an open_id of the right shape
   * is malformed, refused before it is taken, since it could only be retried until its attempts ran out.
   */
  static UserRef requiredUser(JsonNode ids, String path) {
    return new UserRef(id(ids, "open_id", path + ".open_id", FeishuIds.Kind.OPEN_ID), optional(ids, "union_id"),
        optional(ids, "user_id"));
  }
}
