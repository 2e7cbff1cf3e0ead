package io.hirebot.cards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Feishu's limits on a JSON 2.0 card (reference/feishu-bot-protocol.md §4.1): at most 30 KB, 200
 * components and 5 levels of nesting. Pure; used before sending and in every card test.
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
    List<String> problems = new ArrayList<>();
    int bytes = serialized.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_BYTES) {
      problems.add("size " + bytes + " B > " + MAX_BYTES + " B");
    }
    int[] count = {0};
    int depth = walk(card.path("body").path("elements"), 1, count);
    if (count[0] > MAX_COMPONENTS) {
      problems.add(count[0] + " components > " + MAX_COMPONENTS);
    }
    if (depth > MAX_DEPTH) {
      problems.add("nesting " + depth + " > " + MAX_DEPTH);
    }
    if (!"2.0".equals(card.path("schema").asText())) {
      problems.add("schema is not 2.0");
    }
    return problems;
  }

  private static int walk(JsonNode elements, int level, int[] count) {
    int deepest = level - 1;
    if (!elements.isArray()) {
      return deepest;
    }
    for (JsonNode e : elements) {
      count[0]++;
      deepest = Math.max(deepest, level);
      if (CONTAINERS.contains(e.path("tag").asText())) {
        deepest = Math.max(deepest, walk(e.path("elements"), level + 1, count));
        deepest = Math.max(deepest, walk(e.path("columns"), level + 1, count));
      }
    }
    return deepest;
  }
}
