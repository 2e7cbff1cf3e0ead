package io.hirebot.e2e;

import static io.hirebot.e2e.BotHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hirebot.i18n.DateTexts;
import io.hirebot.i18n.Language;
import io.hirebot.sandbox.CardActionSpec;
import io.hirebot.sandbox.ImState;
import io.hirebot.sandbox.MessageSpec;
import io.hirebot.sandbox.PushResult;
import io.hirebot.sandbox.SentMessage;
import io.hirebot.sandbox.hire.Application;
import io.hirebot.sandbox.hire.DemoTenant;
import io.hirebot.schedule.MutableClock;
import io.vertx.core.json.JsonObject;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A command or a click reads its chat's settings row once, before any Hire call: the hiring-data gate (is the group
 * enabled?) and the chat's time zone both come from that one read. Reads are counted by the database itself (H2's
 * query statistics), so whatever code path reads the row is counted.
 */
class ChatSettingsReadsTest {
  private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
  private static final String TEAM = ImState.DEMO_TEAM_CHAT;
  private static final String CLOSED_GROUP = ImState.DEMO_BACKEND_CHAT;
  private static final AtomicInteger SENT = new AtomicInteger();
  private static final MutableClock clock = ChatZoneTest.shanghaiMorning();
  @RegisterExtension
  static final BotHarness h = BotHarness.start(Map.of("HIREBOT_PORT", "0", "HIREBOT_TIMEZONE", "Asia/Shanghai"),
      clock);
  private static final CardThreads threads = new CardThreads(h);

  @BeforeAll
  static void losAngelesTeamAndStatistics() {
    assertTrue(ask(TEAM, "timezone America/Los_Angeles").currentContent().toString().contains("America/Los_Angeles"));
    h.inDatabase(c -> {
      try (Statement st = c.createStatement()) {
        st.execute("SET QUERY_STATISTICS_MAX_ENTRIES 10000");
        st.execute("SET QUERY_STATISTICS TRUE");
      }
      return null;
    });
  }

  /** The bot's answer to {@code text} in {@code chat}, asked by a new member each time (no rate limit). */
  private static SentMessage ask(String chat, String text) {
    return h.ask(MessageSpec.group(chat).from("ou_user_alice_" + SENT.incrementAndGet()).mentioningBot().text(text));
  }

  /** How many times the bot has read a chat's row of {@code chat_settings} so far. */
  private static long settingsReads() {
    return h.inDatabase(c -> {
      long n = 0;
      try (Statement st = c.createStatement();
          ResultSet r = st.executeQuery("SELECT SQL_STATEMENT, EXECUTION_COUNT FROM INFORMATION_SCHEMA.QUERY_STATISTICS")) {
        while (r.next()) {
          String sql = r.getString(1);
          if (sql.startsWith("SELECT") && sql.contains("FROM chat_settings WHERE chat_id")) {
            n += r.getLong(2);
          }
        }
      }
      return n;
    });
  }

  /** What {@code work} answered, and how many reads of a chat's settings row it took. */
  private record Counted<T>(T answer, long reads) {}

  private static <T> Counted<T> counting(Supplier<T> work) {
    long before = settingsReads();
    T answer = work.get();
    return new Counted<>(answer, settingsReads() - before);
  }

  @Test
  @DisplayName("a command in an enabled chat with its own zone reads the chat's settings once, and shows its times in "
      + "that zone")
  void commandReadsOnce() {
    // GIVEN an interview 12 hours ago: this morning in Los Angeles, last night in Shanghai
    Instant at = clock.instant().minus(Duration.ofHours(12));
    h.sandbox.hire().addInterview(activeApplication().id(), at.toEpochMilli(), DemoTenant.INTERVIEWER_LIU);

    // WHEN the Los Angeles team asks for today's interviews
    Counted<SentMessage> today = counting(() -> ask(TEAM, "interviews today"));

    // THEN the answer lists it, Los Angeles' today, at its Los Angeles time, and the chat's row was read once for it
    String card = today.answer().currentContent().toString();
    assertTrue(card.contains(DateTexts.dateTime(at, clock.instant().atZone(LOS_ANGELES), Language.EN)), card);
    assertEquals(1, today.reads(), "reads of chat_settings for one command");
  }

