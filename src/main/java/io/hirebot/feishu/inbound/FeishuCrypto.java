package io.hirebot.feishu.inbound;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Feishu's webhook cryptography as pure static functions (reference §1.4, §1.5); thread-safe.
 *
 * <p>Written on the JDK rather than the SDK's {@code Decryptor} because that one unpads loosely and
 * reports failures as generic exceptions; we need strict PKCS7 so a tampered body is a clean 400.
 */
public final class FeishuCrypto {

  private static final int IV_LENGTH = 16;
  private static final String AES_MODE = "AES/CBC/PKCS5Padding"; // PKCS5 in JCA naming = PKCS7 for AES
  private static final HexFormat HEX = HexFormat.of(); // lower-case, as Feishu sends it
  // Provider look-ups in getInstance cost more than hashing or decrypting a small event (JFR: ~4% of intake);
  // instances are not thread-safe, so each thread (event loop, worker) keeps its own.
  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> digest("SHA-256"));
  private static final ThreadLocal<Cipher> AES = ThreadLocal.withInitial(() -> aesCipher(AES_MODE));
  /**
   * Decryption without the JDK's unpadding, which decrypts into an array of its own before copying the unpadded
   * bytes out (the event loops' fourth-largest allocation in {@code WebhookCost}); {@link #unpad} checks PKCS7 as
   * strictly.
   */
  private static final ThreadLocal<Cipher> AES_UNPADDED = ThreadLocal.withInitial(() -> aesCipher("AES/CBC/NoPadding"));
  /**
   * Decrypted plaintext before it becomes a String, instead of an array the cipher returns per call (4 % of the event
   * loops' allocation under intake load). Grows to the largest body decrypted on the thread: at most 512 KB.
   */
  private static final ThreadLocal<byte[]> PLAIN = ThreadLocal.withInitial(() -> new byte[4096]);
  private static final int SHA256_LENGTH = 32;
  /** Per thread: the ASCII bytes of a signature's text parts, then its digest (at least {@link #SHA256_LENGTH}). */
  private static final ThreadLocal<byte[]> DIGEST_SCRATCH = ThreadLocal.withInitial(() -> new byte[256]);

  private FeishuCrypto() {}

  /** The AES-256 key Feishu derives from an Encrypt Key: SHA-256 of its UTF-8 bytes. */
  public static SecretKeySpec aesKey(String encryptKey) {
    return new SecretKeySpec(sha256().digest(utf8(encryptKey)), "AES");
  }

  /** {@code lowercase_hex(SHA-256(UTF8(timestamp + nonce + encryptKey) || body))} for events and new callbacks. */
  public static String sha256Signature(String timestamp, String nonce, String encryptKey, byte[] body) {
    return HEX.formatHex(sha256Of(timestamp, nonce, encryptKey, body), 0, SHA256_LENGTH);
  }

  /**
   * Whether {@code signature} is {@link #sha256Signature} of the same input (lower-case hex, compared in time
   * independent of where it differs), without the Strings and arrays of computing and comparing it as text: every
   * event is checked so on an event loop (a sixth of the webhook path's allocation, {@code WebhookCost}).
   */
  public static boolean sha256SignatureMatches(String timestamp, String nonce, String encryptKey, byte[] body,
      String signature) {
    byte[] digest = sha256Of(timestamp, nonce, encryptKey, body);
    if (signature == null || signature.length() != 2 * SHA256_LENGTH) {
      return false; // the length is no secret: every genuine signature has it
    }
    int diff = 0;
    for (int i = 0; i < SHA256_LENGTH; i++) {
      diff |= signature.charAt(2 * i) ^ HEX.toLowHexDigit(digest[i] >> 4);
      diff |= signature.charAt(2 * i + 1) ^ HEX.toLowHexDigit(digest[i]);
    }
    return diff == 0;
  }

  /**
   * SHA-256 of {@code UTF8(timestamp + nonce + encryptKey) || body} into this thread's digest buffer (its first
   * {@link #SHA256_LENGTH} bytes), valid until the thread's next call. ASCII parts (Feishu's always are) are hashed
   * from a scratch buffer, not from a concatenated String's bytes.
   */
  private static byte[] sha256Of(String timestamp, String nonce, String encryptKey, byte[] body) {
    MessageDigest digest = sha256();
    byte[] scratch = DIGEST_SCRATCH.get();
    if (ascii(timestamp) && ascii(nonce) && ascii(encryptKey)) {
      update(digest, timestamp, scratch);
      update(digest, nonce, scratch);
      update(digest, encryptKey, scratch);
    } else {
      // A surrogate pair split between two parts encodes differently apart: the whole text's bytes, as specified.
      digest.update(utf8(timestamp + nonce + encryptKey));
    }
    digest.update(body);
    try {
      digest.digest(scratch, 0, SHA256_LENGTH);
    } catch (java.security.DigestException e) {
      throw new IllegalStateException("SHA-256 output does not fit 32 bytes", e);
    }
    return scratch;
  }

  private static boolean ascii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /** Hashes the ASCII string {@code s} through {@code scratch}, a chunk at a time. */
  private static void update(MessageDigest digest, String s, byte[] scratch) {
    for (int from = 0; from < s.length(); from += scratch.length) {
      int to = Math.min(s.length(), from + scratch.length);
      for (int i = from; i < to; i++) {
        scratch[i - from] = (byte) s.charAt(i);
      }
      digest.update(scratch, 0, to - from);
    }
  }

  /** {@code lowercase_hex(SHA-1(UTF8(timestamp + nonce + verificationToken) || body))} for legacy card callbacks. */
  public static String legacySha1Signature(String timestamp, String nonce, String token, byte[] body) {
    MessageDigest digest = digest("SHA-1");
    digest.update(utf8(timestamp + nonce + token));
    digest.update(body);
    return HEX.formatHex(digest.digest());
  }

  /** Compares two strings in time independent of where they differ, so a signature can't be guessed byte by byte. */
  public static boolean constantTimeEquals(String expected, String actual) {
    if (expected == null || actual == null) {
      return false;
    }
    return MessageDigest.isEqual(utf8(expected), utf8(actual));
  }

  /**
   * Decrypts an {@code encrypt} field: base64(IV || AES-256-CBC ciphertext), PKCS7-padded UTF-8.
   *
   * @throws IllegalArgumentException when the value is not base64, too short, or badly padded
   */
  public static String decrypt(String base64, String encryptKey) {
    return decrypt(base64, aesKey(encryptKey));
  }

  /** As {@link #decrypt(String, String)} with a key precomputed by {@link #aesKey(String)}. */
  public static String decrypt(String base64, SecretKeySpec key) {
    byte[] ascii = base64.getBytes(StandardCharsets.ISO_8859_1); // what Base64's String decode does too
    return decrypt(ascii, 0, ascii.length, key);
  }

  /**
   * As {@link #decrypt(String, SecretKeySpec)} for base64 text that is {@code length} ASCII bytes of {@code bytes} from
   * {@code offset} (a webhook body read in place). The plaintext is decrypted into this thread's buffer, so the one
   * array allocated is the decoded ciphertext's.
   */
  public static String decrypt(byte[] bytes, int offset, int length, SecretKeySpec key) {
    ByteBuffer raw;
    try {
      raw = Base64.getDecoder().decode(ByteBuffer.wrap(bytes, offset, length));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("encrypt is not base64");
    }
    int n = raw.remaining();
    // At least the IV plus one cipher block, and whole blocks only: anything else can't be ours.
    if (n < 2 * IV_LENGTH || n % IV_LENGTH != 0) {
      throw new IllegalArgumentException("encrypt has a bad length");
    }
    byte[] sealed = raw.array();
    int start = raw.arrayOffset() + raw.position();
    try {
      Cipher cipher = AES_UNPADDED.get();
      cipher.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(sealed, start, IV_LENGTH));
      byte[] out = plainBuffer(n - IV_LENGTH);
      int padded = cipher.doFinal(sealed, start + IV_LENGTH, n - IV_LENGTH, out, 0);
      return PlainJson.strictUtf8(out, unpad(out, padded));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("encrypt does not decrypt with our key");
    }
  }

  /**
   * The plaintext's length once its PKCS7 padding is checked: the last byte says how many (1 to 16) final bytes are
   * padding, each equal to it. Anything else is what the JDK's unpadding refuses too: the wrong key, or tampering.
   */
  private static int unpad(byte[] out, int length) {
    int pad = length == 0 ? 0 : out[length - 1] & 0xff;
    if (pad < 1 || pad > IV_LENGTH || pad > length) {
      throw new IllegalArgumentException("encrypt does not decrypt with our key");
    }
    for (int i = length - pad; i < length - 1; i++) {
      if ((out[i] & 0xff) != pad) {
        throw new IllegalArgumentException("encrypt does not decrypt with our key");
      }
    }
    return length - pad;
  }

  /** This thread's plaintext buffer, at least {@code size} bytes (grown, never shrunk: webhook bodies are at most 512 KB). */
  private static byte[] plainBuffer(int size) {
    byte[] buffer = PLAIN.get();
    if (buffer.length < size) {
      buffer = new byte[Math.max(size, Math.min(2 * buffer.length, 512 * 1024))];
      PLAIN.set(buffer);
    }
    return buffer;
  }

  /** Encrypts {@code plaintext} as Feishu does, with a caller-chosen 16-byte IV (tests, benchmarks, emulators). */
  public static String encrypt(String plaintext, String encryptKey, byte[] iv) {
    if (iv.length != IV_LENGTH) {
      throw new IllegalArgumentException("iv must be 16 bytes, was " + iv.length);
    }
    try {
      Cipher cipher = AES.get();
      cipher.init(Cipher.ENCRYPT_MODE, aesKey(encryptKey), new IvParameterSpec(iv));
      byte[] sealed = cipher.doFinal(utf8(plaintext));
      byte[] out = new byte[IV_LENGTH + sealed.length];
      System.arraycopy(iv, 0, out, 0, IV_LENGTH);
      System.arraycopy(sealed, 0, out, IV_LENGTH, sealed.length);
      return Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/CBC is required of every JDK", e);
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** This thread's SHA-256, reset (a digest() call resets it too, and a failed one never reaches the caller). */
  private static MessageDigest sha256() {
    MessageDigest d = SHA256.get();
    d.reset();
    return d;
  }

  private static Cipher aesCipher(String mode) {
    try {
      return Cipher.getInstance(mode);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/CBC is required of every JDK", e);
    }
  }

  private static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is required of every JDK", e);
    }
  }
}
