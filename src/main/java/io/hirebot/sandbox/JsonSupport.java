package io.hirebot.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.json.JsonObject;

/** The sandbox's one Jackson mapper and conversions between Jackson trees and Vert.x JSON; thread-safe. */
final class JsonSupport {

  static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonSupport() {}

  /** Parses JSON text; throws IllegalArgumentException when it is not JSON. */
  static JsonNode parse(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e.getOriginalMessage(), e);
    }
  }

  static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static JsonObject toVertx(JsonNode node) {
    return new JsonObject(write(node));
  }

  static JsonNode toJackson(JsonObject json) {
    return parse(json.encode());
  }
}
