package io.hirebot.feishu.inbound;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Test helpers that build webhook requests the way Feishu does: fixture bodies, encryption, signature headers. */
final class Webhooks {

  static final String TOKEN = "vt_test";
  static final String KEY = "test key";
  static final String NONCE = "abc";
  static final byte[] IV = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};

  private Webhooks() {}

  /** The raw bytes of {@code src/test/resources/feishu/events/<name>}. */
  static byte[] fixture(String name) {
    String path = "/feishu/events/" + name;
    try (InputStream in = Webhooks.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** {@code {"encrypt":"…"}} around the plaintext, with the fixed test IV. */
  static byte[] encrypted(byte[] plain, String key) {
    String sealed = FeishuCrypto.encrypt(new String(plain, StandardCharsets.UTF_8), key, IV);
    return utf8("{\"encrypt\":\"" + sealed + "\"}");
  }

  /** Headers of a request signed with the encrypt key (events and new card callbacks). */
  static Map<String, String> signed(String timestamp, byte[] body, String key) {
    return Map.of(
        EnvelopeVerifier.TIMESTAMP, timestamp,
        EnvelopeVerifier.NONCE, NONCE,
        EnvelopeVerifier.SIGNATURE, FeishuCrypto.sha256Signature(timestamp, NONCE, key, body));
  }

  /** Headers of a legacy card callback signed with SHA-1 over the verification token. */
  static Map<String, String> legacySigned(String timestamp, byte[] body, String token) {
    return Map.of(
        EnvelopeVerifier.TIMESTAMP, timestamp,
        EnvelopeVerifier.NONCE, NONCE,
        EnvelopeVerifier.SIGNATURE, FeishuCrypto.legacySha1Signature(timestamp, NONCE, token, body));
  }
}
