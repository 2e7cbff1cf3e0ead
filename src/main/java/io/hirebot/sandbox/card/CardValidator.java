package io.hirebot.sandbox.card;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Set;

/**
 * Checks card content the way Feishu does for JSON 2.0 cards: schema, known top-level keys and component tags,
 * ≤ 30 KB, ≤ 200 elements, ≤ 5 nesting levels, callback values as objects, forms with names and a submit
 * button. Template and card-entity wrappers only need their ids. Stateless.
 *
 * <p>Elements are counted as Feishu's docs count them ("一张卡片最多支持 200 个元素（如 tag 为 plain_text 的文本元素）或组件"):
 * every node with a {@code tag} anywhere in the card — components, columns, header texts, button texts,
 * confirm texts, text tags — and every option of a select or overflow.
 */
public final class CardValidator {

  public static final int MAX_BYTES = 30 * 1024;
  public static final int MAX_COMPONENTS = 200;
  public static final int MAX_DEPTH = 5;
  static final int INVALID = 230099;
  static final int TOO_LONG = 230025;

  private static final Set<String> TOP_LEVEL = Set.of("schema", "config", "card_link", "header", "body");
  private static final Set<String> CONTAINERS = Set.of("column_set", "column", "form", "collapsible_panel",
      "interactive_container");
  private static final Set<String> TAGS = Set.of("markdown", "div", "hr", "img", "img_combination", "person",
      "person_list", "table", "chart", "column_set", "column", "form", "collapsible_panel", "interactive_container",
      "button", "select_static", "multi_select_static", "select_person", "multi_select_person", "select_img",
      "overflow", "input", "date_picker", "picker_time", "picker_datetime", "checker", "audio");
  private static final Set<String> V1_ONLY = Set.of("action", "note");
  /** Components that must carry a {@code name} inside a form (their values arrive in form_value by name). */
  private static final Set<String> FORM_FIELDS = Set.of("input", "select_static", "multi_select_static", "select_person",
      "multi_select_person", "date_picker", "picker_time", "picker_datetime", "checker", "button", "select_img");
  private static final Set<String> HEADER_TEMPLATES = Set.of("blue", "wathet", "turquoise", "green", "yellow", "orange",
      "red", "carmine", "violet", "purple", "indigo", "grey", "default");
  private static final String ELEMENT_ID = "[A-Za-z][A-Za-z0-9_]{0,19}";
  private static final int MAX_TABLES = 5;

  private CardValidator() {}

  /** Validates the raw content string's size, then the parsed card. */
  public static void validate(String rawContent, JsonNode card) {
    if (rawContent.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      throw new CardViolation(TOO_LONG, "card content is too long: more than 30 KB");
    }
    validate(card);
  }

