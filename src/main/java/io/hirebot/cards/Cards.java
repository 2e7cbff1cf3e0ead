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
    ObjectNode card = renderer.render(templates.shared(name), model);
    return violations(card).isEmpty() ? java.util.Optional.of(card) : java.util.Optional.empty();
  }

  /** A rendering the halving ladder settled on, and the count {@code n} its model was made with. */
  public record Fitted(int n, ObjectNode card) {}

  /**
   * The halving ladder of a card that may grow past Feishu's limits (a card Feishu refuses is one the user never gets):
   * renders template {@code name} with {@code model.apply(n)} for n = {@code most}, most/2, …, 1, 0, where n is how
   * much the card shows in full (jobs, rows with buttons, characters of a text), and returns the first rendering that
   * fits, with its n; empty when none does, not even with n = 0, and the caller gives way elsewhere.
   */
  public java.util.Optional<Fitted> halving(String name, int most, java.util.function.IntFunction<ObjectNode> model) {
    for (int n = Math.max(most, 0); ; n /= 2) {
      java.util.Optional<ObjectNode> card = renderIfFits(name, model.apply(n));
      if (card.isPresent()) {
        return java.util.Optional.of(new Fitted(n, card.get()));
      }
      if (n == 0) {
        return java.util.Optional.empty();
      }
    }
  }

  /**
   * A list-shaped card's model showing {@code rows} of its rows, in {@code lang}: its first ones, or those that matter
   * most, in the list's order ({@code util.Kept}).
   */
  @FunctionalInterface
  public interface RowsModel {
    ObjectNode model(int rows, Language lang);
  }

  /**
   * A list-shaped card fitted to Feishu's limits (a card Feishu refuses is an answer the user never gets): the model
   * lists n of its rows, n = {@code rows}, rows/2, …, 1, 0, the first n whose rendering in the writer's language
   * fits ({@link #halving}), then the card in both languages where that still fits ({@link #bilingual}). A model given
   * fewer rows than it has says so, and where to see the rest ({@link RowsShown}). Should even no rows not fit, the
   * card is rendered as it is and refused (a bug in the caller, logged).
   */
  public Fitted fitRows(String name, Language writer, int rows, RowsModel model) {
    int n = halving(name, rows, k -> model.model(k, writer)).map(Fitted::n).orElse(0);
    return new Fitted(n, bilingual(writer, lang -> render(name, model.model(n, lang))));
  }

  /**
   * As {@link #fitRows(String, Language, int, RowsModel)}, for a card in one language only (a form the clicker alone
   * sees, which Feishu takes without per-viewer texts): {@code model} given the rows to list.
   */
  public ObjectNode fitRows(String name, int rows, java.util.function.IntFunction<ObjectNode> model) {
    return halving(name, rows, model).map(Fitted::card).orElseGet(() -> render(name, model.apply(0)));
  }

  /** Renders template {@code name}; a card over Feishu's limits is a bug in the caller's paging. */
  public ObjectNode render(String name, ObjectNode model) {
    ObjectNode card = renderer.render(templates.shared(name), model);
    Merging merging = MERGING.get();
    if (merging.depth > 0) {
      // Inside bilingual(), which checks the one card it returns.
      merging.template = name;
      return card;
    }
    check(name, card);
    return card;
  }

  /**
   * Renders a card in the writer's language and in the other one, and merges them so each viewer reads
   * their client's language; where that would break Feishu's limits (or the two differ in shape), the
   * writer's language alone. Only the card returned is checked against the limits (once, not once per language).
   *
   * @param render renders the card in the given language (pure: same data, only the texts change)
   */
  public ObjectNode bilingual(Language writer, Function<Language, ObjectNode> render) {
    Language otherLang = writer == Language.EN ? Language.ZH : Language.EN;
    Merging merging = MERGING.get();
    String outer = merging.template;
    ObjectNode mine;
    ObjectNode other;
    String name;
    merging.depth++;
    try {
      mine = render.apply(writer);
      name = merging.template;
      other = render.apply(otherLang);
    } finally {
      merging.depth--;
      merging.template = outer;
    }
    java.util.Optional<ObjectNode> merged = Bilingual.merge(mine, writer, other, otherLang)
        .filter(card -> violations(card).isEmpty());
    if (merged.isPresent()) {
      return merged.get();
    }
    if (merging.depth == 0) {
      check(name, mine);
    }
    return mine;
  }

  /** The rendering in progress on this thread: bilingual() nesting depth and the template rendered last. */
  private static final class Merging {
    int depth;
    String template;
  }

  private static final ThreadLocal<Merging> MERGING = ThreadLocal.withInitial(Merging::new);

  private void check(String name, ObjectNode card) {
    List<String> problems = violations(card);
    if (!problems.isEmpty()) {
      log.error("card over Feishu limits template={} problems={}", name, problems);
      throw new IllegalStateException("card " + name + " breaks Feishu limits: " + problems);
    }
  }

  private List<String> violations(ObjectNode card) {
    return CardLimits.violations(card, serializedBytes(card));
  }

  /** The card's size as sent (its JSON text in UTF-8), counted while writing it, without building the text. */
  int serializedBytes(ObjectNode card) {
    Utf8Count count = new Utf8Count();
    try {
      mapper.writeValue(count, card);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("card not serializable", e);
    }
    return count.bytes;
  }

  /** Counts the UTF-8 bytes of the characters written to it (a surrogate pair is 4: 2 per half). */
  private static final class Utf8Count extends java.io.Writer {
    int bytes;

    @Override
    public void write(char[] chars, int off, int len) {
      for (int i = off; i < off + len; i++) {
        bytes += utf8(chars[i]);
      }
    }

    @Override
    public void write(String text, int off, int len) {
      for (int i = off; i < off + len; i++) {
        bytes += utf8(text.charAt(i));
      }
    }

    private static int utf8(char c) {
      return c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
    }

    @Override
    public void flush() {
      // Nothing is kept.
    }

    @Override
    public void close() {
      // Nothing is held.
    }
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
