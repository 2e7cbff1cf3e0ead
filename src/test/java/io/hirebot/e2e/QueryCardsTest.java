package io.hirebot.e2e;

import static io.hirebot.e2e.BotHarness.TIMEOUT;
import static io.hirebot.e2e.BotHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hirebot.cards.CardLimits;
import io.hirebot.sandbox.CardActionSpec;
import io.hirebot.sandbox.ImState;
import io.hirebot.sandbox.MessageSpec;
import io.hirebot.sandbox.PushResult;
import io.hirebot.sandbox.SentMessage;
import io.hirebot.sandbox.hire.Application;
import io.hirebot.sandbox.hire.Interview;
import io.hirebot.sandbox.hire.Job;
import io.hirebot.sandbox.hire.Stage;
import io.hirebot.sandbox.hire.Talent;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The query cards end to end against the sandbox, in English and Chinese: jobs, filtered candidates,
 * profile, pipeline, interviews, offers, their pagers, and Feishu's card limits with the largest data.
 */
class QueryCardsTest {
  private static final String TEAM = ImState.DEMO_TEAM_CHAT;
  private static final String ALICE = "ou_user_alice";
  /** Private chats answer only people Hire lists on a hiring team (issue 7). */
  private static final String RECRUITER_OF_BACKEND = "ou_recruiter_li";
  private static final String LIU = "ou_interviewer_liu";
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Tomorrow's seeded interviews: more than one page of the interviews card. */
  private static final int EXTRA_INTERVIEWS = 12;
  private static final int EXTRA_OFFERS = 8;
  private static final int MANY_APPLICATIONS = 9;
  private static final int MANY_INTERVIEWS = 40;
  private static BotHarness h;
  private static Talent twinA;
  private static Talent busy;

