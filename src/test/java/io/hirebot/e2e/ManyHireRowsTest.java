package io.hirebot.e2e;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.sandbox.ImState;
import io.hirebot.sandbox.MessageSpec;
import io.hirebot.sandbox.SentMessage;
import io.hirebot.sandbox.hire.DemoTenant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The many rows of {@link ManyHireRows} (a hundred and four stages, two hundred candidates and interviews, a talent with forty
 * applications each carrying a hundred evaluations and thirty interviews of thirty interviewers, twenty parked events
 * with long errors…) on every card a read command answers, in both languages: each arrives within Feishu's limits,
 * never as the internal-error card, and a card that shows fewer rows than there are says so. "digest now" is not
 * asked: the 240 active applications' details take about 26 s at Hire's 10 get_detail calls a second, past the
 * harness's wait ({@link DigestStagesTest} and the README's digest section measure it; its card fits by halving).
 */
class ManyHireRowsTest {
  private static final String TEAM = ImState.DEMO_TEAM_CHAT;
  private static final AtomicInteger MANAGERS = new AtomicInteger();
  @RegisterExtension
  static final BotHarness h = BotHarness.encrypted();
  private static ManyHireRows.Seeded seeded;
  private static SentMessage candidates;

  @BeforeAll
  static void start() {
    seeded = ManyHireRows.seed(h);
    ManyHireRows.parkEvents(h, h.clock.millis());
    LongHireTexts.followAll(h, TEAM, "subscribe job %s", "MR-%03d", ManyHireRows.JOBS);
    candidates = LongHireTexts.ask(h, MessageSpec.group(TEAM).from(DemoTenant.RECRUITER_LI).mentioningBot()
        .text("candidates for job MR-001"));
  }

  private static SentMessage ask(MessageSpec spec) {
    return LongHireTexts.ask(h, spec);
  }

