package io.hirebot.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.bot.Toast;
import io.hirebot.i18n.Language;
import java.util.EnumMap;
import java.util.Map;

/**
 * A click's toast as {@code action_keys.outcome} holds it, so a replayed click answers with the first one's toast in
 * every language: {@code {"type":"SUCCESS","i18n":{"en_us":…,"zh_cn":…}}}. Rows written before hold
 * {@code TYPE:text}, one language; that text is read as the toast of every language. Pure.
 */
final class StoredToasts {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The longest text kept per language, at first: halved until the whole JSON fits the column. */
  private static final int FIRST_TEXT_LIMIT = 1800;

  private StoredToasts() {}

  /** The toast as JSON of at most {@code maxChars} characters (long texts shortened to fit). */
  static String write(Toast toast, int maxChars) {
    for (int limit = FIRST_TEXT_LIMIT; ; limit /= 2) {
      ObjectNode json = JSON.createObjectNode().put("type", toast.type().name());
      ObjectNode i18n = json.putObject("i18n");
      for (Language lang : Language.values()) {
        String text = toast.text(lang);
        i18n.put(lang.feishuLocale(), Columns.fit(text, limit));
      }
      String written = json.toString();
      if (written.length() <= maxChars || limit == 0) {
        return written;
      }
    }
  }

  /** The toast of a stored outcome, in either format. */
  static Toast read(String outcome) {
    if (outcome.startsWith("{")) {
      try {
        return fromJson(JSON.readTree(outcome));
      } catch (JsonProcessingException e) {
        return Toast.verbatim(Toast.Type.INFO, "");
      }
    }
    int colon = outcome.indexOf(':');
    return Toast.verbatim(type(outcome.substring(0, Math.max(0, colon))), outcome.substring(colon + 1));
  }

  private static Toast fromJson(JsonNode json) {
    JsonNode i18n = json.path("i18n");
    String any = i18n.path(Language.EN.feishuLocale()).asText("");
    Map<Language, String> texts = new EnumMap<>(Language.class);
    for (Language lang : Language.values()) {
      texts.put(lang, i18n.path(lang.feishuLocale()).asText(any));
    }
    return new Toast(type(json.path("type").asText()), texts);
  }

  private static Toast.Type type(String name) {
    try {
      return Toast.Type.valueOf(name);
    } catch (IllegalArgumentException e) {
      return Toast.Type.INFO;
    }
  }
}
