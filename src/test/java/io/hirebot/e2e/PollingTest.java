package io.hirebot.e2e;

import static io.hirebot.e2e.BotHarness.TIMEOUT;
import static io.hirebot.e2e.BotHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.sandbox.ImState;
import io.hirebot.sandbox.SentMessage;
import io.hirebot.store.Database;
import io.hirebot.store.PollCursors;
import io.hirebot.store.PollSeen;
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
}
