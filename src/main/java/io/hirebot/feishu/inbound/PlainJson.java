package io.hirebot.feishu.inbound;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;

/** Strict parsing of webhook JSON (UTF-8 only, one object, no duplicate keys); thread-safe. */
final class PlainJson {

  /**
   * Duplicate keys and trailing data are refused because the signature covers the raw bytes: a parser
   * that silently picks one of two "token" fields would let the signed text and the read value differ.
   * {@link #parseObject} enforces that itself; this mapper, strict too, converts trees it built.
   */
  static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** Tokens for {@link #parseObject}, which finds repeated keys and trailing data itself. */
  private static final JsonFactory TOKENS = JsonFactory.builder().build();

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
    return strictUtf8(bytes, bytes.length);
  }

  /** As {@link #strictUtf8(byte[])} for the first {@code length} bytes. */
  static String strictUtf8(byte[] bytes, int length) {
    if (ascii(bytes, length)) {
      return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
    }
    try {
      // decode() resets the decoder first and reports malformed input (the decoder's default action).
      return UTF8.get().decode(ByteBuffer.wrap(bytes, 0, length)).toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("body is not UTF-8");
    }
  }

  private static boolean ascii(byte[] bytes, int length) {
    for (int i = 0; i < length; i++) {
      if (bytes[i] < 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Where the base64 text of a body that is exactly {@code {"encrypt":"<base64>"}} (JSON whitespace allowed around the
   * tokens) lies: {@code start << 32 | end} (end exclusive), or -1 for any other body, which then goes through
   * {@link #parseObject}. Every encrypted Feishu push has this shape: it is read in place, without a String of the body
   * or a JSON tree (a fifth of the event loops' allocation under intake load). The grammar admits only what the strict
   * parser admits too, with one key, so no duplicate can hide.
   */
  static long sealedSpan(byte[] body) {
    int i = skipSpace(body, 0);
    if (i >= body.length || body[i] != '{') {
      return -1;
    }
    i = skipSpace(body, i + 1);
    if (!startsWith(body, i, ENCRYPT_KEY)) {
      return -1;
    }
    i = skipSpace(body, i + ENCRYPT_KEY.length);
    if (i >= body.length || body[i] != ':') {
      return -1;
    }
    i = skipSpace(body, i + 1);
    if (i >= body.length || body[i] != '"') {
      return -1;
    }
    int start = i + 1;
    int end = start;
    while (end < body.length && base64(body[end])) {
      end++;
    }
    if (end >= body.length || body[end] != '"') {
      return -1;
    }
    i = skipSpace(body, end + 1);
    if (i >= body.length || body[i] != '}' || skipSpace(body, i + 1) != body.length) {
      return -1;
    }
    return (long) start << 32 | end;
  }

  private static final byte[] ENCRYPT_KEY = "\"encrypt\"".getBytes(StandardCharsets.US_ASCII);

  /** Base64's alphabet and its padding, by byte value (a table: a body's ~1.3 KB of it is scanned per event). */
  private static final boolean[] BASE64 = new boolean[128];

  static {
    for (byte b : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=".getBytes(StandardCharsets.US_ASCII)) {
      BASE64[b] = true;
    }
  }

  private static boolean base64(byte b) {
    return b >= 0 && BASE64[b];
  }

  private static boolean startsWith(byte[] body, int at, byte[] prefix) {
    if (body.length - at < prefix.length) {
      return false;
    }
    for (int k = 0; k < prefix.length; k++) {
      if (body[at + k] != prefix[k]) {
        return false;
      }
    }
    return true;
  }

  /** The first index from {@code i} that is no JSON whitespace (space, tab, line feed, carriage return). */
  private static int skipSpace(byte[] body, int i) {
    while (i < body.length && (body[i] == ' ' || body[i] == '\t' || body[i] == '\n' || body[i] == '\r')) {
      i++;
    }
    return i;
  }

  /**
   * Parses text as exactly one JSON object; {@link IllegalArgumentException} with a short reason otherwise. The tree is
   * built from the parser's tokens here rather than by {@link #MAPPER}: a repeated key shows as {@code replace} handing
   * back the value it displaced, where the parser's own duplicate detection keeps a set of names per object (a fifth
   * of the webhook's allocation per event, JFR).
   */
  static ObjectNode parseObject(String text) {
    try (JsonParser parser = TOKENS.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first != JsonToken.START_OBJECT) {
        if (first == null || first.isScalarValue() || first == JsonToken.START_ARRAY) {
          throw new IllegalArgumentException("body is not a JSON object");
        }
        throw new IllegalArgumentException("body is not valid JSON");
      }
      ObjectNode root = object(parser);
      if (parser.nextToken() != null) {
        throw new IllegalArgumentException("body is not valid JSON"); // trailing data
      }
      return root;
    } catch (IOException e) {
      // The parser's message quotes the input; keep it out of logs and 4xx bodies.
      throw new IllegalArgumentException("body is not valid JSON");
    }
  }

  /** The object whose START_OBJECT the parser is on; it ends on the object's END_OBJECT. */
  private static ObjectNode object(JsonParser parser) throws IOException {
    ObjectNode node = NODES.objectNode();
    for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
      if (node.replace(name, value(parser, parser.nextToken())) != null) {
        throw new IllegalArgumentException("body is not valid JSON"); // a repeated key, as the strict parser says
      }
    }
    return node;
  }

  /**
   * The value starting at {@code token}, as Jackson's own tree has it (ints, longs and big integers by size, other
   * numbers as doubles). Nesting is bounded by the parser's constraints (1,000 levels), so the recursion is too.
   */
  private static JsonNode value(JsonParser parser, JsonToken token) throws IOException {
    return switch (token) {
      case START_OBJECT -> object(parser);
      case START_ARRAY -> {
        ArrayNode array = NODES.arrayNode();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
          array.add(value(parser, t));
        }
        yield array;
      }
      case VALUE_STRING -> NODES.textNode(parser.getText());
      case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
        case INT -> NODES.numberNode(parser.getIntValue());
        case LONG -> NODES.numberNode(parser.getLongValue());
        default -> NODES.numberNode(parser.getBigIntegerValue());
      };
      case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDoubleValue());
      case VALUE_TRUE -> NODES.booleanNode(true);
      case VALUE_FALSE -> NODES.booleanNode(false);
      case VALUE_NULL -> NODES.nullNode();
      default -> throw new IllegalArgumentException("body is not valid JSON");
    };
  }
}
