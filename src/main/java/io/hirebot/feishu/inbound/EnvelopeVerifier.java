package io.hirebot.feishu.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.feishu.inbound.Verification.Accepted;
import io.hirebot.feishu.inbound.Verification.Challenge;
import io.hirebot.feishu.inbound.Verification.Rejected;
import java.time.Clock;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks one raw webhook request (signature or token, replay window, decryption) and says what to
 * answer; pure and thread-safe, cheap enough for the event loop.
 *
 * <p>With an encrypt key every request must carry a valid {@code x-lark-signature}, except a
 * url_verification (Feishu does not sign it) and a legacy card callback (SHA-1 over the verification
 * token). Without one, the verification token in the body is checked. With neither configured every
 * well-formed request is accepted: start-up config validation forbids that outside tests.
 */
public final class EnvelopeVerifier {

  /** Feishu's webhook headers, lower-case as the gateway hands them to {@link #verify}. */
  public static final String SIGNATURE = "x-lark-signature";
  public static final String TIMESTAMP = "x-lark-request-timestamp";
  public static final String NONCE = "x-lark-request-nonce";

  /** Whether a request's signature is the one computed from (timestamp, nonce, raw body). */
  private interface Signer {
    boolean matches(String timestamp, String nonce, byte[] body, String signature);
  }

  private final String verificationToken;
  private final String encryptKey;
  private final SecretKeySpec aesKey;
  private final ReplayWindow replayWindow;

  /**
   * @param verificationToken the console's Verification Token; null or blank when not configured
   * @param encryptKey the console's Encrypt Key; null or blank when not configured
   */
  public EnvelopeVerifier(String verificationToken, String encryptKey, Clock clock) {
    this(verificationToken, encryptKey, ReplayWindow.feishu(clock));
  }

  EnvelopeVerifier(String verificationToken, String encryptKey, ReplayWindow replayWindow) {
    this.verificationToken = blankToNull(verificationToken);
    this.encryptKey = blankToNull(encryptKey);
    this.aesKey = this.encryptKey == null ? null : FeishuCrypto.aesKey(this.encryptKey);
    this.replayWindow = replayWindow;
  }

  /** Verifies a request whose header names are already lower-case; never throws for any input. */
  public Verification verify(Map<String, String> lowerCaseHeaders, byte[] rawBody) {
    Map<String, String> headers = lowerCaseHeaders == null ? Map.of() : lowerCaseHeaders;
    // Nearly every push with an encrypt key is a signed {"encrypt":"<base64>"}: decrypted from the body's bytes in
    // place. Its signature, once computed, also serves the general path when it is wrong (one SHA-256 per body).
    long span = encryptKey == null || rawBody == null ? -1 : PlainJson.sealedSpan(rawBody);
    String sealedProblem = span < 0 ? null : signatureProblem(headers, rawBody, this::eventSignature);
    Verification v = span >= 0 && sealedProblem == null ? openSealed(rawBody, span) : null;
    if (v == null) {
      Plain root;
      try {
        root = Plain.of(rawBody == null || rawBody.length == 0 ? "" : PlainJson.strictUtf8(rawBody));
      } catch (IllegalArgumentException e) {
        return Rejected.malformed(e.getMessage());
      }
      v = encryptKey == null ? verifyByToken(headers, rawBody, root)
          : sealedProblem != null ? verifyUnsigned(headers, rawBody, root, sealedProblem)
          : verifyBySignature(headers, rawBody, root);
    }
    // A present timestamp must be fresh whatever else was checked; how fresh depends on what the request is,
    // which is known only once it is decrypted. A missing one was judged with the signature.
    String timestamp = headers.get(TIMESTAMP);
    if (timestamp == null || v instanceof Rejected) {
      return v;
    }
    boolean retried = v instanceof Accepted a && retriedByFeishu(a.plain());
    String stale = replayWindow.problem(timestamp, retried);
    return stale == null ? v : Rejected.forged(stale);
  }

  /** Events are re-pushed by Feishu for hours; callbacks and url_verification are answered at once or never. */
  private static boolean retriedByFeishu(JsonNode plain) {
    return switch (EnvelopeKind.of(plain)) {
      case V1 -> true;
      case V2 -> !plain.path("header").path("event_type").asText("").startsWith("card.action.");
      default -> false;
    };
  }

  private Verification verifyByToken(Map<String, String> headers, byte[] body, Plain root) {
    if (root.node().has("encrypt")) {
      return Rejected.malformed("encrypted body but FEISHU_ENCRYPT_KEY is not configured");
    }
    if (verificationToken == null) {
      return answer(root); // neither secret configured: tests only, refused at start-up elsewhere
    }
    if (EnvelopeKind.of(root.node()) == EnvelopeKind.LEGACY_CARD) {
      // Its "token" is the card update token, not ours: the SHA-1 signature is the only proof.
      String problem = signatureProblem(headers, body, this::legacySignature);
      return problem == null ? root.accepted() : Rejected.forged(problem);
    }
    return tokenMatches(root.node()) ? answer(root) : Rejected.forged("verification token missing or wrong");
  }

