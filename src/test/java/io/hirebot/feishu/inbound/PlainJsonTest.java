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
}
