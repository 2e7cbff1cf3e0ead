package io.hirebot.cards;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hirebot.hire.Interview;
import io.hirebot.hire.Offer;
import io.hirebot.hire.Person;
import io.hirebot.i18n.DateTexts;
import java.time.ZoneId;
import io.hirebot.i18n.Language;
import io.hirebot.i18n.Messages;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What an offer status and an interviewer's feedback say to the team, in both languages. */
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

  @Test
  @DisplayName("Hire's 'not submitted' before the interview is over is no warning: the name alone; after it, ⚠️")
  void feedbackOwedOnlyOnceTheInterviewIsOver() {
    FlowTexts flow = new FlowTexts(messages, new DateTexts(ZoneId.of("Asia/Shanghai")));
    Interview.Feedback notSubmitted = new Interview.Feedback(new Person("ou_z", "赵敏", "Zhao Min"), false, 4);

    assertEquals("Zhao Min", flow.interviewer(notSubmitted, false, Language.EN));
    assertEquals("赵敏", flow.interviewer(notSubmitted, false, Language.ZH));
    assertEquals("Zhao Min: ⚠️ no feedback yet", flow.interviewer(notSubmitted, true, Language.EN));
  }
}
