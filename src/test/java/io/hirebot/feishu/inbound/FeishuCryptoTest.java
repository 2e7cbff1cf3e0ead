package io.hirebot.feishu.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Reference vectors from feishu-bot-protocol.md §1.4 and §1.5. */
class FeishuCryptoTest {

  static final String KEY = "test key";
  static final byte[] IV = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f");
  static final String CHALLENGE_JSON =
      "{\"challenge\":\"ajls384kdjx98XX\",\"token\":\"vt_test\",\"type\":\"url_verification\"}";
  static final String CHALLENGE_ENCRYPTED =
      "AAECAwQFBgcICQoLDA0ODw9mLTIAZS9jAmGTQ1wAhHpnBHVL2wRjH9rPunQdQC1vT67EVmpbgij9eQPX8O5Wp/qZSd48Ig55stVR/sozAul8BHxsA7DA+FuUwrCSBqd5";

  @Test
  @DisplayName("The official Feishu vector decrypts to 'hello world'")
  void officialVector() {
    assertEquals("hello world", FeishuCrypto.decrypt("P37w+VZImNgPEO1RBhJ6RtKl7n6zymIbEG1pReEzghk=", KEY));
  }

  @Test
  @DisplayName("Encrypting the url_verification JSON with the fixed IV gives the reference ciphertext")
  void ownFixedIvVector() {
    assertEquals(CHALLENGE_ENCRYPTED, FeishuCrypto.encrypt(CHALLENGE_JSON, KEY, IV));
    assertEquals(CHALLENGE_JSON, FeishuCrypto.decrypt(CHALLENGE_ENCRYPTED, KEY));
  }

  @Test
  @DisplayName("The SHA-256 signature matches the reference vector over the raw encrypted body")
  void signatureVector() {
    byte[] body = ("{\"encrypt\":\"" + CHALLENGE_ENCRYPTED + "\"}").getBytes(StandardCharsets.UTF_8);
    assertEquals(
        "c77c3ee702f8e93d97e876019407aee69e7f6077f64cc19d4e29e2c84f37a779",
        FeishuCrypto.sha256Signature("1700000000", "abc", KEY, body));
  }

  @Test
  @DisplayName("The legacy signature is lower-case hex SHA-1 of timestamp+nonce+token+body")
  void legacySha1() throws Exception {
    byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
    var sha1 = java.security.MessageDigest.getInstance("SHA-1");
    String expected = HexFormat.of().formatHex(sha1.digest("1700000000abcvt_test{\"a\":1}".getBytes(StandardCharsets.UTF_8)));
    assertEquals(expected, FeishuCrypto.legacySha1Signature("1700000000", "abc", "vt_test", body));
    assertEquals(40, expected.length());
  }

  @Test
  @DisplayName("Bad base64, short input, a wrong key and non-block lengths are IllegalArgumentException")
  void decryptFailures() {
    assertThrows(IllegalArgumentException.class, () -> FeishuCrypto.decrypt("not base64!!", KEY));
    assertThrows(IllegalArgumentException.class, () -> FeishuCrypto.decrypt("AAECAwQFBgcICQoLDA0ODw==", KEY));
    assertThrows(IllegalArgumentException.class, () -> FeishuCrypto.decrypt(CHALLENGE_ENCRYPTED, "other key"));
    assertThrows(IllegalArgumentException.class, () -> FeishuCrypto.decrypt(CHALLENGE_ENCRYPTED + "AAAA", KEY));
  }

  @Test
  @DisplayName("Constant-time comparison is plain equality, null-safe")
  void constantTimeEquals() {
    assertTrue(FeishuCrypto.constantTimeEquals("abc", "abc"));
    assertFalse(FeishuCrypto.constantTimeEquals("abc", "abd"));
    assertFalse(FeishuCrypto.constantTimeEquals("abc", null));
  }
}
