package io.hirebot.e2e;

import static io.hirebot.e2e.BotHarness.TIMEOUT;
import static io.hirebot.e2e.BotHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.sandbox.CardActionSpec;
import io.hirebot.sandbox.ImState;
import io.hirebot.sandbox.MessageSpec;
import io.hirebot.sandbox.PushResult;
import io.hirebot.sandbox.SentMessage;
import io.hirebot.sandbox.hire.DemoTenant;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** HIREBOT_MODE=websocket: the same bot over the SDK's long connection to the emulated gateway. */
class LongConnectionTest {
  private static BotHarness h;

  @BeforeAll
  static void start() {
    h = BotHarness.start(Map.of("HIREBOT_PORT", "0", "HIREBOT_MODE", "websocket"));
    await(h.sandbox.awaitLongConnection(TIMEOUT));
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  @Test
  @DisplayName("a group mention delivered over the long connection gets the candidates card")
  void messageOverWebSocket() {
    PushResult push = await(h.sandbox.events().message(MessageSpec.group(ImState.DEMO_TEAM_CHAT)
        .from(DemoTenant.RECRUITER_LI).mentioningBot().text("candidates for job BE-001")));
    assertTrue(push.delivered(), push.toString());
    SentMessage reply = await(h.sandbox.im().awaitMessage(m -> push.messageId().equals(m.parentId()), TIMEOUT));
    assertTrue(reply.currentContent().path("header").path("title").path("content").asText().contains("Backend"));
  }

  @Test
  @DisplayName("a card callback over the long connection is answered with the toast and the new card")
  void cardOverWebSocket() {
    PushResult ask = await(h.sandbox.events().message(MessageSpec.group(ImState.DEMO_TEAM_CHAT)
        .from(DemoTenant.RECRUITER_LI).mentioningBot().text("jobs")));
    SentMessage card = await(h.sandbox.im().awaitMessage(m -> ask.messageId().equals(m.parentId()), TIMEOUT));
    String jobId = h.sandbox.hire().jobByCode("BE-001").orElseThrow().id();
    PushResult click = await(h.sandbox.events().cardAction(CardActionSpec.on(card.messageId())
        .by(DemoTenant.RECRUITER_LI).value(new JsonObject().put("action", "candidates.show").put("job_id", jobId)
            .put("page", 0).put("lang", "en_us"))));
    assertEquals(200, click.status(), click.toString());
    assertTrue(click.body().contains("Backend Engineer"), click.body());
  }
}
