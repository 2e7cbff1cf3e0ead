package io.hirebot.cards;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.i18n.Language;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Renders named templates with a model and checks the result against Feishu's card limits. */
public final class Cards {
  private static final Logger log = LoggerFactory.getLogger(Cards.class);

  private final CardTemplates templates;
  private final CardRenderer renderer = new CardRenderer();
  private final ObjectMapper mapper;

  public Cards(CardTemplates templates, ObjectMapper mapper) {
    this.templates = templates;
    this.mapper = mapper;
  }

  /** Renders template {@code name}, or nothing when the card would break Feishu's limits (the caller shows less). */
  public java.util.Optional<ObjectNode> renderIfFits(String name, ObjectNode model) {
    ObjectNode card = renderer.render(templates.get(name), model);
    return CardLimits.violations(card, serialize(card)).isEmpty() ? java.util.Optional.of(card)
        : java.util.Optional.empty();
  }

  /** Renders template {@code name}; a card over Feishu's limits is a bug in the caller's paging. */
  public ObjectNode render(String name, ObjectNode model) {
    ObjectNode card = renderer.render(templates.get(name), model);
    List<String> problems = CardLimits.violations(card, serialize(card));
    if (!problems.isEmpty()) {
      log.error("card over Feishu limits template={} problems={}", name, problems);
      throw new IllegalStateException("card " + name + " breaks Feishu limits: " + problems);
    }
    return card;
  }

  /**
   * Renders a card in the writer's language and in the other one, and merges them so each viewer reads
   * their client's language; where that would break Feishu's limits (or the two differ in shape), the
   * writer's language alone.
   *
   * @param render renders the card in the given language (pure: same data, only the texts change)
   */
  public ObjectNode bilingual(Language writer, Function<Language, ObjectNode> render) {
    ObjectNode mine = render.apply(writer);
    Language otherLang = writer == Language.EN ? Language.ZH : Language.EN;
    return Bilingual.merge(mine, writer, render.apply(otherLang), otherLang)
        .filter(card -> CardLimits.violations(card, serialize(card)).isEmpty())
        .orElse(mine);
  }

  /** A new empty model object. */
  public ObjectNode model() {
    return mapper.createObjectNode();
  }

  public ObjectMapper mapper() {
    return mapper;
  }

  public String serialize(ObjectNode card) {
    try {
      return mapper.writeValueAsString(card);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("card not serializable", e);
    }
  }
}
