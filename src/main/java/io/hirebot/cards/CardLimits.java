package io.hirebot.cards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Feishu's limits on a JSON 2.0 card (reference/feishu-bot-protocol.md §4.1 and its addendum): at most
 * 30 KB, 200 elements and 5 levels of nesting. Elements are counted as Feishu counts them: every tagged
 * node anywhere in the card (each component, column, {@code plain_text}, {@code markdown}, {@code text_tag}
 * …, header included) and every option of a select or overflow. Pure; used before sending and in every
 * card test.
 */
public final class CardLimits {
  public static final int MAX_BYTES = 30 * 1024;
  public static final int MAX_COMPONENTS = 200;
  public static final int MAX_DEPTH = 5;
  /** Components that hold other components; each one is a level of nesting. */
  private static final Set<String> CONTAINERS = Set.of("column_set", "column", "form", "collapsible_panel", "interactive_container");

  private CardLimits() {}

  /** The limits this card breaks, empty when it is fine. */
  public static List<String> violations(ObjectNode card, String serialized) {
    return violations(card, serialized.getBytes(StandardCharsets.UTF_8).length);
  }

  /** As {@link #violations(ObjectNode, String)}, given the serialized card's size in UTF-8 bytes. */
  public static List<String> violations(ObjectNode card, int bytes) {
    List<String> problems = new ArrayList<>();
    if (bytes > MAX_BYTES) {
      problems.add("size " + bytes + " B > " + MAX_BYTES + " B");
    }
    int elements = elements(card);
    if (elements > MAX_COMPONENTS) {
      problems.add(elements + " elements > " + MAX_COMPONENTS);
    }
    int depth = depth(card.path("body").path("elements"), 1);
    if (depth > MAX_DEPTH) {
      problems.add("nesting " + depth + " > " + MAX_DEPTH);
    }
    if (!"2.0".equals(card.path("schema").asText())) {
      problems.add("schema is not 2.0");
    }
    return problems;
  }

  /** The elements Feishu counts in {@code node}: tagged objects and select/overflow options, at any depth. */
  public static int elements(JsonNode node) {
    int count = 0;
    if (node.isObject()) {
      if (node.has("tag")) {
        count++;
      }
      JsonNode options = node.get("options");
      if (options != null && options.isArray()) {
        for (JsonNode option : options) {
          count += option.has("tag") ? 0 : 1;
        }
      }
    }
    if (node.isContainerNode()) {
      for (JsonNode child : node) {
        count += elements(child);
      }
    }
    return count;
  }

  private static int depth(JsonNode elements, int level) {
    int deepest = level - 1;
    if (!elements.isArray()) {
      return deepest;
    }
    for (JsonNode e : elements) {
      deepest = Math.max(deepest, level);
      if (CONTAINERS.contains(e.path("tag").asText())) {
        deepest = Math.max(deepest, depth(e.path("elements"), level + 1));
        deepest = Math.max(deepest, depth(e.path("columns"), level + 1));
      }
    }
    return deepest;
  }
}
