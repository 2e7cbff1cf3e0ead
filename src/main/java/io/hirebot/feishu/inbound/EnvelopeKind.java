package io.hirebot.feishu.inbound;

import com.fasterxml.jackson.databind.JsonNode;

/** The shapes a Feishu webhook plaintext can take (reference §1.2, §1.3, §3.1, §3.3). */
public enum EnvelopeKind {
  /** {@code {"type":"url_verification","challenge":…,"token":…}}. */
  URL_VERIFICATION,
  /** Schema 2.0: {@code header.event_id}, {@code header.event_type}, {@code event}. */
  V2,
  /** {@code {"type":"event_callback","uuid":…,"event":{"type":…}}}. */
  V1,
  /** {@code card.action.trigger_v1}: top-level {@code open_message_id} and {@code action}, no schema. */
  LEGACY_CARD,
  /** Anything else. */
  UNKNOWN;

  /** Classifies a decrypted envelope; pure. */
  public static EnvelopeKind of(JsonNode plain) {
    String type = plain.path("type").asText("");
    if ("url_verification".equals(type)) {
      return URL_VERIFICATION;
    }
    if (plain.has("schema") || plain.path("header").isObject()) {
      return V2;
    }
    if ("event_callback".equals(type)) {
      return V1;
    }
    if (plain.has("open_message_id") && plain.path("action").isObject()) {
      return LEGACY_CARD;
    }
    return UNKNOWN;
  }
}
