package io.hirebot.cards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The card templates ({@code cards/<name>.json} on the classpath, Feishu card JSON 2.0 with
 * {@code ${placeholders}}), loaded and parsed once at start-up. Files in the optional override
 * directory ({@code HIREBOT_CARDS_DIR}) replace the built-in template of the same name.
 */
public final class CardTemplates {
  /** Every template the bot uses; a missing or unparsable one stops start-up. */
  public static final List<String> NAMES =
      List.of("candidates", "help", "job-not-found", "job-picker", "error", "notice", "jobs", "profile", "pipeline",
          "interviews", "offers", "action-form", "audit", "failed-events", "notification", "digest", "reminder", "tasks",
          "onboarding", "choices", "typed-confirm", "quiet-batch", "settings");
  /** Pieces shared by several cards ({@code cards/partials/<name>.json}, a JSON array of elements). */
  public static final List<String> PARTIALS = List.of("pager", "shown");
  /** An array element {@code {"$partial": "pager"}} is replaced by the partial's elements at load time. */
  static final String PARTIAL = "$partial";

  private final Map<String, ObjectNode> templates = new HashMap<>();

  private CardTemplates() {}

  public static CardTemplates load(ObjectMapper mapper, Optional<Path> overrideDir) {
    CardTemplates t = new CardTemplates();
    Map<String, JsonNode> partials = new HashMap<>();
    for (String name : PARTIALS) {
      partials.put(name, readJson(mapper, "partials/" + name + ".json", overrideDir));
    }
    for (String name : NAMES) {
      ObjectNode template = read(mapper, name, overrideDir);
      t.templates.put(name, (ObjectNode) inline(template, partials, name));
    }
    return t;
  }

  /** The template itself, for the renderer, which never modifies it (a copy per card cost a deep copy per render). */
  ObjectNode shared(String name) {
    ObjectNode template = templates.get(name);
    if (template == null) {
      throw new IllegalArgumentException("no card template " + name);
    }
    return template;
  }

  /** A fresh copy of the template, safe to fill in. */
  public ObjectNode get(String name) {
    ObjectNode template = templates.get(name);
    if (template == null) {
      throw new IllegalArgumentException("no card template " + name);
    }
    return template.deepCopy();
  }

  private static ObjectNode read(ObjectMapper mapper, String name, Optional<Path> overrideDir) {
    String file = name + ".json";
    JsonNode node = readJson(mapper, file, overrideDir);
    if (!(node instanceof ObjectNode obj) || !"2.0".equals(obj.path("schema").asText())) {
      throw new IllegalStateException("card template " + file + " is not a JSON 2.0 card object");
    }
    return obj;
  }

  private static JsonNode readJson(ObjectMapper mapper, String file, Optional<Path> overrideDir) {
    try {
      Optional<Path> override = overrideDir.map(d -> d.resolve(file)).filter(Files::isRegularFile);
      if (override.isPresent()) {
        return mapper.readTree(override.get().toFile());
      }
      try (InputStream in = CardTemplates.class.getClassLoader().getResourceAsStream("cards/" + file)) {
        if (in == null) {
          throw new IllegalStateException("missing card template cards/" + file);
        }
        return mapper.readTree(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("card template " + file + " is not valid JSON", e);
    }
  }

  /** A copy of {@code node} with every {@code {"$partial": name}} array element replaced by the partial's elements. */
  private static JsonNode inline(JsonNode node, Map<String, JsonNode> partials, String template) {
    if (node.isObject()) {
      ObjectNode out = ((ObjectNode) node).objectNode();
      node.fields().forEachRemaining(e -> out.set(e.getKey(), inline(e.getValue(), partials, template)));
      return out;
    }
    if (!node.isArray()) {
      return node;
    }
    ArrayNode out = ((ArrayNode) node).arrayNode();
    for (JsonNode element : node) {
      if (element.has(PARTIAL)) {
        JsonNode partial = partials.get(element.get(PARTIAL).asText());
        if (partial == null || !partial.isArray()) {
          throw new IllegalStateException("card template " + template + " uses unknown partial " + element);
        }
        partial.forEach(p -> out.add(inline(p, partials, template)));
      } else {
        out.add(inline(element, partials, template));
      }
    }
    return out;
  }
}
