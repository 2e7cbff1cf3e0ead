package io.hirebot.cards;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hirebot.hire.Offer;
import io.hirebot.i18n.Language;
import io.hirebot.i18n.Messages;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What an offer status means for the team, in both languages, with and without a start date. */
class FlowTextsTest {
  private final Messages messages = Messages.load();

  @Test
  @DisplayName("accepted with an onboard date says when the candidate starts; other statuses say what comes next")
  void offerMeaning() {
    Offer dated = new Offer("o1", "a1", 7, "2026-12-21", null);
    Offer undated = new Offer("o2", "a2", 7, "", null);
    Offer badDate = new Offer("o3", "a3", 7, "21/12/2026", null);

    assertEquals("accepted — starts Dec 21", FlowTexts.offerMeaning(messages, 7, dated, Language.EN));
    assertEquals("候选人已接受——12月21日入职", FlowTexts.offerMeaning(messages, 7, dated, Language.ZH));
    assertEquals("accepted — no start date set yet", FlowTexts.offerMeaning(messages, 7, undated, Language.EN));
    assertEquals("accepted — no start date set yet", FlowTexts.offerMeaning(messages, 7, badDate, Language.EN));
    assertEquals("sent — waiting for the candidate to answer",
        FlowTexts.offerMeaning(messages, 6, dated, Language.EN));
    assertEquals("已发出——等待候选人答复", FlowTexts.offerMeaning(messages, 6, dated, Language.ZH));
    assertEquals("status changed", FlowTexts.offerMeaning(messages, 42, dated, Language.EN));
  }
}
