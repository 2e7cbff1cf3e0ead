package io.hirebot.e2e;

import static io.hirebot.e2e.BotHarness.TIMEOUT;
import static io.hirebot.e2e.BotHarness.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hirebot.sandbox.ImState;
import io.hirebot.sandbox.MessageSpec;
import io.hirebot.sandbox.SentMessage;
import io.hirebot.sandbox.hire.Application;
import io.hirebot.sandbox.hire.DemoTenant;
import io.hirebot.sandbox.hire.Job;
import io.hirebot.sandbox.hire.Offer;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The long Hire texts of {@link LongHireTexts} on every card that answers a command or click (lists, profile pages,
 * pipeline, jobs, offers, onboarding, interviews, tasks, digest, notifications, typed confirmations, the row forms
 * and the choice cards) still arrive within Feishu's limits, and never as an internal error.
 */
class LongHireTextsTest {
  private static final String TEAM = ImState.DEMO_TEAM_CHAT;
  private static final AtomicInteger MANAGERS = new AtomicInteger();
  @RegisterExtension
  static final BotHarness h = BotHarness.encrypted();
  private static List<Application> rowApps;
  private static Job first;
  private static SentMessage candidates;

  @BeforeAll
  static void start() {
    LongHireTexts.Seeded seeded = LongHireTexts.seed(h);
    first = seeded.first();
    rowApps = seeded.rows();
    // The team chat follows every LT job: LT-001's changes are the notification cards, and settings lists all 12.
    LongHireTexts.followAll(h, TEAM, "subscribe job %s");
    candidates = ask(MessageSpec.group(TEAM).from(DemoTenant.RECRUITER_LI).mentioningBot()
        .text("candidates for job LT-001"));
  }

  private static SentMessage ask(MessageSpec spec) {
    return LongHireTexts.ask(h, spec);
  }

  private static void check(JsonNode content, String msgType) {
    LongHireTexts.check(content, msgType);
  }

  private static MessageSpec inTeam(String text) {
    return LongHireTexts.inChat(TEAM, text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"candidates for job LT-001", "LT-001 的候选人", "candidates for job LT-002",
      "pipeline for job LT-001", "LT-002 的招聘漏斗", "jobs", "职位", "offers", "offers for job LT-001",
      "pending offers", "onboarding", "本周入职", "interviews", "面试", "interviews this week",
      "candidate Lena Long", "候选人 Lena Long", "candidate Rowan Da", "candidate Twin Long", "digest now",
      "subscriptions", "设置", "next page", "candidates for job 长标题职位",
      "candidates for job Long Title Job"})
  @DisplayName("every command in a group answers the long texts with a card within limits")
  void groupCommands(String text) {
    ask(inTeam(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"advance Rowan Ba", "reject Rowan Ca", "推进 Rowan Ia", "淘汰 Rowan Ja",
      "note on Rowan Da: fine",
      "reject Lena Long", "move Rowan Ea to offer", "把 Rowan Ka 推进到 offer"})
  @DisplayName("a typed change's confirmation (or its which-application choice) names long jobs and stages within "
      + "limits")
  void typedChanges(String text) {
    String card = ask(asManager(text)).currentContent().toString();
    assertTrue(card.contains("\"schema\":\"2.0\""), card.substring(0, Math.min(card.length(), 3000)));
  }

  /** From one of LT-001's hiring managers, each asking once (the per-user rate limit). */
  private static MessageSpec asManager(String text) {
    return MessageSpec.group(TEAM).from(LongHireTexts.MANAGER + MANAGERS.getAndIncrement()).mentioningBot().text(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"my interviews", "我的面试", "my tasks", "candidate Lena Long"})
  @DisplayName("an interviewer asking privately gets an answer within limits")
  void interviewerPrivately(String text) {
    ask(MessageSpec.p2p(DemoTenant.INTERVIEWER_LIU).text(text));
  }

  @Test
  @DisplayName("the hiring manager's tasks (20 evaluations pending on long-titled jobs) arrive within limits")
  void managerTasks() {
    SentMessage asked = ask(MessageSpec.p2p(DemoTenant.HM_ZHANG).text("my tasks"));
    assertTrue(asked.currentContent().toString().contains("Rowan"), asked.currentContent().toString());
  }

  @Test
  @DisplayName("every page of the profile of a talent with 12 long-titled applications arrives within limits")
  void profilePages() {
    ask(MessageSpec.p2p(DemoTenant.ADMIN_ZHOU).text("candidate Lena Long"));
    ask(MessageSpec.p2p(DemoTenant.ADMIN_ZHOU).text("page 2"));
    SentMessage last = ask(MessageSpec.p2p(DemoTenant.ADMIN_ZHOU).text("page 3"));
    assertTrue(last.currentContent().toString().contains("Lena Long"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"reject", "move", "note"})
  @DisplayName("the Reject, Move and Note forms of a row (60 long reasons, 9 long stage names) arrive within limits")
  void forms(String action) {
    LongHireTexts.openForm(h, candidates.messageId(), rowApps.get(1), action);
  }

  @Test
  @DisplayName("a stage change into a long-named stage and an offer's status reach the following chat within limits")
  void notifications() {
    Application moved = rowApps.get(5);
    var hire = h.sandbox.hire();
    // From the offer stage (row 5 is in stage 5) to the second interview.
    hire.moveApplication(moved.id(), hire.stagesOf(first.id()).get(4).id());
    SentMessage stage = await(h.sandbox.im().awaitMessage(m -> TEAM.equals(m.chatId()) && m.parentId() == null
        && m.currentContent().toString().contains("Rowan Fa"), TIMEOUT));
    check(stage.currentContent(), stage.msgType());
    Offer offer = hire.offers().stream().filter(o -> o.applicationId().equals(rowApps.get(6).id())).findFirst()
        .orElseThrow();
    hire.setOfferStatus(offer.id(), 7);
    SentMessage status = await(h.sandbox.im().awaitMessage(m -> TEAM.equals(m.chatId()) && m.parentId() == null
        && m.currentContent().toString().contains("Rowan Ga"), TIMEOUT));
    check(status.currentContent(), status.msgType());
  }

  @Test
  @DisplayName("the typed reject's confirmation carries the long reasons as options within limits, and its job")
  void typedRejectOffersReasons() {
    String card = ask(asManager("reject Rowan Ha")).currentContent().toString();
    assertTrue(card.contains("select_static") && card.contains("Reason 1 Extraordinarily"), card.substring(0,
        Math.min(card.length(), 3000)));
  }
}
