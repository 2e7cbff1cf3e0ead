package io.hirebot.e2e;

import static io.hirebot.e2e.BotHarness.TIMEOUT;
import static io.hirebot.e2e.BotHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hirebot.sandbox.CardActionSpec;
import io.hirebot.sandbox.ImState;
import io.hirebot.sandbox.MessageSpec;
import io.hirebot.sandbox.PushResult;
import io.hirebot.sandbox.SentMessage;
import io.hirebot.sandbox.hire.Application;
import io.hirebot.sandbox.hire.DemoTenant;
import io.hirebot.sandbox.hire.HireData;
import io.hirebot.schedule.MutableClock;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, "my tasks": a demo user's pending evaluations, tests to mark and interview feedback, read from the
 * sandbox's evaluation_tasks / exam_marking_tasks / interview_tasks; daily nudges and weekly escalations sent once
 * (across a restart) and never at night; the digest's "waiting on the team". The clock is moved, never waited on.
 */
class TasksTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final String ZHANG = DemoTenant.HM_ZHANG;
  private static final String NUDGE_ZH = "飞书招聘中有事等你处理";
  private static final String ESCALATION_ZH = "团队待办逾期";
  private final ObjectMapper json = new ObjectMapper();
  private MutableClock clock;
  private BotHarness h;

  @BeforeEach
  void start() {
    clock = MutableClock.atWorkdayAfternoon(io.hirebot.sandbox.hire.DemoTenant.DEFAULT_ZONE);
    h = BotHarness.start(Map.of("HIREBOT_PORT", "0"), clock);
  }

  @AfterEach
  void stop() {
    h.close();
  }

  /** The talent ids of the user's pending tasks, from the sandbox's own data (as Hire would list them). */
  private List<String> pendingTalents(String user) {
    long now = clock.millis();
    return h.sandbox.hire().read((HireData d) -> {
      List<String> ids = new ArrayList<>();
      d.evaluations.values().stream().filter(e -> e.evaluatorId().equals(user) && e.commitStatus() == 2
          && d.applications.get(e.applicationId()).active()).forEach(e -> ids.add(talent(d, e.applicationId())));
      d.tests.values().stream().filter(t -> user.equals(t.reviewerId())
          && Integer.valueOf(io.hirebot.sandbox.hire.WrittenTest.TO_MARK).equals(t.markingStatus()))
          .forEach(t -> ids.add(talent(d, t.applicationId())));
      d.interviews.values().stream().filter(i -> i.beginTime() <= now && d.applications.get(i.applicationId()).active())
          .forEach(i -> i.feedback().stream().filter(f -> f.interviewerId().equals(user) && !f.submitted())
              .forEach(f -> ids.add(talent(d, i.applicationId()))));
      ids.sort(null);
      return ids;
    });
  }

  private static String talent(HireData d, String applicationId) {
    Application a = d.applications.get(applicationId);
    return a.talentId();
  }

  /** The talents whose profile buttons a card carries, one per row. */
  private static List<String> rowTalents(JsonNode card) {
    List<String> ids = new ArrayList<>();
    card.findValues("value").stream().filter(v -> "profile".equals(v.path("action").asText()))
        .forEach(v -> ids.add(v.path("talent_id").asText()));
    return ids;
  }

  private JsonNode clickPage(SentMessage card, String user, int page, String lang) {
    PushResult click = await(h.sandbox.events().cardAction(CardActionSpec.on(card.messageId()).by(user).tag("button")
        .value(new JsonObject().put("action", "tasks.page").put("page", page).put("lang", lang))));
    assertEquals(200, click.status(), click.body());
    try {
      return json.readTree(click.body()).path("card").path("data");
    } catch (Exception e) {
      throw new AssertionError(click.body(), e);
    }
  }

  /** Every row of "my tasks", page by page, as the user sees them. */
  private List<String> allRows(SentMessage reply, String user, String lang) {
    List<String> rows = new ArrayList<>();
    allPages(reply, user, lang).forEach(page -> rows.addAll(rowTalents(page)));
    rows.sort(null);
    return rows;
  }

  /** Every page of "my tasks" as the user sees it, the first one included. */
  private List<JsonNode> allPages(SentMessage reply, String user, String lang) {
    JsonNode first = reply.currentContent();
    List<JsonNode> pages = new ArrayList<>(List.of(first));
    int page = 1;
    // A pager's button.
    while (first.findValues("value").stream().anyMatch(v -> "tasks.page".equals(v.path("action").asText()))
        && page < 20) {
      JsonNode next = clickPage(reply, user, page, lang);
      if (rowTalents(next).isEmpty()) {
        break;
      }
      pages.add(next);
      if (!next.toString().contains("\"page\":" + (page + 1))) {
        break;
      }
      page++;
    }
    return pages;
  }

  /** The application ids of a card's "Mark written test" rows (a row: its line, and its profile button's value). */
  private static List<String> markingRows(JsonNode card) {
    List<String> ids = new ArrayList<>();
    for (JsonNode row : card.findParents("columns")) {
      boolean marking = row.findValues("content").stream().anyMatch(c -> c.asText().contains("Mark written test"));
      row.findValues("value").stream().filter(v -> marking && "profile".equals(v.path("action").asText()))
          .forEach(v -> ids.add(v.path("application_id").asText()));
    }
    return ids;
  }

  @Test
  @DisplayName("my tasks for a demo evaluator lists exactly their pending evaluations, tests and feedback (EN)")
  void myTasksEnglish() {
    List<String> expected = pendingTalents(ZHANG);
    assertTrue(expected.size() > 3, "the demo gives the hiring manager tasks: " + expected);
    System.out.println("my tasks of " + ZHANG + ": " + expected.size() + " pending in the sandbox");
    SentMessage reply = h.ask(MessageSpec.p2p(ZHANG).text("my tasks"));
    String card = reply.currentContent().toString();
    assertTrue(card.contains("My tasks · " + expected.size()), card);
    assertTrue(card.contains("Evaluate resume") && card.contains("waiting"), card);
    assertEquals(expected, allRows(reply, ZHANG, "en_us"));
    // Each kind came from its own endpoint, with the asker as user_id.
    for (String path : List.of("evaluation_tasks", "exam_marking_tasks", "interview_tasks")) {
      assertTrue(h.sandbox.requests().count("GET", "/open-apis/hire/v1/" + path) > 0, path);
    }

    // Without the exam scope the other tasks still show, and the card says what is hidden and why.
    h.sandbox.scopes().revoke("hire:exam:readonly", "hire:exam");
    SentMessage partial = h.ask(MessageSpec.p2p(ZHANG).text("my tasks"));
    String partialCard = partial.currentContent().toString();
    assertTrue(partialCard.contains("hire:exam:readonly") && partialCard.contains("Evaluate resume"), partialCard);
  }

  @Test
  @DisplayName("我的待办 answers in Chinese with the same tasks; the profile button opens the candidate, whose profile "
      + "leads back to the list")
  void myTasksChinese() {
    List<String> expected = pendingTalents(DemoTenant.INTERVIEWER_ZHAO);
    SentMessage reply = h.ask(MessageSpec.p2p(DemoTenant.INTERVIEWER_ZHAO).text("我的待办"));
    String card = reply.currentContent().toString();
    assertTrue(card.contains("我的待办 · " + expected.size()), card);
    assertEquals(expected, allRows(reply, DemoTenant.INTERVIEWER_ZHAO, "zh_cn"));
    if (expected.size() > 10) {
      assertTrue(card.contains("下一页") || card.contains("Next"), "the pager's buttons have their texts: " + card);
    }
    JsonNode open = reply.currentContent().findValues("value").stream()
        .filter(v -> "profile".equals(v.path("action").asText())).findFirst().orElseThrow();
    // The card is known to be in a private chat, and what draws it again, once the bot recorded it.
    h.awaitCardRecorded(reply.messageId());
    PushResult click = await(h.sandbox.events().cardAction(CardActionSpec.on(reply.messageId())
        .by(DemoTenant.INTERVIEWER_ZHAO).tag("button").value(new JsonObject(open.toString()))));
    assertEquals(200, click.status(), click.body());
    String name = h.sandbox.hire().talent(open.path("talent_id").asText()).orElseThrow().name();
    assertTrue(click.body().contains(name), click.body());

    // The profile offers the way back to the list it was opened from.
    JsonNode profile = h.sandbox.im().message(reply.messageId()).orElseThrow().currentContent();
    JsonNode back = profile.findValues("value").stream().filter(v -> "tasks.page".equals(v.path("action").asText()))
        .findFirst().orElseThrow(() -> new AssertionError("no Back to the list: " + profile));
    assertTrue(profile.toString().contains("返回列表"), profile.toString());
    PushResult backClick = await(h.sandbox.events().cardAction(CardActionSpec.on(reply.messageId())
        .by(DemoTenant.INTERVIEWER_ZHAO).tag("button").value(new JsonObject(back.toString()))));
    assertEquals(200, backClick.status(), backClick.body());
    assertTrue(backClick.body().contains("我的待办 · " + expected.size()), backClick.body());
  }

  @Test
  @DisplayName("my tasks never lists a written test that already has a score as one to mark, for any demo user")
  void scoredTestsAreNotToMark() {
    // GIVEN the demo tenant's written tests, as tests/search serves them: those with a score were marked
    Map<String, String> scores = new java.util.HashMap<>();
    h.sandbox.hire().read((HireData d) -> {
      d.tests.values().forEach(t -> scores.merge(t.applicationId(), t.score(), (a, b) -> a.isEmpty() ? a : b));
      return null;
    });
    List<String> users = h.sandbox.hire().read((HireData d) -> List.copyOf(d.users.keySet()));
    // WHEN each demo user asks for their tasks
    List<String> toMark = new ArrayList<>();
    for (String user : users) {
      SentMessage reply = h.ask(MessageSpec.p2p(user).text("my tasks"));
      allPages(reply, user, "en_us").forEach(page -> toMark.addAll(markingRows(page)));
    }
    // THEN the demo has tests to mark, and none of them has a score
    assertTrue(!toMark.isEmpty(), "the demo tenant has written tests waiting to be marked");
    List<String> scored = toMark.stream().filter(id -> !scores.getOrDefault(id, "").isEmpty()).toList();
    assertEquals(List.of(), scored, "tests listed to mark that already have a score: " + scored.stream()
        .map(id -> id + " (score " + scores.get(id) + ")").toList());
  }

  @Test
  @DisplayName("someone with nothing to do hears so; in a group the list goes to the asker's private chat")
  void emptyAndGroup() {
    SentMessage none = h.ask(MessageSpec.p2p(DemoTenant.GUEST_SUN).text("my tasks"));
    assertTrue(none.currentContent().toString().contains("Nothing is waiting for you"), none.currentContent().toString());

    SentMessage inGroup = h.ask(MessageSpec.group(ImState.DEMO_TEAM_CHAT).from(ZHANG).mentioningBot().text("my tasks"));
    assertTrue(inGroup.currentContent().toString().contains("private chat"), inGroup.currentContent().toString());
    SentMessage privately = await(h.sandbox.im().awaitMessage(m -> m.chatId().equals(ImState.p2pChatId(ZHANG))
        && m.currentContent().toString().contains("My tasks"), TIMEOUT));
    assertEquals("interactive", privately.msgType());
    assertTrue(!inGroup.currentContent().toString().contains("tasks.page"), "no task list in the group");
  }

  /** Moves the clock to the next {@code time} in Shanghai (at least a minute ahead). */
  private void advanceTo(LocalTime time) {
    ZonedDateTime now = clock.instant().atZone(SHANGHAI);
    ZonedDateTime next = now.toLocalDate().atTime(time).atZone(SHANGHAI);
    if (!next.isAfter(now.plusMinutes(1))) {
      next = next.plusDays(1);
    }
    clock.advance(Duration.between(now, next));
  }

  private long cardsTo(String openId, String text) {
    return h.sandbox.im().inChat(ImState.p2pChatId(openId)).stream()
        .filter(m -> m.currentContent().toString().contains(text)).count();
  }

  private SentMessage awaitCard(String openId, String text) {
    return await(h.sandbox.im().awaitMessage(m -> m.chatId().equals(ImState.p2pChatId(openId))
        && m.currentContent().toString().contains(text), TIMEOUT));
  }

  @Test
  @DisplayName("overdue tasks: one nudge a day per person (never at night), once across a restart; the hiring "
      + "manager's weekly escalation names who owes what, once")
  void nudgesAndEscalation() {
    advanceTo(LocalTime.of(23, 0));
    h.runRoutines(h.bot);
    assertEquals(0, cardsTo(ZHANG, NUDGE_ZH), "no nudge at night");

    advanceTo(LocalTime.of(9, 30));
    Instant morning = clock.instant();
    h.runRoutines(h.bot);
    SentMessage nudge = awaitCard(ZHANG, NUDGE_ZH);
    String text = nudge.currentContent().toString();
    // One card for all of the person's overdue tasks, in both languages, each row opening a profile.
    assertTrue(text.contains("Waiting for you in Feishu Hire") && text.contains("\"action\":\"profile\""), text);
    SentMessage escalation = awaitCard(ZHANG, ESCALATION_ZH);
    String esc = escalation.currentContent().toString();
    assertTrue(esc.contains("\"tag\":\"person\"") && esc.contains("Waiting on the team"), esc);
    assertTrue(esc.contains("\"user_id\":\"" + DemoTenant.INTERVIEWER_ZHAO + "\"")
        || esc.contains("\"user_id\":\"" + ZHANG + "\""), esc);

    h.runRoutines(h.bot);
    h.restartBot();
    clock.advance(Duration.ofHours(1));
    h.runRoutines(h.bot);
    assertEquals(1, cardsTo(ZHANG, NUDGE_ZH), "one nudge a day, across a restart");
    assertEquals(1, cardsTo(ZHANG, ESCALATION_ZH), "one escalation a week, across a restart");
    assertEquals(1, cardsTo(DemoTenant.INTERVIEWER_ZHAO, NUDGE_ZH), "every person gets one card, not one per task");

    // The next day brings the next nudge; the escalation waits for next week.
    clock.advance(Duration.between(clock.instant(), morning.plus(Duration.ofDays(1))));
    h.runRoutines(h.bot);
    assertEquals(2, cardsTo(ZHANG, NUDGE_ZH));
    long escalations = cardsTo(ZHANG, ESCALATION_ZH);
    assertTrue(escalations == 1 || morning.atZone(SHANGHAI).getDayOfWeek() == java.time.DayOfWeek.SUNDAY,
        "escalations: " + escalations);
  }

  @Test
  @DisplayName("a digest lists the team's overdue evaluations, tests and feedback per job, by person (EN and 中文)")
  void digestWaitingOnTheTeam() {
    h.enableGroup(ImState.DEMO_TEAM_CHAT);
    SentMessage en = h.ask(MessageSpec.group(ImState.DEMO_TEAM_CHAT).from(DemoTenant.RECRUITER_LI).mentioningBot()
        .text("digest now"));
    String card = en.currentContent().toString();
    assertTrue(card.contains("Waiting on the team"), card);
    assertTrue(card.contains("to evaluate"), card);
    assertTrue(card.contains("\"tag\":\"person\"") && card.contains("\"user_id\":\"" + ZHANG + "\""), card);

    SentMessage zh = h.ask(MessageSpec.group(ImState.DEMO_TEAM_CHAT).from(DemoTenant.RECRUITER_LI).mentioningBot()
        .text("立即发送摘要"));
    String zhCard = zh.currentContent().toString();
    assertTrue(zhCard.contains("等待团队处理") && zhCard.contains("份简历待评估"), zhCard);
  }
}
