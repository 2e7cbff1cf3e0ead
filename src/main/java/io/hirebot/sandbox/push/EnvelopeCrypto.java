package io.hirebot.sandbox.push;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** Feishu's envelope encryption (AES-256-CBC, key = SHA-256 of the Encrypt Key) and request signature; stateless. */
public final class EnvelopeCrypto {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int IV_BYTES = 16;

  private EnvelopeCrypto() {}

  /** Encrypts with a random IV: base64(IV || ciphertext). */
  public static String encrypt(String encryptKey, String plaintext) {
    byte[] iv = new byte[IV_BYTES];
    RANDOM.nextBytes(iv);
    return encrypt(encryptKey, plaintext, iv);
  }

  /** Encrypts with the given IV (for test vectors). */
  public static String encrypt(String encryptKey, String plaintext, byte[] iv) {
    try {
      Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
      cipher.init(Cipher.ENCRYPT_MODE, aesKey(encryptKey), new IvParameterSpec(iv));
      byte[] body = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[iv.length + body.length];
      System.arraycopy(iv, 0, out, 0, iv.length);
      System.arraycopy(body, 0, out, iv.length, body.length);
      return Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES unavailable", e);
    }
  }

  /** Decrypts base64(IV || ciphertext); the inverse of {@link #encrypt(String, String)}. */
  public static String decrypt(String encryptKey, String encrypted) {
    try {
      byte[] all = Base64.getDecoder().decode(encrypted);
      Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
      cipher.init(Cipher.DECRYPT_MODE, aesKey(encryptKey), new IvParameterSpec(all, 0, IV_BYTES));
      return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException("cannot decrypt envelope: " + e.getMessage(), e);
    }
  }

  /** lowercase hex SHA-256(timestamp + nonce + encryptKey || body bytes), as in X-Lark-Signature. */
  public static String sign(String timestamp, String nonce, String encryptKey, byte[] body) {
    MessageDigest sha = sha256();
    sha.update((timestamp + nonce + encryptKey).getBytes(StandardCharsets.UTF_8));
    sha.update(body);
    return HexFormat.of().formatHex(sha.digest());
  }

  private static SecretKeySpec aesKey(String encryptKey) {
    return new SecretKeySpec(sha256().digest(encryptKey.getBytes(StandardCharsets.UTF_8)), "AES");
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }
}
