package io.hirebot.sandbox;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What the bot answered to one push (the last attempt when retried or duplicated).
 *
 * @param status HTTP status, 0 when the bot did not answer within 3 s or could not be reached
 * @param headers response headers, lower-cased names
 * @param plaintext the envelope as JSON text before encryption
 * @param eventId header.event_id of the envelope
 * @param messageId for message pushes, the pushed message's id
 * @param attempts deliveries made (more than 1 with retries or duplicates)
 * @param violations for card callbacks: why Feishu would refuse the bot's answer (empty when fine)
 */
public record PushResult(
    int status,
    Map<String, String> headers,
    String body,
    Duration latency,
    String plaintext,
    String eventId,
    String messageId,
    int attempts,
    List<String> violations) {

  /** Feishu counts a push as delivered on HTTP 200 within 3 s. */
  public boolean delivered() {
    return status == 200;
  }

  public JsonObject jsonBody() {
    try {
      return body == null || body.isBlank() ? new JsonObject() : new JsonObject(body);
    } catch (RuntimeException e) {
      return new JsonObject();
    }
  }

  PushResult withAttempts(int n) {
    return new PushResult(status, headers, body, latency, plaintext, eventId, messageId, n, violations);
  }

  PushResult withViolations(List<String> v) {
    return new PushResult(status, headers, body, latency, plaintext, eventId, messageId, attempts, List.copyOf(v));
  }
}
