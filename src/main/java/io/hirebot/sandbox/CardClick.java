package io.hirebot.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a console click (which component of which card, the chosen option, the filled form) into the
 * {@code card.action.trigger} a Feishu client would cause, taking the tag, name and callback value from the card as
 * the bot sent it, never from the browser, and refusing what a Feishu client would not send; stateless.
 */
final class CardClick {

  /** Feishu's default {@code max_length} of an input. */
  static final int INPUT_MAX = 1000;
  private static final Set<String> PATH_KEYS = Set.of("body", "elements", "columns");
  private static final int MAX_PATH = 40;

  /** Why a click cannot be sent; the message is shown to the console's user. */
  static final class Refused extends RuntimeException {
    Refused(String message) {
      super(message);
    }
  }

  private CardClick() {}

  /**
   * The action for a click on the component at {@code path} (keys and indexes from the card root) of {@code card}.
   *
   * @param click {@code option}, {@code form_value} (object) and {@code input_value} as the user chose them
   */
  static CardActionSpec resolve(String messageId, JsonNode card, JsonArray path, JsonObject click, String operator) {
    if (path == null || path.isEmpty() || path.size() > MAX_PATH) {
      throw new Refused("path must name a component of the card");
    }
    JsonNode node = card;
    JsonNode form = null;
    for (Object step : path) {
      if (step instanceof String key && PATH_KEYS.contains(key)) {
        node = node.path(key);
      } else if (step instanceof Integer index && node.isArray()) {
        node = node.path(index);
      } else {
        throw new Refused("path step " + step + " does not lead into the card");
      }
      if (node.isMissingNode()) {
        throw new Refused("no component at " + path.encode());
      }
      if ("form".equals(node.path("tag").asText())) {
        form = node;
      }
    }
    String tag = node.path("tag").asText();
    if (node.path("disabled").asBoolean(false)) {
      throw new Refused("the " + tag + " is disabled");
    }
    CardActionSpec spec = CardActionSpec.on(messageId).by(operator).tag(tag).value(callbackValue(node, tag));
    if (node.hasNonNull("name")) {
      spec.name(node.get("name").asText());
    }
    switch (tag) {
      case "button" -> {
        if (form != null && "submit".equals(node.path("form_action_type").asText())) {
          spec.formValue(formValue(form, click.getValue("form_value")));
        }
      }
      case "overflow", "select_static" -> spec.option(option(node, click.getValue("option")));
      case "input" -> spec.inputValue(input(node, click.getValue("input_value")));
      default -> throw new Refused("a " + tag + " cannot be clicked");
    }
    return spec;
  }

  private static JsonObject callbackValue(JsonNode component, String tag) {
    for (JsonNode b : component.path("behaviors")) {
      if ("callback".equals(b.path("type").asText())) {
        JsonNode value = b.get("value");
        return value != null && value.isObject() ? JsonSupport.toVertx(value) : new JsonObject();
      }
    }
    if ("button".equals(tag) && "submit".equals(component.path("form_action_type").asText())) {
      return new JsonObject();
    }
    throw new Refused("this " + tag + " has no callback behaviour: Feishu sends nothing to the bot");
  }

  private static String option(JsonNode component, Object chosen) {
    if (!(chosen instanceof String value)) {
      throw new Refused("choose an option");
    }
    for (JsonNode o : component.path("options")) {
      if (value.equals(o.path("value").asText())) {
        return value;
      }
    }
    throw new Refused("\"" + value + "\" is not one of the options");
  }

  private static String input(JsonNode component, Object typed) {
    String text = typed instanceof String s ? s : "";
    int max = component.path("max_length").asInt(INPUT_MAX);
    if (text.length() > max) {
      throw new Refused("at most " + max + " characters");
    }
    if (text.isEmpty() && component.path("required").asBoolean(false)) {
      throw new Refused("this field is required");
    }
    return text;
  }

  /** The values of the form's named fields, as Feishu submits them: required ones filled, options from the list. */
  private static JsonObject formValue(JsonNode form, Object submitted) {
    JsonObject given = submitted instanceof JsonObject o ? o : new JsonObject();
    List<JsonNode> fields = new ArrayList<>();
    collectFields(form.path("elements"), fields);
    Set<String> names = new HashSet<>();
    JsonObject out = new JsonObject();
    for (JsonNode field : fields) {
      String name = field.path("name").asText();
      names.add(name);
      Object value = given.getValue(name);
      boolean empty = value == null || value instanceof String s && s.isEmpty();
      if (empty) {
        if (field.path("required").asBoolean(false)) {
          throw new Refused("\"" + name + "\" is required");
        }
        continue;
      }
      out.put(name, switch (field.path("tag").asText()) {
        case "select_static" -> option(field, value);
        default -> input(field, value);
      });
    }
    for (String key : given.fieldNames()) {
      if (!names.contains(key)) {
        throw new Refused("the form has no field \"" + key + "\"");
      }
    }
    return out;
  }

  private static void collectFields(JsonNode elements, List<JsonNode> into) {
    for (JsonNode e : elements) {
      String tag = e.path("tag").asText();
      if (("input".equals(tag) || "select_static".equals(tag)) && e.hasNonNull("name")) {
        into.add(e);
      }
      collectFields(e.path("elements"), into);
      for (JsonNode column : e.path("columns")) {
        collectFields(column.path("elements"), into);
      }
    }
  }
}