  public static void validate(JsonNode card) {
    if (card == null || !card.isObject()) {
      throw invalid(200621, "card content must be a JSON object");
    }
    if (card.has("type") && card.has("data") && !card.has("schema")) {
      validateWrapper(card);
      return;
    }
    if (card.has("elements") || card.has("i18n_elements") || card.has("i18n_header")) {
      throw invalid(200621, "JSON 1.0 card structure (top-level elements / i18n_elements) is not accepted; use schema 2.0 body.elements");
    }
    if (!"2.0".equals(card.path("schema").asText())) {
      throw invalid(200621, "card schema must be \"2.0\"");
    }
    for (Iterator<String> it = card.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!TOP_LEVEL.contains(key)) {
        throw invalid(200621, "unknown top-level attribute \"" + key + "\" in a 2.0 card");
      }
    }
    JsonNode updateMulti = card.path("config").get("update_multi");
    if (updateMulti != null && !updateMulti.asBoolean(true)) {
      throw invalid(200621, "config.update_multi must be true in a 2.0 card");
    }
    checkHeader(card.get("header"));
    JsonNode elements = card.path("body").get("elements");
    if (elements == null || !elements.isArray()) {
      throw invalid(200621, "body.elements must be an array");
    }
    Tally tally = new Tally();
    walk(elements, 1, false, tally);
    int counted = countElements(card);
    if (counted > MAX_COMPONENTS) {
      throw invalid(11310, "element exceeds the limit: " + counted + " elements, at most " + MAX_COMPONENTS);
    }
    if (tally.tables > MAX_TABLES) {
      throw invalid(11310, "a card holds at most " + MAX_TABLES + " tables, found " + tally.tables);
    }
  }

  /** Tagged nodes at any depth, plus the untagged options of selects and overflows. */
  public static int countElements(JsonNode node) {
    int n = node.isObject() && node.has("tag") ? 1 : 0;
    if (node.isObject() && node.path("options").isArray()) {
      for (JsonNode option : node.get("options")) {
        n += option.isObject() && !option.has("tag") ? 1 : 0;
      }
    }
    for (JsonNode child : node) {
      n += child.isContainerNode() ? countElements(child) : 0;
    }
    return n;
  }

  /** What a walk over the components has counted so far. */
  private static final class Tally {
    int tables;
    final Set<String> elementIds = new java.util.HashSet<>();
  }

  private static void checkHeader(JsonNode header) {
    if (header == null) {
      return;
    }
    if (!header.has("title")) {
      throw invalid(200621, "header.title is required");
    }
    String template = header.path("template").asText("blue");
    if (!HEADER_TEMPLATES.contains(template)) {
      throw invalid(200621, "header.template \"" + template + "\" is not a card color");
    }
    if (header.path("text_tag_list").size() > 3) {
      throw invalid(200621, "header.text_tag_list holds at most 3 tags");
    }
  }

  private static void validateWrapper(JsonNode card) {
    String type = card.path("type").asText();
    JsonNode data = card.path("data");
    if ("template".equals(type) && data.hasNonNull("template_id")) {
      return;
    }
    if ("card".equals(type) && data.hasNonNull("card_id")) {
      return;
    }
    throw invalid(200380, "invalid card wrapper: type template needs data.template_id, type card needs data.card_id");
  }

  /** Checks the components of one array at {@code depth}, counting them (nested included) into the tally. */
  private static void walk(JsonNode array, int depth, boolean inForm, Tally tally) {
    for (JsonNode c : array) {
      if (!c.isObject()) {
        throw invalid(200621, "a component must be a JSON object");
      }
      String tag = c.path("tag").asText("");
      if (V1_ONLY.contains(tag)) {
        throw invalid(200621, "component tag \"" + tag + "\" was removed in card JSON 2.0");
      }
      if (!TAGS.contains(tag)) {
        throw invalid(200621, "unknown component tag \"" + tag + "\"");
      }
      if (depth > MAX_DEPTH) {
        throw invalid(11310, "components are nested more than " + MAX_DEPTH + " levels deep");
      }
      checkBehaviors(c);
      checkElementId(c, tally);
      if ("form".equals(tag)) {
        checkForm(c, inForm);
      }
      if (inForm && FORM_FIELDS.contains(tag) && c.path("name").asText("").isEmpty()) {
        throw invalid(200530, "component \"" + tag + "\" inside a form needs a name");
      }
      if ("table".equals(tag)) {
        tally.tables++;
      }
      if (CONTAINERS.contains(tag)) {
        boolean form = inForm || "form".equals(tag);
        if (c.has("columns")) {
          walk(c.get("columns"), depth + 1, form, tally);
        }
        if (c.has("elements")) {
          walk(c.get("elements"), depth + 1, form, tally);
        }
      }
    }
  }

  private static void checkElementId(JsonNode c, Tally tally) {
    JsonNode id = c.get("element_id");
    if (id == null) {
      return;
    }
    if (!id.asText().matches(ELEMENT_ID)) {
      throw invalid(200621, "element_id \"" + id.asText() + "\" must start with a letter, use letters, digits, _ and be at most 20 long");
    }
    if (!tally.elementIds.add(id.asText())) {
      throw invalid(200621, "element_id \"" + id.asText() + "\" is not unique");
    }
  }

  private static void checkBehaviors(JsonNode c) {
    JsonNode behaviors = c.get("behaviors");
    if (behaviors == null) {
      return;
    }
    if (!behaviors.isArray()) {
      throw invalid(200621, "behaviors must be an array");
    }
    for (JsonNode b : behaviors) {
      String type = b.path("type").asText();
      if ("callback".equals(type)) {
        JsonNode value = b.get("value");
        if (value != null && !value.isObject()) {
          throw invalid(200621, "behaviors[].value of a callback must be a JSON object");
        }
      } else if (!"open_url".equals(type)) {
        throw invalid(200621, "unknown behavior type \"" + type + "\"");
      }
    }
  }

  private static void checkForm(JsonNode form, boolean nested) {
    if (nested) {
      throw invalid(200621, "a form cannot contain another form");
    }
    if (form.path("name").asText("").isEmpty()) {
      throw invalid(200530, "a form needs a name");
    }
    if (!hasSubmit(form.path("elements"))) {
      throw invalid(200530, "a form needs a submit button (form_action_type submit) with a name");
    }
  }

  private static boolean hasSubmit(JsonNode elements) {
    for (JsonNode c : elements) {
      if ("button".equals(c.path("tag").asText()) && "submit".equals(c.path("form_action_type").asText())
          && !c.path("name").asText("").isEmpty()) {
        return true;
      }
      if (c.has("columns") && hasSubmit(c.get("columns")) || c.has("elements") && hasSubmit(c.get("elements"))) {
        return true;
      }
    }
    return false;
  }

  private static CardViolation invalid(int subCode, String detail) {
    return new CardViolation(INVALID, "Failed to create card content, ext=ErrCode: " + subCode + "; ErrMsg: " + detail + ";");
  }
}