  @BeforeAll
  static void start() {
    h = BotHarness.encrypted();
    // Seeded before any command runs, so no cached read predates it.
    var hire = h.sandbox.hire();
    Job backend = hire.jobByCode("BE-001").orElseThrow();
    List<Application> active = hire.applicationsOfJob(backend.id()).stream().filter(Application::active).toList();
    long tomorrow = LocalDate.now(ZONE).plusDays(1).atTime(7, 0).atZone(ZONE).toInstant().toEpochMilli();
    for (int i = 0; i < EXTRA_INTERVIEWS; i++) {
      hire.addInterview(active.get(i).id(), tomorrow + i * 3_600_000L, LIU, "ou_interviewer_zhao");
    }
    Job ds = hire.jobByCode("DS-001").orElseThrow();
    Stage dsOffer = hire.stagesOf(ds.id()).stream().filter(s -> s.type() == Stage.OFFER).findFirst().orElseThrow();
    for (int i = 0; i < EXTRA_OFFERS; i++) {
      Talent t = hire.addTalent("Offer Person " + i, "1390000000" + i, "offer" + i + "@example.com");
      hire.addOffer(hire.addApplication(ds.id(), t.id(), dsOffer.id()).id(), 6);
    }
    twinA = hire.addTalent("Zed Twin", "13700000001", "zed.a@example.com");
    Talent twinB = hire.addTalent("Zed Twin", "13700000002", "zed.b@example.com");
    hire.addApplication(backend.id(), twinA.id(), hire.stagesOf(backend.id()).get(0).id());
    hire.addApplication(ds.id(), twinB.id(), hire.stagesOf(ds.id()).get(0).id());
    Talent longHistory = hire.addTalent("Long History", "13500000000", "long@example.com");
    Application interviewed = hire.addApplication(backend.id(), longHistory.id(),
        hire.stagesOf(backend.id()).get(3).id());
    for (int i = 0; i < MANY_INTERVIEWS; i++) {
      hire.addInterview(interviewed.id(), tomorrow - (i + 2) * 86_400_000L, LIU, "ou_interviewer_zhao",
          "ou_interviewer_brown");
    }
    busy = hire.addTalent("Busy Applicant", "13600000000", "busy@example.com");
    List<Job> open = hire.jobs().stream().filter(j -> j.activeStatus() == 1).toList();
    for (int i = 0; i < MANY_APPLICATIONS; i++) {
      Job job = open.get(i % open.size());
      Application a = hire.addApplication(job.id(), busy.id(), hire.stagesOf(job.id()).get(i % 3).id());
      hire.addInterview(a.id(), tomorrow - 3 * 86_400_000L, LIU);
    }
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  private static SentMessage ask(MessageSpec spec) {
    PushResult push = await(h.sandbox.events().message(spec));
    assertEquals(200, push.status(), push.body());
    SentMessage reply = await(h.sandbox.im().awaitMessage(m -> push.messageId().equals(m.parentId()), TIMEOUT));
    assertWithinLimits(reply.currentContent());
    return reply;
  }

  private static final java.util.concurrent.atomic.AtomicInteger SENDERS = new java.util.concurrent.atomic.AtomicInteger();

  /** Each group question from another member, so the per-user command rate limit never answers instead. */
  private static SentMessage inGroup(String text) {
    return ask(MessageSpec.group(TEAM).from(ALICE + "_" + SENDERS.incrementAndGet()).mentioningBot().text(text));
  }

  private static SentMessage privately(String user, String text) {
    return ask(MessageSpec.p2p(user).text(text));
  }

  /** Clicks a button whose callback value is {@code value}; returns the card that replaced the clicked one. */
  private static JsonNode click(SentMessage on, JsonNode value, String by) {
    PushResult r = await(h.sandbox.events().cardAction(CardActionSpec.on(on.messageId()).by(by).tag("button")
        .value(new JsonObject(value.toString()))));
    assertEquals(200, r.status(), r.body());
    assertEquals(List.of(), r.violations());
    JsonNode card = JSON.valueToTree(r.jsonBody().getJsonObject("card").getJsonObject("data").getMap());
    assertWithinLimits(card);
    return card;
  }

  private static void assertWithinLimits(JsonNode card) {
    assertEquals(List.of(), CardLimits.violations((ObjectNode) card, card.toString()));
  }

  private static String title(JsonNode card) {
    return card.path("header").path("title").path("content").asText();
  }

  /** The callback values of the card's buttons with the given action. */
  private static List<JsonNode> buttons(JsonNode card, String action) {
    return card.findValues("value").stream().filter(v -> action.equals(v.path("action").asText())).toList();
  }

  private static Set<String> names(Job job, java.util.function.Predicate<Application> which) {
    return h.sandbox.hire().applicationsOfJob(job.id()).stream().filter(a -> a.active() && which.test(a))
        .map(a -> h.sandbox.hire().talent(a.talentId()).orElseThrow().name())
        .collect(Collectors.toCollection(java.util.HashSet::new));
  }

  private static long activeIn(String jobId, String stageId) {
    return h.sandbox.hire().applicationsOfJob(jobId).stream()
        .filter(a -> a.active() && a.stageId().equals(stageId)).count();
  }

  @Test
  @DisplayName("jobs: each open job with its active candidates counted per kind of stage, in English and Chinese")
  void jobsWithCounts() {
    Job backend = h.sandbox.hire().jobByCode("BE-001").orElseThrow();
    long active = h.sandbox.hire().applicationsOfJob(backend.id()).stream().filter(Application::active).count();

    String en = inGroup("jobs").currentContent().toString();
    String zh = inGroup("职位").currentContent().toString();

    assertTrue(en.contains(active + " active · Screening **"), en);
    assertTrue(en.contains("Interview **") && en.contains("Offer **"), en);
    assertTrue(zh.contains(active + " 人在流程中 · 筛选 **"), zh);
    assertTrue(en.contains("candidates.show") && zh.contains("candidates.show"));
    // Each viewer reads their own language: the English card carries the Chinese texts too, and back.
    assertTrue(en.contains("\"zh_cn\":\"在招职位\"") && zh.contains("\"en_us\":\"Open jobs\""), en);
  }

  @Test
  @DisplayName("candidates in a stage: only that stage's candidates, the filter shown as chips with a button to widen it")
  void candidatesInStage() {
    Job backend = h.sandbox.hire().jobByCode("BE-001").orElseThrow();
    Stage screening = h.sandbox.hire().stagesOf(backend.id()).get(0);
    Set<String> inside = names(backend, a -> a.stageId().equals(screening.id()));
    Set<String> outside = names(backend, a -> !a.stageId().equals(screening.id()));
    outside.removeAll(inside);

    SentMessage reply = inGroup("candidates for Backend Engineer in screening");
    JsonNode card = reply.currentContent();
    String text = card.toString();

    assertTrue(text.contains("stage: **" + screening.enName() + "**"), text);
    assertTrue(text.contains("\"**" + screening.enName() + "** · " + activeIn(backend.id(), screening.id())), text);
    outside.forEach(name -> assertFalse(text.contains("**" + name + "** · applied"), name + " is not in screening"));
    // WHEN the "All stages" chip button is clicked THEN the list widens to every stage
    JsonNode widened = click(reply, buttons(card, "candidates.page").get(0), ALICE);
    assertFalse(widened.toString().contains("stage: **"), widened.toString());
    assertTrue(widened.toString().contains("Page 1 of"), "the whole job needs a pager");
  }

  @Test
  @DisplayName("上周投递 后端 还在初筛的: job, stage and applied-since understood and shown as chips, in Chinese")
  void chineseFilters() {
    JsonNode card = inGroup("上周投递 后端 还在初筛的").currentContent();
    String text = card.toString();
    LocalDate monday = LocalDate.now(ZONE).with(java.time.temporal.TemporalAdjusters.previousOrSame(
        java.time.DayOfWeek.MONDAY)).minusWeeks(1);

    assertTrue(title(card).contains("后端开发工程师"), title(card));
    assertTrue(text.contains("阶段：**简历筛选**"), text);
    assertTrue(text.contains("投递：**" + monday.getMonthValue() + "月" + monday.getDayOfMonth() + "日 起**"), text);
    assertTrue(text.contains("不限日期") && text.contains("全部阶段"), text);
  }

  @Test
  @DisplayName("candidate NAME in a private chat: applications, history, interviews, notes, phone and email")
  void profileInPrivate() {
    Talent t = h.sandbox.hire().talentByName("张伟").orElseThrow();
    long applications = h.sandbox.hire().applications().stream().filter(a -> a.talentId().equals(t.id())).count();

    JsonNode card = privately(RECRUITER_OF_BACKEND, "候选人 张伟").currentContent();
    String text = card.toString();

    assertEquals("张伟", title(card));
    assertTrue(text.contains(applications + " 次投递"), text);
    assertTrue(text.contains(t.mobile()) && text.contains(t.email()), "contact shown in a private chat");
    assertTrue(text.contains(" → "), "stage history");
    assertTrue(text.contains("🗓 "), "interviews");
    assertTrue(text.contains("\"action\":\"advance\"") && text.contains("\"talent_id\":\"" + t.id() + "\""), text);
  }

  @Test
  @DisplayName("candidate NAME in a group: the same profile without phone or email")
  void profileInGroupHidesContact() {
    Talent t = h.sandbox.hire().talentByName("张伟").orElseThrow();

    String text = inGroup("candidate 张伟").currentContent().toString();

    assertTrue(text.contains("次投递"), text);
    assertFalse(text.contains(t.mobile()), "no phone in a group");
    assertFalse(text.contains(t.email()), "no email in a group");
  }

  @Test
  @DisplayName("two talents with one name: a button each; picking one shows that talent's profile")
  void profilePicker() {
    SentMessage reply = inGroup("candidate Zed Twin");
    List<JsonNode> choices = buttons(reply.currentContent(), "profile.page");
    assertEquals(2, choices.size(), reply.currentContent().toString());

    JsonNode value = choices.stream().filter(v -> v.path("talent_id").asText().equals(twinA.id())).findFirst()
        .orElseThrow();
    JsonNode profile = click(reply, value, ALICE);

    assertEquals("Zed Twin", title(profile));
    assertTrue(profile.toString().contains("Backend Engineer"), profile.toString());
    assertFalse(profile.toString().contains(twinA.mobile()), "no contact from a button");
  }

  @Test
  @DisplayName("Profile in a candidate row's menu replaces the list with that talent's profile")
  void profileButton() {
    SentMessage list = inGroup("candidates for BE-002");
    JsonNode value = buttons(list.currentContent(), "more").get(0);
    Talent t = h.sandbox.hire().talent(value.path("talent_id").asText()).orElseThrow();

    // The row's "⋯" menu, option Profile.
    PushResult r = await(h.sandbox.events().cardAction(CardActionSpec.on(list.messageId()).by(ALICE)
        .tag("overflow").option("profile").value(new JsonObject(value.toString()))));
    assertEquals(200, r.status(), r.body());
    JsonNode profile = JSON.valueToTree(r.jsonBody().getJsonObject("card").getJsonObject("data").getMap());
    assertWithinLimits(profile);

    assertEquals(t.name(), title(profile));
    assertFalse(profile.toString().contains(t.email()), "no contact from a button");
  }

  @Test
  @DisplayName("a talent with many applications gets a paged profile within Feishu's limits")
  void largestProfile() {
    SentMessage reply = privately(RECRUITER_OF_BACKEND, "candidate Busy Applicant");
    String text = reply.currentContent().toString();
    assertTrue(text.contains(MANY_APPLICATIONS + " applications"), text);
    JsonNode next = buttons(reply.currentContent(), "profile.page").stream()
        .filter(v -> v.path("page").asInt() == 1).findFirst().orElseThrow();
    // Clicked by the one who asked: the card is in their private chat (a click passes the hiring-data gate too).
    assertTrue(click(reply, next, RECRUITER_OF_BACKEND).toString().contains("Page 2 of 3"));
  }

  @Test
  @DisplayName("an application with many interviews lists the latest and counts the rest, within Feishu's limits")
  void longInterviewHistory() {
    String text = privately(RECRUITER_OF_BACKEND, "candidate Long History").currentContent().toString();
    assertTrue(text.contains("… " + (MANY_INTERVIEWS - 6) + " earlier"), text);
  }

  @Test
  @DisplayName("an unknown name says so in the user's language (not a Hire error), asking Hire to answer an empty search")
  void profileNotFound() {
    JsonNode en = inGroup("candidate Nobody Atall").currentContent();
    assertTrue(title(en).contains("No candidate named"), en.toString());
    assertTrue(buttons(en, "profile.page").isEmpty(), "no one shares a word with that name: " + en);
    assertTrue(title(inGroup("候选人 查无此人").currentContent()).contains("没有名为"));
    assertTrue(h.sandbox.requests().all().stream().filter(r -> r.path().endsWith("/hire/v1/talents"))
        .allMatch(r -> "ignore_empty_error".equals(r.queryParam("query_option"))));
  }

  @Test
  @DisplayName("a misspelt name: no such candidate, with the talents sharing a word of it offered as buttons")
  void profileNotFoundSuggests() {
    JsonNode card = inGroup("candidate Zed Twine").currentContent();
    assertTrue(title(card).contains("No candidate named"), card.toString());
    List<JsonNode> offered = buttons(card, "profile.page");
    assertEquals(2, offered.size(), card.toString());
    assertTrue(offered.stream().anyMatch(v -> v.path("talent_id").asText().equals(twinA.id())), card.toString());
  }

  @Test
  @DisplayName("pipeline: one line per stage with the real counts, conversion and median days, in both languages")
  void pipeline() {
    Job backend = h.sandbox.hire().jobByCode("BE-001").orElseThrow();
    List<Stage> stages = h.sandbox.hire().stagesOf(backend.id());

    String en = inGroup("pipeline for Backend Engineer").currentContent().toString();
    String zh = inGroup("Backend Engineer 的招聘漏斗").currentContent().toString();

    for (Stage s : stages) {
      assertTrue(en.contains("**" + s.enName() + "** · " + activeIn(backend.id(), s.id())), s.enName() + " in " + en);
      assertTrue(zh.contains("**" + s.zhName() + "** · " + activeIn(backend.id(), s.id())), s.zhName() + " in " + zh);
    }
    assertTrue(en.contains("moved on") && en.contains("median"), en);
    assertTrue(zh.contains("已进入后续阶段") && zh.contains("中位数"), zh);
  }

  @Test
  @DisplayName("interviews today: today's interviews in Asia/Shanghai with interviewers, missing feedback flagged, EN and ZH")
  void interviewsToday() {
    long start = LocalDate.now(ZONE).atStartOfDay(ZONE).toInstant().toEpochMilli();
    long end = start + 86_400_000L;
    long today = h.sandbox.hire().interviews().stream()
        .filter(i -> i.beginTime() >= start && i.beginTime() < end).count();

    JsonNode en = inGroup("interviews today").currentContent();
    JsonNode zh = inGroup("今天的面试").currentContent();

    assertTrue(en.path("header").path("subtitle").path("content").asText().startsWith(today + " interviews"),
        en.toString());
    assertTrue(zh.path("header").path("subtitle").path("content").asText().startsWith(today + " 场面试"),
        zh.toString());
    assertTrue(en.toString().contains("Asia/Shanghai"));
  }

  @Test
  @DisplayName("interviews tomorrow mine: only the asker's, paginated; the next button shows page 2")
  void myInterviewsTomorrowPaged() {
    long start = LocalDate.now(ZONE).plusDays(1).atStartOfDay(ZONE).toInstant().toEpochMilli();
    List<Interview> liu = h.sandbox.hire().interviews().stream()
        .filter(i -> i.beginTime() >= start && i.beginTime() < start + 86_400_000L)
        .filter(i -> i.feedback().stream().anyMatch(f -> f.interviewerId().equals(LIU))).toList();
    assertTrue(liu.size() > 10, "seeded more than a page");

    SentMessage reply = privately(LIU, "my interviews tomorrow");
    JsonNode card = reply.currentContent();
    assertTrue(title(card).startsWith("My interviews"), title(card));
    assertTrue(card.toString().contains("Page 1 of 2 · " + liu.size() + " in all"), card.toString());

    JsonNode next = buttons(card, "interviews.page").stream().filter(v -> v.path("page").asInt() == 1)
        .findFirst().orElseThrow();
    assertTrue(click(reply, next, LIU).toString().contains("Page 2 of 2"));
  }

  @Test
  @DisplayName("offers: candidates in offer stages with their offer status, paginated; by job; in Chinese")
  void offers() {
    SentMessage all = inGroup("offers");
    String text = all.currentContent().toString();
    assertTrue(text.contains("**sent**"), text);
    assertTrue(text.contains("Page 1 of 2"), text);
    JsonNode next = buttons(all.currentContent(), "offers.page").stream().filter(v -> v.path("page").asInt() == 1)
        .findFirst().orElseThrow();
    assertTrue(click(all, next, ALICE).toString().contains("Page 2 of 2"));

    String ds = inGroup("offers for Data Scientist").currentContent().toString();
    assertTrue(ds.contains("Offer Person 0") && !ds.contains("· Backend Engineer ·"), ds);
    assertTrue(inGroup("Offer 列表").currentContent().toString().contains("已发出"));
  }

  @Test
  @DisplayName("an offer accepted in Hire shows as accepted on the next offers card, not the status read before")
  void offerStatusChangeIsShown() {
    // GIVEN a chat following DS-001's offers, and an offers card that showed Offer Person 0's offer as sent
    var hire = h.sandbox.hire();
    Talent person = hire.talentByName("Offer Person 0").orElseThrow();
    var offer = hire.offers().stream().filter(o -> o.talentId().equals(person.id())).findFirst().orElseThrow();
    Stage stage = hire.stagesOf(offer.jobId()).stream().filter(s -> s.type() == Stage.OFFER).findFirst().orElseThrow();
    String row = "**Offer Person 0** · Data Scientist · " + stage.enName() + " · **";
    assertTrue(inGroup("offers for Data Scientist").currentContent().toString().contains(row + "sent**"));
    PushResult subscribe = await(h.sandbox.events().message(MessageSpec.group(TEAM).from(ALICE + "_" + SENDERS.incrementAndGet())
        .mentioningBot().text("subscribe job DS-001 to offer")));
    await(h.sandbox.im().awaitMessage(m -> subscribe.messageId().equals(m.parentId()), TIMEOUT));

    // WHEN the candidate accepts in Hire (Feishu pushes hire.offer.status_changed_v1, the chat is told)
    hire.setOfferStatus(offer.id(), 7);
    await(h.sandbox.im().awaitMessage(m -> TEAM.equals(m.chatId()) && m.parentId() == null
        && m.currentContent().toString().contains("Offer update") && m.currentContent().toString().contains("Offer Person 0"),
        TIMEOUT));

    // THEN the next offers card shows it accepted, with Hire's offer APIs read per talent
    String after = inGroup("offers for Data Scientist").currentContent().toString();
    assertTrue(after.contains(row + "accepted**"), after);
    assertTrue(h.sandbox.requests().all().stream().anyMatch(r -> r.path().endsWith("/hire/v1/offers")
        && person.id().equals(r.queryParam("talent_id"))));
  }

  @Test
  @DisplayName("the help card lists the new commands, in both languages")
  void helpListsCommands() {
    String en = inGroup("help").currentContent().toString();
    String zh = inGroup("帮助").currentContent().toString();
    for (String command : List.of("candidate", "pipeline for job", "interviews", "offers", "applied")) {
      assertTrue(en.contains(command), command);
    }
    for (String command : List.of("候选人", "招聘漏斗", "今天的面试", "Offer 列表", "上周投递")) {
      assertTrue(zh.contains(command), command);
    }
  }

  @Test
  @DisplayName("a typo gets help with the corrected command suggested")
  void typoSuggestion() {
    assertTrue(inGroup("intervews today").currentContent().toString().contains("interviews today"));
  }

  @Test
  @DisplayName("each command logs its Hire calls and a repeated one is served from the cache")
  void cachedRepeat() {
    inGroup("pipeline for DS-001");
    long before = h.sandbox.requests().count("GET", "/open-apis/hire/v1/applications.*");
    inGroup("pipeline for DS-001");
    assertEquals(before, h.sandbox.requests().count("GET", "/open-apis/hire/v1/applications.*"),
        "no application read repeated within the cache's life");
  }
}
