package io.hirebot.cards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.i18n.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Merges the same card rendered in two languages into one card that Feishu shows in each viewer's client
 * language: every text whose {@code content} differs gets an {@code i18n_content} with both, and
 * {@code config.locales} lists both. Pure. Cards whose two renderings differ in shape (not only in
 * text) cannot be merged safely and are left in the writer's language.
 */
final class Bilingual {
  static final String CONTENT = "content";
  static final String I18N_CONTENT = "i18n_content";

  private Bilingual() {}

  /** The merged card, or empty when the two renderings differ in more than their texts. */
  static Optional<ObjectNode> merge(ObjectNode writer, Language writerLang, ObjectNode other, Language otherLang) {
    ObjectNode merged = writer.deepCopy();
    if (!mergeInto(merged, other, writerLang.feishuLocale(), otherLang.feishuLocale())) {
      return Optional.empty();
    }
    merged.with("config").putArray("locales").add(writerLang.feishuLocale()).add(otherLang.feishuLocale());
    return Optional.of(merged);
  }

  private static boolean mergeInto(JsonNode target, JsonNode other, String mine, String theirs) {
    if (target.getNodeType() != other.getNodeType() || target.size() != other.size()) {
      return false;
    }
    if (target.isArray()) {
      for (int i = 0; i < target.size(); i++) {
        if (!mergeInto(((ArrayNode) target).get(i), other.get(i), mine, theirs)) {
          return false;
        }
      }
      return true;
    }
    if (!target.isObject()) {
      return true;
    }
    ObjectNode object = (ObjectNode) target;
    // Merging a field changes only that field's subtree; this object gains i18n_content after the walk. A deep copy
    // to iterate over at every level made the merge quadratic in the card's depth.
    List<String> names = new ArrayList<>(object.size());
    object.fieldNames().forEachRemaining(names::add);
    for (String name : names) {
      JsonNode theirValue = other.get(name);
      if (theirValue == null || !mergeInto(object.get(name), theirValue, mine, theirs)) {
        return false;
      }
    }
    JsonNode text = object.get(CONTENT);
    JsonNode theirText = other.get(CONTENT);
    if (text != null && text.isTextual() && !text.equals(theirText)) {
      object.putObject(I18N_CONTENT).put(mine, text.asText()).put(theirs, theirText.asText());
    }
    return true;
  }
}
