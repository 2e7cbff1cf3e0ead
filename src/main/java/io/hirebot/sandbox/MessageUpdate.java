package io.hirebot.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** A later change of a sent card: by PATCH, by a card-callback response or by a delayed update. */
public record MessageUpdate(Kind kind, JsonNode content, Instant time) {

  /** How the card was changed. */
  public enum Kind { PATCH, CALLBACK_RESPONSE, DELAYED_UPDATE }
}
