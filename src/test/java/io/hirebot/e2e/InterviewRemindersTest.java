package io.hirebot.e2e;

import static io.hirebot.e2e.BotHarness.TIMEOUT;
import static io.hirebot.e2e.BotHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hirebot.sandbox.CardActionSpec;
import io.hirebot.sandbox.PushResult;
import io.vertx.core.json.JsonObject;
import io.hirebot.schedule.MutableClock;
import io.hirebot.sandbox.ImState;
import io.hirebot.sandbox.SentMessage;
import io.hirebot.sandbox.hire.Application;
import io.hirebot.sandbox.hire.DemoTenant;
import io.hirebot.sandbox.hire.Job;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue 6: interview reminders before, feedback nudges after (once a day), escalation to the hiring manager. */
class InterviewRemindersTest {
  private static final String LIU = DemoTenant.INTERVIEWER_LIU;
  private static final String ZHAO = DemoTenant.INTERVIEWER_ZHAO;
  private final MutableClock clock = MutableClock.atNow();
  @RegisterExtension
  final BotHarness h = BotHarness.start(Map.of("HIREBOT_PORT", "0"), clock);

  private List<Application> active(String code) {
    Job job = h.sandbox.hire().jobByCode(code).orElseThrow();
    return h.sandbox.hire().applicationsOfJob(job.id()).stream().filter(Application::active).toList();
  }

  /** Moves the clock to the next {@code time} in Shanghai, the bot's default zone (at least a minute ahead). */
  private void advanceTo(java.time.LocalTime time) {
    java.time.ZoneId shanghai = java.time.ZoneId.of("Asia/Shanghai");
    java.time.ZonedDateTime now = clock.instant().atZone(shanghai);
    java.time.ZonedDateTime next = now.toLocalDate().atTime(time).atZone(shanghai);
    if (!next.isAfter(now.plusMinutes(1))) {
      next = next.plusDays(1);
    }
    clock.advance(Duration.between(now, next));
  }

  private String name(Application a) {
    return h.sandbox.hire().talent(a.talentId()).orElseThrow().name();
  }

  private long messagesTo(String openId, String... contains) {
    return h.sandbox.im().inChat(ImState.p2pChatId(openId)).stream().filter(m -> {
      String t = m.currentContent().toString();
      for (String c : contains) {
        if (!t.contains(c)) {
          return false;
        }
      }
      return true;
    }).count();
  }

  private SentMessage awaitTo(String openId, String... contains) {
    String chat = ImState.p2pChatId(openId);
    return await(h.sandbox.im().awaitMessage(m -> {
      if (!chat.equals(m.chatId())) {
        return false;
      }
      String t = m.currentContent().toString();
      for (String c : contains) {
        if (!t.contains(c)) {
          return false;
        }
      }
      return true;
    }, TIMEOUT));
  }

  @Test
  @DisplayName("the reminder routine's read of Hire's interviews is cached across its minute-by-minute runs")
  void cachedRead() {
    if (clock.instant().atZone(java.time.ZoneOffset.UTC).getMinute() >= 55) {
      clock.advance(Duration.ofMinutes(6)); // stay within one hour for the three runs
    }
    h.runRoutines(h.bot);
    long afterFirst = h.sandbox.requests().count("GET", "/open-apis/hire/v1/interviews");
    clock.advance(Duration.ofMinutes(1));
    h.runRoutines(h.bot);
    clock.advance(Duration.ofMinutes(1));
    h.runRoutines(h.bot);
    assertTrue(afterFirst > 0, "the first run reads the interviews");
    assertEquals(afterFirst, h.sandbox.requests().count("GET", "/open-apis/hire/v1/interviews"));
  }

