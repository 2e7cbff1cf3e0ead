package io.hirebot.e2e;

import static io.hirebot.e2e.BotHarness.TIMEOUT;
import static io.hirebot.e2e.BotHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.sandbox.ImState;
import io.hirebot.sandbox.MessageSpec;
import io.hirebot.sandbox.PushResult;
import io.hirebot.sandbox.SentMessage;
import io.hirebot.sandbox.hire.Application;
import io.hirebot.sandbox.hire.Job;
import io.hirebot.sandbox.hire.Talent;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** hire.application.deleted_v1 carries ids only: the notice still names the job on a bot that never cached it. */
class DeletionNoticeTest {
  private static final String TEAM = ImState.DEMO_TEAM_CHAT;
  private static final AtomicInteger SENDERS = new AtomicInteger();
  private static BotHarness h;

  @BeforeAll
  static void start() {
    h = BotHarness.start(Map.of("HIREBOT_PORT", "0"));
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  private static String say(String text) {
    PushResult push = await(h.sandbox.events().message(MessageSpec.group(TEAM).from("ou_user_alice_" + SENDERS.incrementAndGet())
        .mentioningBot().text(text)));
    assertEquals(200, push.status(), push.body());
    SentMessage reply = await(h.sandbox.im().awaitMessage(m -> push.messageId().equals(m.parentId()), TIMEOUT));
    return reply.currentContent().toString();
  }

  @Test
  @DisplayName("a deletion after a restart (empty cache) still reaches the subscribed chat, naming the job and the candidate")
  void deletionNamesJobAfterRestart() {
    // GIVEN a chat following BE-001 and a candidate of it the bot has shown once
    var hire = h.sandbox.hire();
    Job backend = hire.jobByCode("BE-001").orElseThrow();
    Talent talent = hire.addTalent("Dora Deleted", "13800000099", "dora@example.com");
    Application app = hire.addApplication(backend.id(), talent.id(), hire.stagesOf(backend.id()).get(0).id());
    assertTrue(say("subscribe job BE-001").contains("Backend Engineer"));
    assertTrue(say("candidate Dora Deleted").contains("Dora Deleted"));

    // WHEN the bot restarts (nothing cached) and the application is deleted in Hire
    h.restartBot();
    hire.deleteApplication(app.id());

    // THEN the chat is told, with the job's name and the candidate's
    SentMessage notice = await(h.sandbox.im().awaitMessage(m -> TEAM.equals(m.chatId()) && m.parentId() == null
        && m.currentContent().toString().contains("Application removed"), TIMEOUT));
    String text = notice.currentContent().toString();
    assertTrue(text.contains("Backend Engineer") && text.contains("Dora Deleted"), text);
  }
}