  @ParameterizedTest
  @ValueSource(strings = {"candidates for job MR-001", "MR-001 的候选人", "candidates for job MR-001 in stage interview",
      "MR-001 在面试的候选人", "pipeline for job MR-001", "MR-001 的招聘漏斗", "jobs", "职位", "offers", "Offer 列表",
      "offers for job MR-001", "MR-001 的 Offer", "pending offers", "待处理的 Offer", "onboarding", "本周入职",
      "interviews", "面试", "interviews this week", "本周的面试", "candidate Mona Many", "候选人 Mona Many",
      "where is Mona Many", "Mona Many 到哪一步了", "candidate Mara Ab", "候选人 Mara Ac",
      "settings", "设置", "subscriptions", "订阅列表", "help", "帮助"})
  @DisplayName("every read command in a group answers the many rows with a card within limits")
  void groupCommands(String text) {
    ask(LongHireTexts.inChat(TEAM, text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"audit 50", "审计 50", "audit", "failed events", "失败事件", "candidate Mona Many",
      "候选人 Mona Many", "interviews this week", "本周的面试", "jobs", "职位"})
  @DisplayName("an admin asking privately (audit, failed events, profile with contact data) gets a card within limits")
  void adminPrivately(String text) {
    ask(MessageSpec.p2p(DemoTenant.ADMIN_ZHOU).text(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"my interviews", "我的面试", "my interviews this week", "我本周的面试", "my tasks", "我的待办"})
  @DisplayName("an interviewer on 200 interviews of 30 interviewers asking privately gets a card within limits")
  void interviewerPrivately(String text) {
    ask(MessageSpec.p2p(DemoTenant.INTERVIEWER_LIU).text(text));
  }

  @Test
  @DisplayName("every page of the profile of a talent with 40 heavy applications arrives within limits, in both "
      + "languages")
  void profilePages() {
    for (String text : List.of("candidate Mona Many", "page 2", "last page", "候选人 Mona Many", "第二页")) {
      ask(MessageSpec.p2p(DemoTenant.ADMIN_ZHOU).text(text));
    }
  }

  @Test
  @DisplayName("a card that lists fewer rows than there are says how many it shows and where to see the rest")
  void saysWhatIsLeftOut() {
    String failed = ask(MessageSpec.p2p(DemoTenant.ADMIN_ZHOU).text("failed events")).currentContent().toString();
    assertTrue(failed.matches(".*⚠️ Showing \\d+ of 20: more would not fit one Feishu card\\..*`event parked`.*"),
        failed.substring(0, 300));
    String zh = ask(MessageSpec.p2p(DemoTenant.ADMIN_ZHOU).text("失败事件")).currentContent().toString();
    assertTrue(zh.matches(".*仅显示 20 条中的 \\d+ 条.*"), zh.substring(0, 300));
    String profile = ask(MessageSpec.p2p(DemoTenant.ADMIN_ZHOU).text("candidate Mona Many")).currentContent().toString();
    assertTrue(profile.contains("Each list is cut to") && profile.contains("more would not fit one Feishu card"),
        profile.substring(0, 300));
  }

  @ParameterizedTest
  @ValueSource(strings = {"move Mara Ad to interview", "把 Mara Ae 推进到面试", "reject Mara Af", "淘汰 Mara Ag", "reject Mona Many",
      "advance Mara Ah", "note on Mara Ai: fine"})
  @DisplayName("a typed change's confirmation or its which-stage choice (94 interview rounds) arrives within limits")
  void typedChanges(String text) {
    ask(MessageSpec.group(TEAM).from(ManyHireRows.MANAGER + MANAGERS.getAndIncrement()).mentioningBot().text(text));
  }

  @Test
  @DisplayName("\"Which stage?\" for `to interview` in 94 interview rounds lists those that fit and says how to name another")
  void stageChoiceSaysWhatIsLeftOut() {
    String card = ask(MessageSpec.group(TEAM).from(ManyHireRows.MANAGER + MANAGERS.getAndIncrement()).mentioningBot()
        .text("move Mara Aj to interview")).currentContent().toString();
    assertTrue(card.contains("Which stage?") && card.matches(".*⚠️ Showing \\d+ of 94: .*")
        && card.contains("For another stage, type `move Mara Aj to` and the stage's name."), card.substring(0, 600));
  }

  @Test
  @DisplayName("\"Which stage?\" for `to interview` keeps the rounds nearest the candidate's own (the next first), in "
      + "process order")
  void stageChoiceKeepsTheNearest() {
    // GIVEN Mara Dc in round 78 of 94 interview rounds
    String card = ask(MessageSpec.group(TEAM).from(ManyHireRows.MANAGER + MANAGERS.getAndIncrement()).mentioningBot()
        .text("move Mara Dc to interview")).currentContent().toString();
    // THEN the rounds just after and before hers are choices, the first rounds are the ones left out
    assertTrue(card.contains("round 79\"") && card.contains("round 94\"") && card.contains("round 77\""),
        card.substring(0, 600));
    assertFalse(card.contains("round 1\""), card.substring(0, 600));
    assertTrue(card.indexOf("round 77\"") < card.indexOf("round 79\""), "in process order");
  }

  @Test
  @DisplayName("the Move form of someone in an early stage of 104 keeps the next stages and Offer and Onboarding, in "
      + "process order, and says how to name another")
  void moveFormKeepsTheNextAndTheOffer() {
    // GIVEN Mara Ak in Technical interview round 8 (stage 11 of 104)
    var mara = seeded.rows().get(10);
    String form = LongHireTexts.openForm(h, candidates.messageId(), mara, "move").toString();
    for (String stage : List.of("Technical interview round 7", "Technical interview round 9",
        "Technical interview round 20", "Offer discussion", "Pending onboarding", "Resume screening")) {
      assertTrue(form.contains("\"" + stage + "\""), stage + " in " + form);
    }
    assertFalse(form.contains("\"Technical interview round 94\""), form);
    assertTrue(form.indexOf("round 9\"") < form.indexOf("round 20\"")
        && form.indexOf("round 20\"") < form.indexOf("Offer discussion"), "in process order: " + form);
    assertTrue(form.contains("For another stage, type `move Mara Ak to` and the stage's name."), form);
  }

  @ParameterizedTest
  @ValueSource(strings = {"reject", "move", "note"})
  @DisplayName("the Reject (300 reasons) and Move (104 stages) forms of a row arrive within limits")
  void forms(String action) {
    String form = LongHireTexts.openForm(h, candidates.messageId(), seeded.rows().get(3), action).toString();
    if ("move".equals(action)) {
      // The stages left out of the select are named by a typed move.
      assertTrue(form.contains("For another stage, type `move Mara Ad to` and the stage's name."), form);
    }
  }
}
