package io.hirebot.bench;

import io.hirebot.feishu.inbound.FeishuCrypto;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One webhook request as Feishu sends it: the plaintext envelope encrypted with the app's Encrypt Key and
 * signed over timestamp, nonce and body (reference §1.4–1.5).
 */
public record SealedPush(byte[] body, Map<String, String> headers) {

  /** Encrypts and signs {@code plaintext} now; cheap (one AES pass and one SHA-256), any thread. */
  public static SealedPush seal(String plaintext, String encryptKey) {
    byte[] iv = new byte[16];
    ThreadLocalRandom.current().nextBytes(iv);
    String encrypted = FeishuCrypto.encrypt(plaintext, encryptKey, iv);
    byte[] body = ("{\"encrypt\":\"" + encrypted + "\"}").getBytes(StandardCharsets.UTF_8);
    String timestamp = String.valueOf(System.currentTimeMillis() / 1000);
    String nonce = HexFormat.of().formatHex(iv, 0, 8);
    return new SealedPush(body, Map.of(
        "Content-Type", "application/json; charset=utf-8",
        "X-Lark-Request-Timestamp", timestamp,
        "X-Lark-Request-Nonce", nonce,
        "X-Lark-Signature", FeishuCrypto.sha256Signature(timestamp, nonce, encryptKey, body)));
  }
}
