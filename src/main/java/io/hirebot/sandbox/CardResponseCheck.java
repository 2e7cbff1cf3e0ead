package io.hirebot.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.hirebot.sandbox.card.CardValidator;
import io.hirebot.sandbox.card.CardViolation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Judges a bot's answer to a card callback as the Feishu client would (status, JSON, toast, card); stateless. */
final class CardResponseCheck {

  /** The violations found and, when the answer carries a valid raw card, that card. */
  record Outcome(List<String> violations, JsonNode card) {}

  private static final Set<String> TOAST_TYPES = Set.of("info", "success", "error", "warning");

  private CardResponseCheck() {}

  static Outcome check(PushResult r) {
    List<String> problems = new ArrayList<>();
    if (r.status() == 0) {
      return new Outcome(List.of("200341: no answer within 3 s"), null);
    }
    if (r.status() != 200) {
      return new Outcome(List.of("200671: HTTP status " + r.status() + " instead of 200"), null);
    }
    JsonNode body;
    try {
      body = JsonSupport.parse(r.body() == null ? "" : r.body());
    } catch (IllegalArgumentException e) {
      body = null;
    }
    if (body == null || !body.isObject()) {
      return new Outcome(List.of("200672: the answer is not a JSON object: " + r.body()), null);
    }
    JsonNode toast = body.get("toast");
    if (toast != null && !TOAST_TYPES.contains(toast.path("type").asText())) {
      problems.add("200672: toast.type must be info|success|error|warning, was " + toast.path("type"));
    }
    JsonNode card = body.get("card");
    JsonNode raw = null;
    if (card != null) {
      String type = card.path("type").asText();
      if ("raw".equals(type)) {
        raw = card.get("data");
        try {
          CardValidator.validate(JsonSupport.write(raw), raw);
        } catch (CardViolation v) {
          problems.add("200673: " + v.getMessage());
          raw = null;
        }
      } else if (!"template".equals(type)) {
        problems.add("200672: card.type must be raw or template, was " + card.path("type"));
      }
    }
    return new Outcome(problems, problems.isEmpty() ? raw : null);
  }
}
