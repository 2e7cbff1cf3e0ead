package io.hirebot.e2e;

import static io.hirebot.e2e.BotHarness.TIMEOUT;
import static io.hirebot.e2e.BotHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.cards.CardLimits;
import io.hirebot.sandbox.ImState;
import io.hirebot.sandbox.MessageSpec;
import io.hirebot.sandbox.PushResult;
import io.hirebot.sandbox.SentMessage;
import io.hirebot.sandbox.hire.Application;
import io.hirebot.sandbox.hire.DemoTenant;
import io.hirebot.sandbox.hire.Job;
import io.hirebot.sandbox.hire.Offer;
import io.hirebot.sandbox.hire.StageTime;
import io.hirebot.sandbox.hire.Talent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Odd but valid Hire data (talents without a name or with a 2,000-character or markup name, a stage the process does
 * not know, unknown offer statuses, interview times of 0, before 1970, in 2040 and 10^15 ms, an application made in 2001,
 * a start planned in 2040, a job with none and one with 500 applications): every command, in both languages, still
 * answers with no stack trace, no "null" and within Feishu's card limits; a talent Hire sends without a name is shown
 * by its id on every card, as the candidates card does; a date outside this year says its year.
 */
class OddHireDataTest {
  private static final String TEAM = ImState.DEMO_TEAM_CHAT;
  private static final String MARKUP = "*_[]()<>& </font> @all <at id=all></at>";
  private static final AtomicInteger SENDERS = new AtomicInteger();
  /** 2040-12-25 06:13 in Asia/Shanghai, the bot's configured zone. */
  private static final long IN_2040 = 2_240_000_000_000L;
  /** 2001-09-09 09:46 in Asia/Shanghai. */
  private static final long IN_2001 = 1_000_000_000_000L;
  private static final int ACCEPTED = 7;
  @RegisterExtension
  static final BotHarness h = BotHarness.encrypted();
  /** Talents Hire sends with a null or blank name. */
  private static final List<String> NAMELESS = new ArrayList<>();

  @BeforeAll
  static void start() {
    var hire = h.sandbox.hire();
    Job backend = hire.jobByCode("BE-001").orElseThrow();
    Job fuzz = hire.addJob("Fuzz Job", "FZ-001", backend.processId(), backend.recruiterId(),
        backend.hiringManagerIds().get(0));
    hire.addJob("Empty Job", "EM-001", backend.processId(), backend.recruiterId(), backend.hiringManagerIds().get(0));
    Job nameless = hire.addJob("Nameless Job", "NL-001", backend.processId(), backend.recruiterId(),
        backend.hiringManagerIds().get(0));
    Job big = hire.addJob("Big Job", "BG-001", backend.processId(), backend.recruiterId(),
        backend.hiringManagerIds().get(0));
    String first = hire.stagesOf(fuzz.id()).get(0).id();
    String offerStage = hire.stagesOf(fuzz.id()).stream().filter(s -> s.type() == 5).findFirst().orElseThrow().id();
    Talent nul = hire.addTalent(null, "13100000001", "n@example.com");
    Talent empty = hire.addTalent("", "13100000002", "e@example.com");
    Talent longName = hire.addTalent("Longname " + "x".repeat(1_991), "13100000003", "l@example.com");
    Talent markup = hire.addTalent("Mark " + MARKUP, "13100000004", "m@example.com");
    for (Talent t : List.of(hire.addTalent(null, "13100000008", "n2@example.com"),
        hire.addTalent(" ", "13100000009", "e2@example.com"))) {
      Application a = hire.addApplication(nameless.id(), t.id(), offerStage);
      hire.addOffer(a.id(), 6);
      hire.addInterview(a.id(), System.currentTimeMillis() + 7_200_000L, DemoTenant.INTERVIEWER_LIU);
      NAMELESS.add(t.id());
    }
    Talent unknownStage = hire.addTalent("Una Stage", "13100000005", "u@example.com");
    Talent timey = hire.addTalent("Tim Times", "13100000006", "t@example.com");
    for (Talent t : List.of(nul, empty, longName, markup, timey)) {
      Application a = hire.addApplication(fuzz.id(), t.id(), offerStage);
      hire.addOffer(a.id(), 99);
      hire.addInterview(a.id(), 0L, DemoTenant.INTERVIEWER_LIU);
      hire.addInterview(a.id(), -5_000L, DemoTenant.INTERVIEWER_LIU);
      hire.addInterview(a.id(), 1_000_000_000_000_000L, DemoTenant.INTERVIEWER_LIU);
    }
    Application timeyApp = hire.applicationsOfJob(fuzz.id()).stream().filter(a -> a.talentId().equals(timey.id()))
        .findFirst().orElseThrow();
    hire.addInterview(timeyApp.id(), IN_2040, DemoTenant.INTERVIEWER_LIU);
    Talent later = hire.addTalent("Fay Future", "13100000010", "f@example.com");
    Offer offer = hire.addOffer(hire.addApplication(fuzz.id(), later.id(), offerStage).id(), ACCEPTED);
    hire.write(d -> d.offers.put(offer.id(), new Offer(offer.id(), offer.applicationId(), offer.jobId(),
        offer.talentId(), offer.status(), offer.offerType(), offer.createTime(), "2040-03-03", offer.ownerId(),
        offer.leaderId())));
    Application o = hire.addApplication(fuzz.id(), hire.addTalent("Olive Old", "13100000011", "o@example.com").id(),
        offerStage);
    hire.write(d -> d.applications.put(o.id(), new Application(o.id(), o.jobId(), o.talentId(), o.stageId(),
        o.activeStatus(), IN_2001, o.modifyTime(), o.stageTimes(), null, List.of(), null, 2, 10003, null)));
    Application u = hire.addApplication(fuzz.id(), unknownStage.id(), first);
    hire.write(d -> d.applications.put(u.id(), new Application(u.id(), u.jobId(), u.talentId(), "stage_unknown_999",
        1, 0L, -1L, List.of(new StageTime("stage_unknown_999", -1L, null)), null, List.of(), null, 2, 10003, null)));
    hire.addOffer(u.id(), -3);
    Talent many = hire.addTalent("Many Apps", "13100000007", "many@example.com");
    for (int i = 0; i < 500; i++) {
      hire.addApplication(big.id(), i == 0 ? many.id() : hire.addTalent("Big " + i, "132" + i, i + "@x.com").id(),
          hire.stagesOf(big.id()).get(i % 3).id());
    }
  }

