package io.hirebot.feishu.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Strict UTF-8: what decodes is exactly the text that was encoded; anything malformed is refused, never replaced. */
class PlainJsonTest {

  @Test
  @DisplayName("ASCII, Chinese, emoji and mixed text decode to the text that was encoded")
  void validText() {
    for (String text : new String[] {"", "{\"encrypt\":\"P37w+VZImNgPEO1RBhJ6RtKl7n6zymIbEG1pSzkDkbQ=\"}",
        "{\"text\":\"候选人 张三 已进入面试\"}", "emoji \uD83D\uDE00 and é", "\u007f\u0000"}) {
      assertEquals(text, PlainJson.strictUtf8(text.getBytes(StandardCharsets.UTF_8)));
    }
    Random random = new Random(15);
    for (int i = 0; i < 2_000; i++) {
      StringBuilder text = new StringBuilder();
      for (int n = random.nextInt(40); n > 0; n--) {
        // Mostly ASCII, some of each wider range, surrogate pairs whole (lone ones are not encodable).
        int cp = switch (random.nextInt(4)) {
          case 0 -> 0x80 + random.nextInt(0x780);
          case 1 -> 0x4E00 + random.nextInt(0x5000);
          case 2 -> 0x1F600 + random.nextInt(0x50);
          default -> random.nextInt(0x80);
        };
        text.appendCodePoint(cp);
      }
      assertEquals(text.toString(), PlainJson.strictUtf8(text.toString().getBytes(StandardCharsets.UTF_8)));
    }
  }

  @Test
  @DisplayName("malformed UTF-8 is refused: a stray continuation, a cut sequence, an overlong form, an encoded surrogate")
  void malformed() {
    byte[][] bad = {
        {'{', (byte) 0x80, '}'},                    // continuation byte without a lead
        {'a', (byte) 0xE4, (byte) 0xB8},            // three-byte sequence cut short
        {(byte) 0xC0, (byte) 0xAF},                 // overlong '/'
        {(byte) 0xED, (byte) 0xA0, (byte) 0x80},    // U+D800 encoded (CESU), not UTF-8
        {(byte) 0xFF}};
    for (byte[] bytes : bad) {
      assertThrows(IllegalArgumentException.class, () -> PlainJson.strictUtf8(bytes));
    }
  }

  @Test
  @DisplayName("Only a body that is exactly {\"encrypt\":\"<base64>\"} is read in place; its span is the base64 text")
  void sealedSpan() {
    String[] sealed = {"{\"encrypt\":\"QUJD+/==\"}", " {\n\"encrypt\"\t: \"QUJD+/==\"\r}\n", "{\"encrypt\":\"\"}"};
    for (String text : sealed) {
      byte[] body = text.getBytes(StandardCharsets.UTF_8);
      long span = PlainJson.sealedSpan(body);
      int start = (int) (span >>> 32);
      assertEquals(text.substring(text.indexOf(": \"") >= 0 ? text.indexOf(": \"") + 3 : text.indexOf(":\"") + 2,
          text.lastIndexOf('"')), new String(body, start, (int) span - start, StandardCharsets.UTF_8), text);
    }
    String[] other = {"", "{}", "{\"encrypt\":\"QUJD\",\"encrypt\":\"QUJD\"}", "{\"encrypt\":\"QUJD\",\"x\":1}",
        "{\"encrypt\":\"QU\\/JD\"}", "{\"encrypt\":\"QU JD\"}", "{\"encrypt\":\"QUJD\"", "{\"encrypt\":\"QUJD\"} {}",
        "{\"encrypt\":\"QUJD\"}x", "{\"Encrypt\":\"QUJD\"}", "{\"encrypt\":42}", "[{\"encrypt\":\"QUJD\"}]",
        "{\"encrypt\":\"QUJD\"}\u00a0", "{\"encrypt\" \"QUJD\"}", "{\"encryptx\":\"QUJD\"}"};
    for (String text : other) {
      assertEquals(-1, PlainJson.sealedSpan(text.getBytes(StandardCharsets.UTF_8)), text);
    }
  }

  @Test
  @DisplayName("parseObject builds the tree Jackson builds (every fixture, numbers of each size, nesting, escapes)")
  void sameTreeAsJackson() throws Exception {
    java.util.List<String> texts = new java.util.ArrayList<>(java.util.List.of(
        "{}", " {\"a\" : [ 1, -2, 3000000000, 123456789012345678901234567890, 1.5, -2e-3, true, false, null, \"x\\u00e9\\n\" ] }",
        "{\"a\":{\"b\":{\"c\":[[],[{}],{\"d\":\"候选人\"}]}},\"e\":\"\"}"));
    try (var files = java.nio.file.Files.list(java.nio.file.Path.of("src/test/resources/feishu/events"))) {
      files.filter(f -> f.toString().endsWith(".json")).forEach(f -> {
        try {
          texts.add(java.nio.file.Files.readString(f));
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
    }
    com.fasterxml.jackson.databind.ObjectMapper jackson = new com.fasterxml.jackson.databind.ObjectMapper();
    for (String text : texts) {
      com.fasterxml.jackson.databind.JsonNode expected = jackson.readTree(text);
      if (expected.isObject()) {
        assertEquals(expected, PlainJson.parseObject(text), text);
      }
    }
    org.junit.jupiter.api.Assertions.assertTrue(texts.size() > 10, "the fixtures were read: " + texts.size());
  }

  @Test
  @DisplayName("parseObject refuses a repeated key at any depth, trailing data and anything but one object")
  void refusesWhatTheStrictParserRefuses() {
    String[] bad = {"{\"a\":1,\"a\":1}", "{\"a\":{\"b\":1,\"c\":2,\"b\":3}}", "{\"a\":[{\"b\":1},{\"c\":1,\"c\":2}]}",
        "{\"t\":\"x\",\"u\":1,\"v\":2,\"w\":3,\"t\":\"y\"}", "{\"a\":1} {}", "{\"a\":1}]", "{\"a\":1", "[]", "[{}]", "42",
        "\"s\"", "null", " ", "{\"a\":}", "{a:1}", "{\"a\":1,}", "{\"a\":01}", "{\"a\":NaN}",
        "{\"a\":" + "[".repeat(2000) + "]".repeat(2000) + "}"};
    for (String text : bad) {
      assertThrows(IllegalArgumentException.class, () -> PlainJson.parseObject(text), text);
    }
  }
}
