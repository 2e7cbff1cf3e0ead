package io.hirebot.sandbox;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.sandbox.card.CardValidator;
import io.hirebot.sandbox.card.CardViolation;
import java.io.InputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Card JSON 2.0 rules, on the reference's example card and variations of it. */
class CardValidatorTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static ObjectNode example() throws Exception {
    try (InputStream in = CardValidatorTest.class.getResourceAsStream("/sandbox/card-2.0-example.json")) {
      return (ObjectNode) MAPPER.readTree(in);
    }
  }

  private static CardViolation refused(JsonNode card) {
    return assertThrows(CardViolation.class, () -> CardValidator.validate(card));
  }

  private static ArrayNode elements(ObjectNode card) {
    return (ArrayNode) card.path("body").path("elements");
  }

  @Test
  @DisplayName("The reference's full 2.0 example (columns, overflow, form, collapsible panel) is valid")
  void referenceExampleIsValid() throws Exception {
    assertDoesNotThrow(() -> CardValidator.validate(example()));
  }

  @Test
  @DisplayName("Template and card-entity wrappers are accepted with their ids")
  void wrappers() throws Exception {
    assertDoesNotThrow(() -> CardValidator.validate(MAPPER.readTree("{\"type\":\"template\",\"data\":{\"template_id\":\"AAq1\"}}")));
    assertEquals(230099, refused(MAPPER.readTree("{\"type\":\"template\",\"data\":{}}")).code());
  }

  @Test
  @DisplayName("A form field without a name, or a form without a named submit button, is refused (200530)")
  void formNames() throws Exception {
    ObjectNode card = example();
    ObjectNode form = (ObjectNode) elements(card).get(3);
    ((ObjectNode) form.path("elements").get(0)).remove("name");
    assertTrue(refused(card).getMessage().contains("200530"));
    ObjectNode card2 = example();
    ((ObjectNode) elements(card2).get(3).path("elements").get(2)).put("form_action_type", "reset");
    assertTrue(refused(card2).getMessage().contains("submit"));
  }

  @Test
  @DisplayName("Nesting deeper than 5 levels is refused")
  void nesting() throws Exception {
    ObjectNode inner = MAPPER.createObjectNode().put("tag", "markdown").put("content", "deep");
    for (int i = 0; i < 6; i++) {
      ObjectNode panel = MAPPER.createObjectNode().put("tag", "collapsible_panel");
      panel.putObject("header").putObject("title").put("tag", "plain_text").put("content", "p");
      panel.putArray("elements").add(inner);
      inner = panel;
    }
    ObjectNode card = MAPPER.createObjectNode().put("schema", "2.0");
    card.putObject("body").putArray("elements").add(inner);
    assertTrue(refused(card).getMessage().contains("nested"));
  }

  @Test
  @DisplayName("element_id must be well-formed and unique; header.template must be a card color; at most 5 tables")
  void details() throws Exception {
    ObjectNode card = example();
    ((ObjectNode) elements(card).get(0)).put("element_id", "md_1");
    ((ObjectNode) elements(card).get(1)).put("element_id", "md_1");
    assertTrue(refused(card).getMessage().contains("unique"));
    ObjectNode bad = example();
    ((ObjectNode) bad.path("header")).put("template", "pink");
    assertTrue(refused(bad).getMessage().contains("template"));
    ObjectNode tables = example();
    for (int i = 0; i < 6; i++) {
      elements(tables).addObject().put("tag", "table").putArray("columns");
    }
    assertTrue(refused(tables).getMessage().contains("tables"));
  }

  @Test
  @DisplayName("1.0 constructs and unknown tags or attributes are refused with 230099")
  void legacy() throws Exception {
    ObjectNode card = example();
    card.putArray("i18n_elements");
    assertEquals(230099, refused(card).code());
    ObjectNode note = example();
    elements(note).addObject().put("tag", "note");
    assertTrue(refused(note).getMessage().contains("2.0"));
    ObjectNode unknownTop = example();
    unknownTop.put("fallback", "x");
    assertEquals(230099, refused(unknownTop).code());
    ObjectNode off = example();
    ((ObjectNode) off.path("config")).put("update_multi", false);
    assertTrue(refused(off).getMessage().contains("update_multi"));
  }

  @Test
  @DisplayName("Elements are counted as Feishu counts them: header texts, button texts, confirm texts and options too")
  void elementCountIncludesNestedNodes() throws Exception {
    // The reference example: 2 header plain_texts + 1 text_tag + its plain_text, then the body.
    ObjectNode card = example();
    int counted = CardValidator.countElements(card);
    assertTrue(counted > elements(card).size() * 2, "nested nodes counted: " + counted);
    ObjectNode overflow = MAPPER.createObjectNode().put("tag", "overflow");
    ArrayNode options = overflow.putArray("options");
    options.addObject().putObject("text").put("tag", "plain_text").put("content", "a");
    options.addObject().putObject("text").put("tag", "plain_text").put("content", "b");
    assertEquals(5, CardValidator.countElements(overflow), "the overflow, 2 options and their 2 texts");
  }

  @Test
  @DisplayName("A too-large card is refused: 67 buttons with confirm dialogs are 268 elements (230099 / 11310)")
  void tooManyNestedElementsRefused() throws Exception {
    ObjectNode card = MAPPER.createObjectNode().put("schema", "2.0");
    ArrayNode els = card.putObject("body").putArray("elements");
    for (int i = 0; i < 67; i++) {
      ObjectNode b = els.addObject().put("tag", "button");
      b.putObject("text").put("tag", "plain_text").put("content", "B" + i);
      ObjectNode confirm = b.putObject("confirm");
      confirm.putObject("title").put("tag", "plain_text").put("content", "Sure?");
      confirm.putObject("text").put("tag", "plain_text").put("content", "Really");
    }
    CardViolation v = refused(card);
    assertEquals(230099, v.code());
    assertTrue(v.getMessage().contains("11310") && v.getMessage().contains("268 elements"), v.getMessage());
  }

  @Test
  @DisplayName("A callback answer carrying a card over the element limit is refused as the client would (200673)")
  void callbackAnswerOverLimit() throws Exception {
    String answer = "{\"toast\":{\"type\":\"info\",\"content\":\"ok\"},\"card\":{\"type\":\"raw\",\"data\":"
        + SdkImFidelityTest.cardOverElementLimit() + "}}";
    PushResult r = new PushResult(200, java.util.Map.of(), answer, java.time.Duration.ZERO, "", "ev", null, 1,
        java.util.List.of());
    CardResponseCheck.Outcome outcome = CardResponseCheck.check(r);
    assertEquals(1, outcome.violations().size(), outcome.violations().toString());
    assertTrue(outcome.violations().get(0).startsWith("200673") && outcome.violations().get(0).contains("11310"),
        outcome.violations().toString());
  }
}