  @Test
  @DisplayName("an interviewer is reminded privately before the interview, once")
  void reminderOnce() {
    Application a = active("FE-001").get(0);
    h.sandbox.hire().addInterview(a.id(), clock.millis() + Duration.ofMinutes(20).toMillis(), LIU);
    h.runRoutines(h.bot);
    awaitTo(LIU, "面试即将开始", name(a));
    h.runRoutines(h.bot);
    assertEquals(1, messagesTo(LIU, "面试即将开始", name(a)));
  }

  @Test
  @DisplayName("a reminder is one card in Chinese and English (each reader sees their own) whose button opens the "
      + "profile below it (a card the bot sends on its own is not recorded, so it is kept as a group's would be)")
  void reminderIsBilingualWithProfileButton() {
    // GIVEN an interview in 20 minutes
    Application a = active("FE-001").get(1);
    h.sandbox.hire().addInterview(a.id(), clock.millis() + Duration.ofMinutes(20).toMillis(), LIU);

    // WHEN the reminders run
    h.runRoutines(h.bot);

    // THEN the interviewer gets a card with both languages' texts, and its button shows the candidate's profile
    SentMessage reminder = awaitTo(LIU, "面试即将开始", name(a));
    assertEquals("interactive", reminder.msgType());
    JsonNode card = reminder.currentContent();
    assertEquals("[\"zh_cn\",\"en_us\"]", card.path("config").path("locales").toString(), card.toString());
    assertTrue(card.toString().contains("Interview soon: **" + name(a) + "**"), card.toString());
    JsonNode open = card.findValues("value").stream().filter(v -> "profile".equals(v.path("action").asText()))
        .findFirst().orElseThrow(() -> new AssertionError("no profile button: " + card));
    PushResult click = await(h.sandbox.events().cardAction(CardActionSpec.on(reminder.messageId()).by(LIU).tag("button")
        .value(new JsonObject(open.toString()))));
    assertEquals(200, click.status(), click.body());
    assertEquals(null, click.jsonBody().getJsonObject("card"), "the reminder stays: " + click.body());
    String profile = await(h.sandbox.im().awaitMessage(m -> reminder.messageId().equals(m.parentId()),
        BotHarness.TIMEOUT)).currentContent().toString();
    assertTrue(profile.contains(name(a)) && profile.contains("Frontend Engineer"), profile);
  }

  @Test
  @DisplayName("missing feedback is nudged once a day and, when late, escalated to the job's hiring manager; never at "
      + "night in the bot's zone (it waits for 09:00), though a reminder before an interview goes at any hour")
  void nudgeAndEscalate() {
    Application a = active("DS-001").get(0);
    advanceTo(java.time.LocalTime.of(23, 0));
    h.sandbox.hire().addInterview(a.id(), clock.millis() - Duration.ofDays(3).toMillis(), ZHAO);
    String hm = h.sandbox.hire().jobByCode("DS-001").orElseThrow().hiringManagerIds().get(0);
    Application soon = active("FE-001").get(0);
    h.sandbox.hire().addInterview(soon.id(), clock.millis() + Duration.ofMinutes(20).toMillis(), LIU);
    h.runRoutines(h.bot);
    awaitTo(LIU, "面试即将开始", name(soon));
    assertEquals(0, messagesTo(ZHAO, "面试反馈尚未", name(a)), "no feedback nudge at 23:00");
    assertEquals(0, messagesTo(hm, "已逾期", name(a)), "no escalation at 23:00");

    advanceTo(java.time.LocalTime.of(9, 30));
    h.runRoutines(h.bot);
    awaitTo(ZHAO, "面试反馈尚未", name(a));
    awaitTo(hm, "已逾期", name(a));
    h.runRoutines(h.bot);
    assertEquals(1, messagesTo(ZHAO, "面试反馈尚未", name(a)));
    assertEquals(1, messagesTo(hm, "已逾期", name(a)));

    clock.advance(Duration.ofDays(1));
    h.runRoutines(h.bot);
    assertEquals(2, messagesTo(ZHAO, "面试反馈尚未", name(a)));
  }
}