  private static SentMessage ask(MessageSpec spec) {
    PushResult push = await(h.sandbox.events().message(spec));
    assertEquals(200, push.status(), push.body());
    SentMessage reply = await(h.sandbox.im().awaitMessage(m -> push.messageId().equals(m.parentId()), TIMEOUT));
    String text = reply.currentContent().toString();
    assertFalse(text.contains("Exception"), text);
    assertFalse(text.contains("\\tat ") || text.contains("\tat "), text);
    assertFalse(text.contains("null"), text.length() > 3000 ? text.substring(0, 3000) : text);
    if (!"interactive".equals(reply.msgType())) {
      assertTrue(text.length() > 0);
      return reply;
    }
    JsonNode card = reply.currentContent();
    assertEquals(List.of(), CardLimits.violations((ObjectNode) card, text));
    return reply;
  }

  /** The markdown of a card, all of it. */
  private static String markdown(SentMessage reply) {
    StringBuilder out = new StringBuilder();
    reply.currentContent().findParents("tag").stream().filter(n -> "markdown".equals(n.path("tag").asText()))
        .forEach(n -> out.append(n.path("content").asText()).append('\n'));
    return out.toString();
  }

  @ParameterizedTest
  @ValueSource(strings = {"offers for job NL-001", "Nameless Job 的 offer", "interviews", "面试"})
  @DisplayName("a talent Hire sends without a name (null or blank) is shown by its id, as on the candidates card")
  void namelessTalentInGroup(String text) {
    String md = markdown(ask(MessageSpec.group(TEAM).from(DemoTenant.ADMIN_ZHOU + "_" + SENDERS.incrementAndGet())
        .mentioningBot().text(text)));
    for (String id : NAMELESS) {
      assertTrue(md.contains(id), id + " in " + md);
    }
    assertFalse(md.contains("****"), md);
    assertFalse(md.contains("** **"), md);
  }