  /**
   * A signed body that is just {@code {"encrypt":"<base64>"}} ({@code span} from {@link PlainJson#sealedSpan}),
   * decrypted from the body's bytes in place. Any other body, or this one with a bad signature (an unsigned
   * url_verification, a forgery), is judged by the general path.
   */
  private Verification openSealed(byte[] body, long span) {
    int start = (int) (span >>> 32);
    Plain plain;
    try {
      plain = Plain.of(FeishuCrypto.decrypt(body, start, (int) span - start, aesKey));
    } catch (IllegalArgumentException e) {
      return Rejected.malformed(e.getMessage()); // signed by Feishu, so broken rather than forged
    }
    return answer(plain);
  }

  private Verification verifyBySignature(Map<String, String> headers, byte[] body, Plain root) {
    String problem = signatureProblem(headers, body, this::eventSignature);
    if (problem == null) {
      Plain plain;
      try {
        plain = decryptIfEncrypted(root);
      } catch (IllegalArgumentException e) {
        return Rejected.malformed(e.getMessage()); // signed by Feishu, so broken rather than forged
      }
      return answer(plain);
    }
    return verifyUnsigned(headers, body, root, problem);
  }

  /** Without a valid SHA-256 signature only a url_verification or a legacy card callback can be genuine. */
  private Verification verifyUnsigned(Map<String, String> headers, byte[] body, Plain root, String problem) {
    boolean encrypted = root.node().has("encrypt");
    Plain plain;
    try {
      plain = decryptIfEncrypted(root);
    } catch (IllegalArgumentException e) {
      return Rejected.forged(problem); // unsigned garbage proves nothing: forged, not malformed
    }
    EnvelopeKind kind = EnvelopeKind.of(plain.node());
    if (kind == EnvelopeKind.URL_VERIFICATION) {
      // Decrypting with our key proves the sender knows it; a plain one needs the token as proof.
      boolean proven = verificationToken == null ? encrypted : tokenMatches(plain.node());
      return proven ? challenge(plain.node()) : Rejected.forged("url_verification token missing or wrong");
    }
    if (kind == EnvelopeKind.LEGACY_CARD && verificationToken != null
        && signatureProblem(headers, body, this::legacySignature) == null) {
      return plain.accepted();
    }
    return Rejected.forged(problem);
  }

  /** Token already proven by the caller (or not needed): answer a challenge or accept. */
  private Verification answer(Plain plain) {
    if (EnvelopeKind.of(plain.node()) != EnvelopeKind.URL_VERIFICATION) {
      return plain.accepted();
    }
    // Even a signed url_verification must name our token: a mismatch means a misconfigured app.
    if (verificationToken != null && !tokenMatches(plain.node())) {
      return Rejected.forged("url_verification token missing or wrong");
    }
    return challenge(plain.node());
  }

  private static Verification challenge(ObjectNode plain) {
    JsonNode challenge = plain.get("challenge");
    if (challenge == null || !challenge.isTextual()) {
      return Rejected.malformed("url_verification without a challenge");
    }
    return new Challenge(challenge.asText());
  }

  private Plain decryptIfEncrypted(Plain root) {
    JsonNode encrypted = root.node().get("encrypt");
    if (encrypted == null) {
      return root;
    }
    if (!encrypted.isTextual()) {
      throw new IllegalArgumentException("encrypt is not a string");
    }
    return Plain.of(FeishuCrypto.decrypt(encrypted.asText(), aesKey));
  }

  /** A JSON object with the text it was parsed from. */
  private record Plain(ObjectNode node, String text) {
    static Plain of(String text) {
      if (text.isEmpty()) {
        throw new IllegalArgumentException("empty body");
      }
      return new Plain(PlainJson.parseObject(text), text);
    }

    Accepted accepted() {
      return new Accepted(node, text);
    }
  }

  /** v2 envelopes carry the token in {@code header.token}; v1 and url_verification at the top level. */
  private boolean tokenMatches(JsonNode plain) {
    JsonNode header = plain.get("header");
    JsonNode token = header != null && header.isObject() ? header.get("token") : plain.get("token");
    return token != null && token.isTextual() && FeishuCrypto.constantTimeEquals(verificationToken, token.asText());
  }

  /** Null when the request carries a valid signature, else a short reason. */
  private static String signatureProblem(Map<String, String> headers, byte[] body, Signer signer) {
    String signature = headers.get(SIGNATURE);
    String timestamp = headers.get(TIMESTAMP);
    String nonce = headers.get(NONCE);
    if (signature == null) {
      return "missing x-lark-signature";
    }
    if (timestamp == null) {
      return "missing x-lark-request-timestamp";
    }
    if (nonce == null) {
      return "missing x-lark-request-nonce";
    }
    return signer.matches(timestamp, nonce, body, signature) ? null : "signature mismatch";
  }

  private boolean eventSignature(String timestamp, String nonce, byte[] body, String signature) {
    return FeishuCrypto.sha256SignatureMatches(timestamp, nonce, encryptKey, body, signature);
  }

  private boolean legacySignature(String timestamp, String nonce, byte[] body, String signature) {
    return FeishuCrypto.constantTimeEquals(FeishuCrypto.legacySha1Signature(timestamp, nonce, verificationToken, body),
        signature);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
