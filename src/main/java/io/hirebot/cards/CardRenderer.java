package io.hirebot.cards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 * Two rules keep a card from misleading, whatever the data:
 * <ul>
 *   <li><b>Values are data inside markdown.</b> A placeholder in the {@code content} of a {@code markdown}
 *       element (or of a {@code lark_md} text) is escaped with {@link Markdown#escape}, so a name, title,
 *       note or user text shows literally and can never mention anyone, link or style. The opt-out is
 *       explicit and visible in the template: {@code ${md:path}} inserts the value as markdown, and is only
 *       for values our code composed as markdown (from i18n patterns whose data arguments it escaped with
 *       {@link Markdown#escape}).</li>
 *   <li><b>Feishu's length limits hold.</b> After filling, every button text and select/overflow option
 *       text is cut to {@link Labels#MAX_LABEL} characters with an ellipsis.</li>
 * </ul>
 * Pure and thread-safe.
 */
public final class CardRenderer {
  /** {@code ${path}}, or {@code ${md:path}} for a value our code built as markdown (group 1 is "md:"). */
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(md:)?([A-Za-z0-9_.\\-]+)}");
  /** Text objects whose {@code content} Feishu reads as markdown. */
  private static final java.util.Set<String> MARKDOWN_TAGS = java.util.Set.of("markdown", "lark_md");
  /** Components whose {@code text} (and whose options' {@code text}) is a label of at most 100 characters. */
  private static final java.util.Set<String> LABELLED = java.util.Set.of("button", "overflow", "select_static",
      "multi_select_static");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Renders {@code template} (not modified) with {@code model} into a new card. */
  public ObjectNode render(ObjectNode template, ObjectNode model) {
    ObjectNode card = (ObjectNode) fill(template, new Scope(model, null, null), false);
    cutLabels(card);
    return card;
  }

  /** Variable lookup: the innermost {@code $each} binding first, then the enclosing ones, then the model. */
  private record Scope(JsonNode root, String name, JsonNode value, Scope parent) {
    Scope(JsonNode root, String name, JsonNode value) {
      this(root, name, value, null);
    }

    Scope bind(String n, JsonNode v) {
      return new Scope(root, n, v, this);
    }

    JsonNode lookup(String text) {
      Path path = Path.of(text);
      JsonNode node = null;
      for (Scope s = this; s != null && node == null; s = s.parent) {
        if (s.name != null && s.name.equals(path.parts[0])) {
          node = s.value;
        }
      }
      int start = node == null ? 0 : 1;
      if (node == null) {
        node = root;
      }
      for (int i = start; i < path.parts.length && node != null; i++) {
        // Message keys contain dots ("button.advance"): a flat key wins over nested lookup.
        JsonNode flat = node.isObject() ? node.get(path.rest[i]) : null;
        if (flat != null) {
          return flat;
        }
        node = node.isArray() && path.indexes[i] >= 0 ? node.get(path.indexes[i]) : node.get(path.parts[i]);
      }
      return node;
    }
  }

  /**
   * A placeholder's path split once: its parts, each part with the rest of the path joined (the flat key tried
   * first) and each part as an array index (-1 when not a number). Paths come from templates only, so the cache
   * is as small as the templates.
   */
  private record Path(String[] parts, String[] rest, int[] indexes) {
    private static final Map<String, Path> PARSED = new ConcurrentHashMap<>();

    static Path of(String text) {
      return PARSED.computeIfAbsent(text, Path::parse);
    }

    private static Path parse(String text) {
      String[] parts = text.split("\\.");
      String[] rest = new String[parts.length];
      int[] indexes = new int[parts.length];
      for (int i = 0; i < parts.length; i++) {
        rest[i] = String.join(".", Arrays.copyOfRange(parts, i, parts.length));
        indexes[i] = parts[i].matches("\\d+") && parts[i].length() < 10 ? Integer.parseInt(parts[i]) : -1;
      }
      return new Path(parts, rest, indexes);
    }
  }

  /** @param markdown whether {@code node} is the content of a markdown text (its values are escaped) */
  private JsonNode fill(JsonNode node, Scope scope, boolean markdown) {
    if (node.isTextual()) {
      return fillText(node.asText(), scope, markdown);
    }
    if (node.isObject()) {
      ObjectNode out = NODES.objectNode();
      boolean markdownObject = MARKDOWN_TAGS.contains(node.path("tag").asText());
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        var e = fields.next();
        out.set(e.getKey(), fill(e.getValue(), scope, markdownObject && "content".equals(e.getKey())));
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

  /** Cuts every button and option text in the rendered card to Feishu's limit. */
  private static void cutLabels(JsonNode node) {
    if (node.isArray()) {
      node.forEach(CardRenderer::cutLabels);
      return;
    }
    if (!node.isObject()) {
      return;
    }
    if (LABELLED.contains(node.path("tag").asText())) {
      cutText(node.get("text"));
      for (JsonNode option : node.path("options")) {
        cutText(option.get("text"));
      }
    }
    node.forEach(CardRenderer::cutLabels);
  }

  private static void cutText(JsonNode text) {
    if (text instanceof ObjectNode t && t.path("content").isTextual()) {
      t.put("content", Labels.cut(t.get("content").asText(), Labels.MAX_LABEL));
    }
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
      out.add(fill(element, scope, false));
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

  private JsonNode fillText(String text, Scope scope, boolean markdown) {
    Text parsed = Text.of(text);
    if (parsed.placeholders.length == 0) {
      return TextNode.valueOf(text);
    }
    if (parsed.whole) {
      JsonNode value = scope.lookup(parsed.placeholders[0]);
      if (value == null || value.isNull()) {
        return TextNode.valueOf("");
      }
      return markdown && value.isValueNode() ? TextNode.valueOf(inMarkdown(value, parsed.ownMarkdown[0]))
          : value.deepCopy();
    }
    StringBuilder sb = new StringBuilder(text.length() + 32);
    for (int i = 0; i < parsed.placeholders.length; i++) {
      sb.append(parsed.literals[i]);
      JsonNode value = scope.lookup(parsed.placeholders[i]);
      if (value != null && !value.isNull()) {
        sb.append(markdown ? inMarkdown(value, parsed.ownMarkdown[i]) : value.asText());
      }
    }
    sb.append(parsed.literals[parsed.placeholders.length]);
    return TextNode.valueOf(sb.toString());
  }

  /**
   * A template string split once at its placeholders: {@code literals[i]} precedes {@code placeholders[i]}, the
   * last literal follows the last one; {@code whole} when the string is exactly one placeholder. Only template
   * strings are parsed (model values are copied, never filled), so the cache is as small as the templates.
   */
  private record Text(String[] literals, String[] placeholders, boolean[] ownMarkdown, boolean whole) {
    private static final Map<String, Text> PARSED = new ConcurrentHashMap<>();

    static Text of(String text) {
      return PARSED.computeIfAbsent(text, Text::parse);
    }

    private static Text parse(String text) {
      java.util.List<String> literals = new java.util.ArrayList<>();
      java.util.List<String> placeholders = new java.util.ArrayList<>();
      java.util.List<Boolean> own = new java.util.ArrayList<>();
      Matcher m = PLACEHOLDER.matcher(text);
      int at = 0;
      while (m.find()) {
        literals.add(text.substring(at, m.start()));
        placeholders.add(m.group(2));
        own.add(m.group(1) != null);
        at = m.end();
      }
      literals.add(text.substring(at));
      boolean[] ownMarkdown = new boolean[own.size()];
      for (int i = 0; i < ownMarkdown.length; i++) {
        ownMarkdown[i] = own.get(i);
      }
      return new Text(literals.toArray(String[]::new), placeholders.toArray(String[]::new), ownMarkdown,
          PLACEHOLDER.matcher(text).matches());
    }
  }

  /** A value placed in markdown content: escaped, unless the template marked it as our own markdown. */
  private static String inMarkdown(JsonNode value, boolean ownMarkdown) {
    return ownMarkdown ? value.asText() : Markdown.escape(value.asText());
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
