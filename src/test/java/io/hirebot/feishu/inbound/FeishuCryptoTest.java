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
  @DisplayName("PKCS7 padding is judged as the JDK's PKCS5Padding judges it: every last byte, consistent or not")
  void paddingAsStrictAsTheJdk() throws Exception {
    javax.crypto.spec.SecretKeySpec key = FeishuCrypto.aesKey(KEY);
    for (int last = 0; last < 256; last++) {
      for (boolean consistent : new boolean[] {true, false}) {
        // Two blocks of plaintext whose tail claims `last` bytes of padding, all of them equal or one off.
        byte[] plain = new byte[32];
        java.util.Arrays.fill(plain, (byte) 'x');
        for (int i = 0; i < Math.min(last, 32); i++) {
          plain[31 - i] = (byte) last;
        }
        if (!consistent && last >= 2 && last <= 32) {
          plain[32 - last] = (byte) (last + 1);
        }
        javax.crypto.Cipher raw = javax.crypto.Cipher.getInstance("AES/CBC/NoPadding");
        raw.init(javax.crypto.Cipher.ENCRYPT_MODE, key, new javax.crypto.spec.IvParameterSpec(IV));
        byte[] sealed = raw.doFinal(plain);
        byte[] body = new byte[IV.length + sealed.length];
        System.arraycopy(IV, 0, body, 0, IV.length);
        System.arraycopy(sealed, 0, body, IV.length, sealed.length);
        String base64 = java.util.Base64.getEncoder().encodeToString(body);

        javax.crypto.Cipher jdk = javax.crypto.Cipher.getInstance("AES/CBC/PKCS5Padding");
        jdk.init(javax.crypto.Cipher.DECRYPT_MODE, key, new javax.crypto.spec.IvParameterSpec(IV));
        String expected;
        try {
          expected = new String(jdk.doFinal(sealed), StandardCharsets.ISO_8859_1);
        } catch (java.security.GeneralSecurityException e) {
          expected = null;
        }
        String actual;
        try {
          actual = FeishuCrypto.decrypt(base64, key);
        } catch (IllegalArgumentException e) {
          assertEquals("encrypt does not decrypt with our key", e.getMessage());
          actual = null;
        }
        assertEquals(expected, actual, "last byte " + last + (consistent ? "" : ", inconsistent padding"));
      }
    }
  }

  @Test
  @DisplayName("A signature matches only as its lower-case hex text would: same length, same digits, non-ASCII parts too")
  void signatureMatches() {
    byte[] body = "{\"encrypt\":\"abc\"}".getBytes(StandardCharsets.UTF_8);
    for (String nonce : new String[] {"nonce", "n\u00f6nce", "\uD83D", "x".repeat(600)}) {
      for (String timestamp : new String[] {"1700000000", "\uDE00"}) {
        String hex = FeishuCrypto.sha256Signature(timestamp, nonce, KEY, body);
        assertEquals(hex, HexFormat.of().formatHex(sha256((timestamp + nonce + KEY), body)), nonce + timestamp);
        assertTrue(FeishuCrypto.sha256SignatureMatches(timestamp, nonce, KEY, body, hex));
        assertFalse(FeishuCrypto.sha256SignatureMatches(timestamp, nonce, KEY, body, hex.toUpperCase()));
        assertFalse(FeishuCrypto.sha256SignatureMatches(timestamp, nonce, KEY, body, hex.substring(1)));
        assertFalse(FeishuCrypto.sha256SignatureMatches(timestamp, nonce, KEY, body, hex + "0"));
        assertFalse(FeishuCrypto.sha256SignatureMatches(timestamp, nonce, KEY, body, null));
        char last = hex.charAt(63);
        assertFalse(FeishuCrypto.sha256SignatureMatches(timestamp, nonce, KEY, body,
            hex.substring(0, 63) + (last == '0' ? '1' : '0')));
      }
    }
  }

  private static byte[] sha256(String text, byte[] body) {
    try {
      java.security.MessageDigest d = java.security.MessageDigest.getInstance("SHA-256");
      d.update(text.getBytes(StandardCharsets.UTF_8));
      return d.digest(body);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  @DisplayName("Constant-time comparison is plain equality, null-safe")
  void constantTimeEquals() {
    assertTrue(FeishuCrypto.constantTimeEquals("abc", "abc"));
    assertFalse(FeishuCrypto.constantTimeEquals("abc", "abd"));
    assertFalse(FeishuCrypto.constantTimeEquals("abc", null));
  }
}