  @Test
  @DisplayName("setting quiet hours reads the chat's settings once, and names the chat's own zone in its answer")
  void quietHoursReadOnce() {
    try {
      Counted<SentMessage> quiet = counting(() -> ask(TEAM, "quiet 22:00-08:00"));

      assertTrue(quiet.answer().text().contains("America/Los_Angeles"), quiet.answer().text());
      assertEquals(1, quiet.reads(), "reads of chat_settings for one quiet-hours command");
    } finally {
      ask(TEAM, "quiet off");
    }
  }

  @Test
  @DisplayName("a profile asked for by name reads the chat's settings once")
  void profileReadsOnce() {
    Application a = activeApplication();
    String name = h.sandbox.hire().talent(a.talentId()).orElseThrow().name();

    Counted<SentMessage> profile = counting(() -> ask(TEAM, "candidate " + name));

    assertTrue(CardThreads.title(profile.answer().currentContent()).contains(name), profile.answer().toString());
    assertEquals(1, profile.reads(), "reads of chat_settings for one profile asked for");
  }

  @Test
  @DisplayName("a group not enabled still gets its polite refusal, from one read of its settings")
  void refusalReadsOnce() {
    Counted<SentMessage> refused = counting(() -> ask(CLOSED_GROUP, "candidates for job BE-001"));
    assertTrue(refused.answer().text().contains("enable"), refused.answer().text());
    assertEquals(1, refused.reads(), "reads of chat_settings for one refused command");
  }

  @Test
  @DisplayName("a click (Profile in a candidates list's row menu) reads the chat's settings once, and shows its times in the "
      + "chat's zone")
  void clickReadsOnce() {
    // GIVEN a candidates list in the Los Angeles team, with an interview of its first candidate 12 hours ago
    SentMessage list = ask(TEAM, "candidates for job BE-001");
    h.awaitCardRecorded(list.messageId());
    JsonNode more = list.currentContent().findValues("value").stream().filter(JsonNode::isObject)
        .filter(v -> "more".equals(v.path("action").asText())).findFirst()
        .orElseThrow(() -> new AssertionError("no row menu on the candidates list"));
    Instant at = clock.instant().minus(Duration.ofHours(12)).plus(Duration.ofMinutes(7));
    h.sandbox.hire().addInterview(more.path("application_id").asText(), at.toEpochMilli(), DemoTenant.INTERVIEWER_LIU);

    // WHEN a member picks Profile in its first row's menu
    Counted<SentMessage> profile = counting(() -> {
      PushResult click = await(h.sandbox.events().cardAction(CardActionSpec.on(list.messageId())
          .by(DemoTenant.RECRUITER_LI).tag("overflow").option("profile").value(new JsonObject(more.toString()))));
      assertEquals(200, click.status(), click.body());
      return threads.awaitReplyTo(list);
    });

    // THEN the profile below the list shows the interview at its Los Angeles time, from one read of the chat's row
    String card = profile.answer().currentContent().toString();
    assertTrue(card.contains(DateTexts.dateTime(at, clock.instant().atZone(LOS_ANGELES), Language.EN)), card);
    assertEquals(1, profile.reads(), "reads of chat_settings for one click");
  }

  /** An application of BE-001 still in its process. */
  private static Application activeApplication() {
    var hire = h.sandbox.hire();
    return hire.applicationsOfJob(hire.jobByCode("BE-001").orElseThrow().id()).stream()
        .filter(a -> a.activeStatus() == Application.ACTIVE).findFirst().orElseThrow();
  }
}
