package io.hirebot.feishu.inbound;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
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

  /** Per thread: a decoder reports malformed input where String's constructor substitutes U+FFFD; not thread-safe. */
  private static final ThreadLocal<CharsetDecoder> UTF8 = ThreadLocal.withInitial(StandardCharsets.UTF_8::newDecoder);

  /**
   * Decodes UTF-8, refusing malformed sequences instead of replacing them. An all-ASCII body (every encrypted
   * envelope: {"encrypt":"<base64>"}) is valid UTF-8 as it is and decodes byte for byte, so it is copied once into a
   * String; anything else goes through this thread's strict decoder (a new decoder, its char buffer and the copy out
   * of it were the event loop's largest allocation under intake load).
   */
  static String strictUtf8(byte[] bytes) {
    if (ascii(bytes)) {
      return new String(bytes, StandardCharsets.ISO_8859_1);
    }
    try {
      // decode() resets the decoder first and reports malformed input (the decoder's default action).
      return UTF8.get().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("body is not UTF-8");
    }
  }

  private static boolean ascii(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0) {
        return false;
      }
    }
    return true;
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
