package io.hirebot.cards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a card template from a JSON model by walking the Jackson tree, so values are always escaped
 * correctly and never spliced into JSON text. The template language is deliberately tiny:
 * <ul>
 *   <li>{@code "…${a.b}…"} in any string is replaced by the model value at path {@code a.b}; a string
 *       that is exactly one placeholder takes the value's JSON type (objects for callback values).</li>
 *   <li>An array element {@code {"$each": "path", "as": "x", "do": <element or array>}} repeats
 *       {@code do} for each item of the list at {@code path}, with the item bound to {@code x}.</li>
 *   <li>An array element {@code {"$if": "path", "then": …, "else": …}} keeps {@code then} when the value
 *       is truthy (present, not false, not 0, not empty), {@code else} (optional) otherwise.</li>
 * </ul>
 * Pure and thread-safe.
 */
public final class CardRenderer {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.\\-]+)}");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Renders {@code template} (not modified) with {@code model} into a new card. */
  public ObjectNode render(ObjectNode template, ObjectNode model) {
    return (ObjectNode) fill(template, new Scope(model, null, null));
  }

  /** Variable lookup: the innermost {@code $each} binding first, then the enclosing ones, then the model. */
  private record Scope(JsonNode root, String name, JsonNode value, Scope parent) {
    Scope(JsonNode root, String name, JsonNode value) {
      this(root, name, value, null);
    }

    Scope bind(String n, JsonNode v) {
      return new Scope(root, n, v, this);
    }

    JsonNode lookup(String path) {
      String[] parts = path.split("\\.");
      JsonNode node = null;
      for (Scope s = this; s != null && node == null; s = s.parent) {
        if (s.name != null && s.name.equals(parts[0])) {
          node = s.value;
        }
      }
      int start = node == null ? 0 : 1;
      if (node == null) {
        node = root;
      }
      for (int i = start; i < parts.length && node != null; i++) {
        // Message keys contain dots ("button.advance"): a flat key wins over nested lookup.
        JsonNode flat = node.isObject() ? node.get(String.join(".", Arrays.copyOfRange(parts, i, parts.length))) : null;
        if (flat != null) {
          return flat;
        }
        node = node.isArray() && parts[i].matches("\\d+") ? node.get(Integer.parseInt(parts[i])) : node.get(parts[i]);
      }
      return node;
    }
  }

  private JsonNode fill(JsonNode node, Scope scope) {
    if (node.isTextual()) {
      return fillText(node.asText(), scope);
    }
    if (node.isObject()) {
      ObjectNode out = NODES.objectNode();
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        var e = fields.next();
        out.set(e.getKey(), fill(e.getValue(), scope));
      }
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = NODES.arrayNode();
      for (JsonNode element : node) {
        expandInto(out, element, scope);
      }
      return out;
    }
    return node.deepCopy();
  }

  private void expandInto(ArrayNode out, JsonNode element, Scope scope) {
    if (element.has("$each")) {
      JsonNode list = scope.lookup(element.get("$each").asText());
      String as = element.path("as").asText("it");
      if (list != null && list.isArray()) {
        for (JsonNode item : list) {
          addAll(out, element.get("do"), scope.bind(as, item));
        }
      }
    } else if (element.has("$if")) {
      JsonNode branch = truthy(scope.lookup(element.get("$if").asText())) ? element.get("then") : element.get("else");
      addAll(out, branch, scope);
    } else {
      out.add(fill(element, scope));
    }
  }

  private void addAll(ArrayNode out, JsonNode body, Scope scope) {
    if (body == null) {
      return;
    }
    if (body.isArray()) {
      for (JsonNode e : body) {
        expandInto(out, e, scope);
      }
    } else {
      expandInto(out, body, scope);
    }
  }

  private JsonNode fillText(String text, Scope scope) {
    Matcher whole = PLACEHOLDER.matcher(text);
    if (whole.matches()) {
      JsonNode value = scope.lookup(whole.group(1));
      return value == null || value.isNull() ? TextNode.valueOf("") : value.deepCopy();
    }
    Matcher m = PLACEHOLDER.matcher(text);
    if (!m.find()) {
      return TextNode.valueOf(text);
    }
    StringBuilder sb = new StringBuilder();
    m.reset();
    while (m.find()) {
      JsonNode value = scope.lookup(m.group(1));
      m.appendReplacement(sb, Matcher.quoteReplacement(value == null || value.isNull() ? "" : value.asText()));
    }
    m.appendTail(sb);
    return TextNode.valueOf(sb.toString());
  }

  static boolean truthy(JsonNode v) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      return false;
    }
    if (v.isBoolean()) {
      return v.asBoolean();
    }
    if (v.isNumber()) {
      return v.asDouble() != 0;
    }
    if (v.isTextual()) {
      return !v.asText().isEmpty();
    }
    return v.size() > 0;
  }
}
