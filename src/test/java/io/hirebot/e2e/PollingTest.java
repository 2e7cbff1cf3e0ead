package io.hirebot.e2e;

import static io.hirebot.e2e.BotHarness.TIMEOUT;
import static io.hirebot.e2e.BotHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hirebot.cards.SharedActions;
import io.hirebot.sandbox.CardActionSpec;
import io.hirebot.sandbox.ImState;
import io.hirebot.sandbox.PushResult;
import io.hirebot.sandbox.hire.DemoTenant;
import io.hirebot.sandbox.SentMessage;
import io.hirebot.store.Database;
import io.hirebot.store.PollCursors;
import io.hirebot.store.PollSeen;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** New applications are found by polling Hire with a cursor kept in the database. */
class PollingTest {
  @RegisterExtension
  static final BotHarness h = BotHarness.start(Map.of("HIREBOT_PORT", "0"));

  @Test
  @DisplayName("new applications arriving while the bot restarts are posted once, batched in one card")
  void cursorSurvivesRestart() {
    String team = ImState.DEMO_TEAM_CHAT;
    DigestTest.say(h, team, "subscribe job BE-001 to new");
    h.runRoutines(h.bot); // the first poll records what exists: no card for the existing pipeline
    assertEquals(0, h.sandbox.im().inChat(team).stream()
        .filter(m -> m.parentId() == null && m.currentContent().toString().contains("New applications")).count());

    await(h.bot.stop());
    String first = DigestTest.newApplicant(h, "Polly First");
    String second = DigestTest.newApplicant(h, "Polly Second");
    h.replaceBot();
    SentMessage card = await(h.sandbox.im().awaitMessage(m -> team.equals(m.chatId()) && m.parentId() == null
        && m.currentContent().toString().contains(first), TIMEOUT));
    String text = card.currentContent().toString();
    assertTrue(text.contains(second) && text.contains("2 new applications"), text);

    h.runRoutines(h.bot);
    h.restartBot();
    h.runRoutines(h.bot);
    assertEquals(1, DigestTest.sendsTo(h, team, first).size());
  }

  @Test
  @DisplayName("the poll cursor is a time, and the ids it has seen are rows, one per active application")
  void cursorScales() {
    String team = ImState.DEMO_TEAM_CHAT;
    DigestTest.say(h, team, "subscribe job BE-001 to new");
    h.runRoutines(h.bot);
    String job = h.sandbox.hire().jobByCode("BE-001").orElseThrow().id();
    String key = "new-applications:" + job;
    long active = h.sandbox.hire().applicationsOfJob(job).stream().filter(a -> a.active()).count();

    Database db = await(Database.open(h.vertx, h.config.dbUrl(), "", ""), BotHarness.START_TIMEOUT);
    try {
      String cursor = await(new PollCursors(db, h.clock).get(key)).orElseThrow();
      assertTrue(cursor.matches("\\d+"), "a watermark time only: " + cursor);
      assertEquals(active, await(new PollSeen(db, h.clock).of(key)).size());
    } finally {
      db.close();
    }
  }

  @Test
  @DisplayName("an application added right after \"subscribe\", before any poll, is news at the first poll "
      + "(the console's add-then-+1 h showed nothing)")
  void applicationBeforeTheFirstPoll() {
    String team = ImState.DEMO_TEAM_CHAT;
    DigestTest.say(h, team, "subscribe job FE-001 to new");
    var job = h.sandbox.hire().jobByCode("FE-001").orElseThrow();
    var talent = h.sandbox.hire().addTalent("Early Bird", null, null);
    h.sandbox.hire().addApplication(job.id(), talent.id(), h.sandbox.hire().stagesOf(job.id()).get(0).id());

    h.runRoutines(h.bot);
    SentMessage card = await(h.sandbox.im().awaitMessage(m -> team.equals(m.chatId()) && m.parentId() == null
        && m.currentContent().toString().contains("Early Bird"), TIMEOUT));
    assertTrue(card.currentContent().toString().contains("1 new application"), card.currentContent().toString());
    h.runRoutines(h.bot);
    assertEquals(1, DigestTest.sendsTo(h, team, "Early Bird").size(), "once");
    // What the job had when the chat subscribed is not news.
    assertEquals(1, h.sandbox.im().inChat(team).stream().filter(m -> m.parentId() == null
        && m.currentContent().toString().contains("New applications · Frontend")).count());
  }

  @Test
  @DisplayName("a new-applications notification has a Profile button beside each person it lists, and clicking one "
      + "shows that person's profile")
  void newApplicationsOpenEachProfile() {
    // GIVEN the team chat follows Backend Engineer's new applications, and three people applied since the last poll
    String team = ImState.DEMO_TEAM_CHAT;
    DigestTest.say(h, team, "subscribe job BE-001 to new");
    h.runRoutines(h.bot);
    List<String> names = List.of("Profile Ada", "Profile Ben", "Profile Cy");
    names.forEach(name -> DigestTest.newApplicant(h, name));

    // WHEN the bot polls
    h.runRoutines(h.bot);

    // THEN the notification in the chat carries one Profile button per applicant (on main: only "Show candidates")
    SentMessage card = await(h.sandbox.im().awaitMessage(m -> team.equals(m.chatId()) && m.parentId() == null
        && m.currentContent().toString().contains("Profile Ada"), TIMEOUT));
    JsonNode content = card.currentContent();
    List<JsonNode> profiles = content.findValues("value").stream()
        .filter(v -> SharedActions.PROFILE_OPEN.equals(v.path("action").asText())).toList();
    assertEquals(names.stream().map(PollingTest::talentId).sorted().toList(),
        profiles.stream().map(v -> v.path("talent_id").asText()).sorted().toList(), content.toString());
    assertEquals(1, content.findValues("value").stream()
        .filter(v -> SharedActions.CANDIDATES_SHOW.equals(v.path("action").asText())).count(), content.toString());

    // WHEN the job's recruiter clicks Ben's
    JsonNode ben = profiles.stream().filter(v -> v.path("talent_id").asText().equals(talentId("Profile Ben")))
        .findFirst().orElseThrow();
    PushResult click = await(h.sandbox.events().cardAction(CardActionSpec.on(card.messageId())
        .by(DemoTenant.RECRUITER_LI).tag("button").value(new JsonObject(ben.toString()))));

    // THEN Ben's profile arrives in the group, replying to the notification
    assertEquals(200, click.status(), click.body());
    SentMessage profile = await(h.sandbox.im().awaitMessage(m -> card.messageId().equals(m.parentId()), TIMEOUT));
    assertEquals("Profile Ben", profile.currentContent().path("header").path("title").path("content").asText(),
        profile.currentContent().toString());
  }

  private static String talentId(String name) {
    return h.sandbox.hire().talentByName(name).orElseThrow().id();
  }
}
