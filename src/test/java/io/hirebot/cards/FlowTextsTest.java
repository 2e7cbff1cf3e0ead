package io.hirebot.cards;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hirebot.hire.Application;
import io.hirebot.hire.Evaluation;
import io.hirebot.hire.Interview;
import io.hirebot.hire.Offer;
import io.hirebot.hire.Person;
import io.hirebot.hire.Progress;
import io.hirebot.hire.Stage;
import io.hirebot.hire.StageType;
import java.time.Instant;
import java.util.List;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import io.hirebot.i18n.Language;
import io.hirebot.i18n.Messages;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import io.hirebot.testing.WholeCharacters;

/** What an offer status and an interviewer's feedback say to the team, in both languages. */
class FlowTextsTest {
  private final Messages messages = Messages.load();

  @Test
  @DisplayName("accepted with an onboard date says when the candidate starts, in StartWords' words as of now (a passed "
      + "day: not joined yet; joined: the day); other statuses say what comes next")
  void offerMeaning() {
    FlowTexts flow = new FlowTexts(messages);
    ZonedDateTime now = Instant.parse("2026-12-02T04:00:00Z").atZone(ZoneId.of("Asia/Shanghai"));
    Offer dated = new Offer("o1", "a1", 7, "2026-12-21", null);
    Offer passed = new Offer("o4", "a1", 7, "2026-11-30", null);
    Offer undated = new Offer("o2", "a2", 7, "", null);
    Offer badDate = new Offer("o3", "a3", 7, "21/12/2026", null);
    Application waiting = application(false, null);
    Application joined = application(true, Instant.parse("2026-12-01T02:00:00Z"));

    assertEquals("accepted — starts Dec 21", flow.offerMeaning(7, waiting, dated, now, Language.EN));
    assertEquals("候选人已接受——计划 12月21日入职", flow.offerMeaning(7, waiting, dated, now, Language.ZH));
    assertEquals("accepted — was to start Nov 30 · ⚠️ not joined yet",
        flow.offerMeaning(7, waiting, passed, now, Language.EN));
    assertEquals("候选人已接受——原定 11月30日入职 · ⚠️ 尚未入职", flow.offerMeaning(7, waiting, passed, now, Language.ZH));
    assertEquals("accepted — ✅ joined Dec 1", flow.offerMeaning(7, joined, passed, now, Language.EN));
    assertEquals("accepted — no start date set yet", flow.offerMeaning(7, waiting, undated, now, Language.EN));
    assertEquals("accepted — no start date set yet", flow.offerMeaning(7, waiting, badDate, now, Language.EN));
    assertEquals("sent — waiting for the candidate to answer", flow.offerMeaning(6, waiting, dated, now, Language.EN));
    assertEquals("已发出——等待候选人答复", flow.offerMeaning(6, waiting, dated, now, Language.ZH));
    assertEquals("status changed", flow.offerMeaning(42, waiting, dated, now, Language.EN));
  }

  private static Application application(boolean onboarded, Instant onboardedAt) {
    Instant applied = Instant.parse("2026-11-01T00:00:00Z");
    return new Application("a1", "job", "t1", "Pat", new Stage("s", "待入职", "Pending onboarding",
        StageType.PENDING_ONBOARDING), true, applied, applied,
        new Progress(true, List.of(), List.of(), null, onboarded, onboardedAt, null));
  }

  @Test
  @DisplayName("an evaluation's comment is quoted to 120 characters, an emoji at the cut kept whole or left out, "
      + "never split")
  void commentCutWhole() {
    String comment = "c".repeat(119) + "😀" + "c".repeat(10);
    String line = new FlowTexts(messages).evaluations(List.of(new Evaluation("ou_zhang", "s", true, 1, comment)), 10,
        Language.EN);
    WholeCharacters.assertWhole(line);
    org.junit.jupiter.api.Assertions.assertTrue(line.contains("c".repeat(119) + "…"), line);
  }

  @Test
  @DisplayName("Hire's 'not submitted' before the interview is over is no warning: the name alone; after it, ⚠️")
  void feedbackOwedOnlyOnceTheInterviewIsOver() {
    FlowTexts flow = new FlowTexts(messages);
    Interview.Feedback notSubmitted = new Interview.Feedback(new Person("ou_z", "赵敏", "Zhao Min"), false, 4);

    assertEquals("Zhao Min", flow.interviewer(notSubmitted, false, Language.EN));
    assertEquals("赵敏", flow.interviewer(notSubmitted, false, Language.ZH));
    assertEquals("Zhao Min: ⚠️ no feedback yet", flow.interviewer(notSubmitted, true, Language.EN));
  }
}
