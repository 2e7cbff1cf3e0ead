package io.hirebot.cards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.i18n.Language;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What a rendered card may be: within Feishu's limits, in both languages where they fit together. */
@DisplayName("Cards")
class CardsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Cards cards = new Cards(CardTemplates.load(JSON, Optional.empty()), JSON);

  private ObjectNode notice(Language lang, int chars) {
    String letter = lang == Language.EN ? "a" : "b";
    return cards.render("notice", cards.model().put("title", lang == Language.EN ? "Title" : "标题")
        .put("color", "blue").put("text", letter.repeat(chars)));
  }

  @Test
  @DisplayName("two languages that fit together are merged")
  void merged() {
    ObjectNode card = cards.bilingual(Language.EN, l -> notice(l, 100));

    assertEquals("[\"en_us\",\"zh_cn\"]", card.at("/config/locales").toString());
    assertEquals("b".repeat(100), card.at("/body/elements/0/i18n_content/zh_cn").asText());
  }

  @Test
  @DisplayName("two languages too big together: the writer's alone, checked once")
  void writerAloneWhenTooBig() {
    ObjectNode card = cards.bilingual(Language.ZH, l -> notice(l, 20_000));

    assertTrue(card.at("/config/locales").isMissingNode(), card.at("/config").toString());
    assertEquals("b".repeat(20_000), card.at("/body/elements/0/content").asText());
    assertEquals(java.util.List.of(), CardLimits.violations(card, cards.serialize(card)));
  }

  @Test
  @DisplayName("a writer's card over the limits is refused, naming its template, alone or in two languages")
  void overLimitsRefused() {
    IllegalStateException alone = assertThrows(IllegalStateException.class, () -> notice(Language.EN, 31_000));
    IllegalStateException both = assertThrows(IllegalStateException.class,
        () -> cards.bilingual(Language.EN, l -> notice(l, 31_000)));

    assertTrue(alone.getMessage().startsWith("card notice breaks Feishu limits: [size "), alone.getMessage());
    assertEquals(alone.getMessage(), both.getMessage());
    // The check inside bilingual() does not leak out of it: a card rendered afterwards is checked again.
    assertThrows(IllegalStateException.class, () -> notice(Language.EN, 31_000));
  }

  /** The audit card listing the first {@code n} of {@code total} rows of {@code chars} letters, and the line if fewer. */
  private ObjectNode rows(int n, int total, int chars, Language lang) {
    ObjectNode model = cards.model().put("title", lang == Language.EN ? "Rows" : "行");
    var list = model.putArray("rows");
    for (int i = 0; i < n; i++) {
      list.add((lang == Language.EN ? "a" : "b").repeat(chars));
    }
    if (n < total) {
      model.put(RowsShown.KEY, "showing " + n + " of " + total);
    }
    return model;
  }

  @Test
  @DisplayName("fitRows lists every row, in both languages, when they fit")
  void fitRowsAllWhenTheyFit() {
    Cards.Fitted fitted = cards.fitRows("audit", Language.EN, 20, (n, l) -> rows(n, 20, 100, l));

    assertEquals(20, fitted.n());
    assertEquals("[\"en_us\",\"zh_cn\"]", fitted.card().at("/config/locales").toString());
    assertEquals(20, fitted.card().at("/body/elements").size());
  }

  @Test
  @DisplayName("fitRows halves the rows until the writer's card fits, says so, and merges the other language only "
      + "where that fits too")
  void fitRowsHalves() {
    // 40 rows of 2,000 letters: 20 are 40 KB, 10 are 20 KB in one language and 40 KB in two.
    Cards.Fitted fitted = cards.fitRows("audit", Language.ZH, 40, (n, l) -> rows(n, 40, 2_000, l));

    assertEquals(10, fitted.n());
    assertTrue(fitted.card().at("/config/locales").isMissingNode(), fitted.card().at("/config").toString());
    assertEquals(11, fitted.card().at("/body/elements").size());
    assertEquals("showing 10 of 40", fitted.card().at("/body/elements/10/content").asText());
    assertEquals(java.util.List.of(), CardLimits.violations(fitted.card(), cards.serialize(fitted.card())));
  }

  @Test
  @DisplayName("fitRows in one language: the rows that fit Feishu's 200 elements")
  void fitRowsOneLanguage() {
    ObjectNode card = cards.fitRows("audit", 500, n -> rows(n, 500, 1, Language.EN));

    // A row is one element: 500 and 250 rows are too many; 125 fit.
    assertEquals(126, card.at("/body/elements").size());
    assertEquals("showing 125 of 500", card.at("/body/elements/125/content").asText());
  }

  @Test
  @DisplayName("the size checked is the UTF-8 JSON as sent")
  void sizeAsSent() {
    ObjectNode card = notice(Language.ZH, 0).put("extra", "候选人\"\\\n😀");

    assertEquals(cards.serialize(card).getBytes(java.nio.charset.StandardCharsets.UTF_8).length,
        cards.serializedBytes(card));
  }
}
