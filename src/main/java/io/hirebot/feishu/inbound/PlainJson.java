package io.hirebot.feishu.inbound;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/** Strict parsing of webhook JSON (UTF-8 only, one object, no duplicate keys); thread-safe. */
final class PlainJson {

  /**
   * Duplicate keys and trailing data are refused because the signature covers the raw bytes: a parser
   * that silently picks one of two "token" fields would let the signed text and the read value differ.
   */
  static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private PlainJson() {}

  /** Decodes UTF-8, refusing malformed sequences instead of replacing them. */
  static String strictUtf8(byte[] bytes) {
    try {
      // newDecoder() reports malformed input; String's constructor would silently substitute U+FFFD.
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("body is not UTF-8");
    }
  }

  /** Parses text as exactly one JSON object; {@link IllegalArgumentException} with a short reason otherwise. */
  static ObjectNode parseObject(String text) {
    JsonNode node;
    try {
      node = MAPPER.readTree(text);
    } catch (JacksonException e) {
      // The parser's message quotes the input; keep it out of logs and 4xx bodies.
      throw new IllegalArgumentException("body is not valid JSON");
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("body is not a JSON object");
    }
    return (ObjectNode) node;
  }
}
