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
  /** The locales a toast's {@code i18n} map may name (reference §3.2). */
  private static final Set<String> TOAST_LOCALES = Set.of("zh_cn", "en_us", "zh_hk", "zh_tw", "ja_jp", "id_id",
      "vi_vn", "th_th", "pt_br", "es_es", "ko_kr", "de_de", "fr_fr", "it_it", "ru_ru", "ms_my");

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
    if (toast != null) {
      checkToast(toast, problems);
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

  /** A toast: a known type, a text {@code content}, and an {@code i18n} map of known locales to texts. */
  private static void checkToast(JsonNode toast, List<String> problems) {
    if (!toast.isObject()) {
      problems.add("200672: toast must be an object, was " + toast);
      return;
    }
    if (!TOAST_TYPES.contains(toast.path("type").asText())) {
      problems.add("200672: toast.type must be info|success|error|warning, was " + toast.path("type"));
    }
    JsonNode content = toast.get("content");
    if (content != null && !content.isTextual()) {
      problems.add("200672: toast.content must be a string, was " + content);
    }
    JsonNode i18n = toast.get("i18n");
    if (i18n == null) {
      return;
    }
    if (!i18n.isObject()) {
      problems.add("200672: toast.i18n must be an object of locale to text, was " + i18n);
      return;
    }
    i18n.fields().forEachRemaining(e -> {
      if (!TOAST_LOCALES.contains(e.getKey())) {
        problems.add("200672: toast.i18n has an unknown locale " + e.getKey());
      } else if (!e.getValue().isTextual()) {
        problems.add("200672: toast.i18n." + e.getKey() + " must be a string, was " + e.getValue());
      }
    });
  }
}
