package io.hirebot.feishu.inbound;

import com.fasterxml.jackson.databind.JsonNode;

/** The outcome of checking one webhook request: what the HTTP edge answers and what goes on. */
public sealed interface Verification {

  /**
   * Signature/token valid, body decrypted: {@code plain} is the envelope's plaintext JSON object and {@code text}
   * the JSON text it was parsed from (kept, so storing the envelope does not serialize it again).
   */
  record Accepted(JsonNode plain, String text) implements Verification {}

  /** A valid url_verification request: answer {@code {"challenge": challenge}} at once. */
  record Challenge(String challenge) implements Verification {}

  /** Refused: 400 for a malformed body, 401 for a forged, stale or unverifiable one. */
  record Rejected(int status, String reason) implements Verification {
    public static Rejected malformed(String reason) {
      return new Rejected(400, reason);
    }

    public static Rejected forged(String reason) {
      return new Rejected(401, reason);
    }
  }
}
