package io.hirebot.cards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
      List.of("candidates", "help", "job-not-found", "job-picker", "error", "notice", "jobs", "notification", "digest");

  private final Map<String, ObjectNode> templates = new HashMap<>();

  private CardTemplates() {}

  public static CardTemplates load(ObjectMapper mapper, Optional<Path> overrideDir) {
    CardTemplates t = new CardTemplates();
    for (String name : NAMES) {
      t.templates.put(name, read(mapper, name, overrideDir));
    }
    return t;
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
    try {
      JsonNode node;
      Optional<Path> override = overrideDir.map(d -> d.resolve(file)).filter(Files::isRegularFile);
      if (override.isPresent()) {
        node = mapper.readTree(override.get().toFile());
      } else {
        try (InputStream in = CardTemplates.class.getClassLoader().getResourceAsStream("cards/" + file)) {
          if (in == null) {
            throw new IllegalStateException("missing card template cards/" + file);
          }
          node = mapper.readTree(in);
        }
      }
      if (!(node instanceof ObjectNode obj) || !"2.0".equals(obj.path("schema").asText())) {
        throw new IllegalStateException("card template " + file + " is not a JSON 2.0 card object");
      }
      return obj;
    } catch (IOException e) {
      throw new UncheckedIOException("card template " + file + " is not valid JSON", e);
    }
  }
}
