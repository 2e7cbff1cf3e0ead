package io.hirebot.cards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CardLimitsTest {
  private final ObjectMapper json = new ObjectMapper();

  private ObjectNode card() {
    ObjectNode card = json.createObjectNode().put("schema", "2.0");
    card.putObject("body").putArray("elements");
    return card;
  }

  @Test
  @DisplayName("a small 2.0 card passes")
  void fine() {
    ObjectNode c = card();
    ((ArrayNode) c.get("body").get("elements")).addObject().put("tag", "markdown").put("content", "hi");
    assertEquals(0, CardLimits.violations(c, c.toString()).size());
  }

  @Test
  @DisplayName("more than 200 elements, more than 5 levels, over 30 KB, or not 2.0 are each reported")
  void violations() {
    ObjectNode c = card();
    ArrayNode els = (ArrayNode) c.get("body").get("elements");
    for (int i = 0; i < 201; i++) {
      els.addObject().put("tag", "markdown").put("content", "x".repeat(200));
    }
    ObjectNode nest = els.addObject().put("tag", "column_set");
    for (int i = 0; i < 5; i++) {
      nest = nest.putArray("columns").addObject().put("tag", "column");
    }
    c.put("schema", "1.0");
    var problems = CardLimits.violations(c, c.toString());
    assertEquals(4, problems.size(), problems.toString());
    assertTrue(problems.stream().anyMatch(p -> p.startsWith("nesting")));
  }

  @Test
  @DisplayName("elements are counted as Feishu counts them: nested texts, columns, options and the header too")
  void countsNestedNodes() {
    ObjectNode c = card();
    c.putObject("header").putObject("title").put("tag", "plain_text").put("content", "T");
    ArrayNode els = (ArrayNode) c.get("body").get("elements");
    ObjectNode set = els.addObject().put("tag", "column_set");
    ObjectNode column = set.putArray("columns").addObject().put("tag", "column");
    ObjectNode button = column.putArray("elements").addObject().put("tag", "button");
    button.putObject("text").put("tag", "plain_text").put("content", "Go");
    ObjectNode overflow = els.addObject().put("tag", "overflow");
    overflow.putArray("options").addObject().put("value", "a").putObject("text").put("tag", "plain_text").put("content", "A");
    // header title 1; column_set, column, button, its text 4; overflow, its option, the option's text 3.
    assertEquals(8, CardLimits.elements(c));

    // 70 buttons are 70 components but 140 elements; 101 of them are over the limit.
    ObjectNode big = card();
    ArrayNode many = (ArrayNode) big.get("body").get("elements");
    for (int i = 0; i < 101; i++) {
      many.addObject().put("tag", "button").putObject("text").put("tag", "plain_text").put("content", "B");
    }
    assertEquals(java.util.List.of("202 elements > 200"), CardLimits.violations(big, big.toString()));
  }
}