  @Test
  @DisplayName("an interviewer's own interviews show a nameless talent by its id")
  void namelessTalentInMyInterviews() {
    String md = markdown(ask(MessageSpec.p2p(DemoTenant.INTERVIEWER_LIU).text("my interviews")));
    for (String id : NAMELESS) {
      assertTrue(md.contains(id), id + " in " + md);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"candidates for job FZ-001", "Fuzz Job 的候选人", "pipeline for job FZ-001",
      "Fuzz Job 的招聘漏斗", "candidates for job EM-001", "pipeline for job EM-001", "candidates for job BG-001",
      "pipeline for job BG-001", "offers", "pending offers", "offers for job FZ-001", "Fuzz Job 待处理的 offer",
      "interviews this week", "今天的面试", "candidate Longname", "candidate Mark", "候选人 Mark", "candidate Una Stage",
      "candidate Tim Times", "候选人 Tim Times", "candidate Many Apps", "jobs", "digest now"})
  @DisplayName("every read command in a group answers the odd data with a card within limits")
  void groupCommandAnswers(String text) {
    ask(MessageSpec.group(TEAM).from(DemoTenant.ADMIN_ZHOU + "_" + SENDERS.incrementAndGet()).mentioningBot()
        .text(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"my interviews", "my interviews this week", "我的面试", "candidate Tim Times",
      "candidate Longname", "offers"})
  @DisplayName("an interviewer asking privately gets an answer (a card, or the refusal text)")
  void privateCommandAnswers(String text) {
    ask(MessageSpec.p2p(DemoTenant.INTERVIEWER_LIU).text(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"my interviews", "candidate Tim Times", "candidate Mark", "offers"})
  @DisplayName("an admin asking privately gets a card, contact details included")
  void adminPrivately(String text) {
    ask(MessageSpec.p2p(DemoTenant.ADMIN_ZHOU).text(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"candidates for job FZ-001", "candidate Longname", "offers for job FZ-001",
      "advance Longname", "where is Longname"})
  @DisplayName("a talent named at 2,000 characters is named by its first 100 with '…' on the cards answering about "
      + "them, as every name Hire supplies")
  void longNameCut(String text) {
    // A change is confirmed with whoever may make it: the admin.
    MessageSpec spec = text.startsWith("advance")
        ? MessageSpec.group(TEAM).from(DemoTenant.ADMIN_ZHOU).mentioningBot().text(text) : inTeam(text);
    String shown = LongHireTexts.shown(ask(spec).currentContent());
    String head = shown.length() > 3000 ? shown.substring(0, 3000) : shown;
    assertTrue(shown.contains("Longname " + "x".repeat(90) + "…"), head);
    assertFalse(shown.contains("x".repeat(91)), head);
  }

  @Test
  @DisplayName("interviews outside this year say their year on the profile (2040 and 10^15 ms), in both languages: "
      + "'Tue Dec 25, 2040 06:13' / '2040年12月25日 周二 06:13', not 'Tue Dec 25 06:13' as if this December; a time of 0 "
      + "or below (-5 s) is no time set, not Jan 1, 1970")
  void interviewYears() {
    String card = ask(inTeam("candidate Tim Times")).currentContent().toString();
    for (String shown : List.of("🗓 time not set · ", "🗓 时间未定 · ", "Tue Dec 25, 2040 06:13", "2040年12月25日 周二 06:13",
        "Fri Sep 27, 33658 09:46", "33658年9月27日 周五 09:46")) {
      assertTrue(card.contains(shown), shown + " in " + card);
    }
    assertFalse(card.contains("1970"), card);
  }

  @Test
  @DisplayName("an application made in 2001 reads 'applied Sep 9, 2001' / '2001年9月9日 投递' on the candidates card "
      + "and the profile, while one made today keeps the short form ('applied Dec 4', no year)")
  void appliedYears() {
    String en = ask(inTeam("candidates for job FZ-001")).currentContent().toString();
    String zh = ask(inTeam("Fuzz Job 的候选人")).currentContent().toString();
    String profile = ask(inTeam("candidate Olive Old")).currentContent().toString();

    assertTrue(en.contains("**Olive Old** · applied Sep 9, 2001 ·"), en);
    assertTrue(zh.contains("**Olive Old** · 2001年9月9日 投递"), zh);
    assertTrue(profile.contains("applied Sep 9, 2001") && profile.contains("2001年9月9日 投递"), profile);
    assertTrue(Pattern.compile("\\*\\*Tim Times\\*\\* · applied [A-Z][a-z]{2} \\d{1,2} ·").matcher(en).find(), en);
    assertTrue(Pattern.compile("\\*\\*Tim Times\\*\\* · \\d{1,2}月\\d{1,2}日 投递").matcher(zh).find(), zh);
  }

  @Test
  @DisplayName("a start planned in 2040 reads 'starts Mar 3, 2040' / '计划 2040年3月3日入职' on the offers card")
  void startYear() {
    String card = ask(inTeam("offers for job FZ-001")).currentContent().toString();
    assertTrue(card.contains("starts Mar 3, 2040") && card.contains("计划 2040年3月3日入职"), card);
  }

  private static MessageSpec inTeam(String text) {
    return MessageSpec.group(TEAM).from(DemoTenant.ADMIN_ZHOU + "_" + SENDERS.incrementAndGet()).mentioningBot()
        .text(text);
  }
}
