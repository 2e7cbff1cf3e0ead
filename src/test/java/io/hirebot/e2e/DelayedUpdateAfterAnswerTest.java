package io.hirebot.e2e;

import static io.hirebot.e2e.BotHarness.TIMEOUT;
import static io.hirebot.e2e.BotHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.sandbox.CardActionSpec;
import io.hirebot.sandbox.ImState;
import io.hirebot.sandbox.MessageSpec;
import io.hirebot.sandbox.PushResult;
import io.hirebot.sandbox.RecordedRequest;
import io.hirebot.sandbox.SentMessage;
import io.hirebot.sandbox.hire.Application;
import io.hirebot.sandbox.hire.DemoTenant;
import io.hirebot.sandbox.hire.Job;
import io.hirebot.sandbox.hire.Stage;
import io.hirebot.sandbox.hire.Talent;
import io.hirebot.testing.ClickAnswer;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A click whose work ends just after the bot said "Working on it…": Feishu takes a delayed card update only once it
 * has the callback's answer (delay-update-message-card: not before, not in parallel), and the answer needs time to
 * travel. The update must wait for it, or the card keeps saying "Working on it…" for good.
 */
class DelayedUpdateAfterAnswerTest {
  private static final String RECRUITER = DemoTenant.RECRUITER_LI;
  /** Generous for a network hop between the bot and Feishu's callback proxy. */
  private static final Duration TRANSIT = Duration.ofMillis(1_500);

  @RegisterExtension
  final BotHarness h = BotHarness.start(Map.of("HIREBOT_PORT", "0"));

  @Test
  @DisplayName("a click finishing just after the 2 s answer: the delayed update waits for the answer to reach Feishu")
  void updateWaitsForTheAnswer() {
    var hire = h.sandbox.hire();
    Job backend = hire.jobByCode("BE-001").orElseThrow();
    List<Stage> stages = hire.stagesOf(backend.id());
    Stage target = stages.stream().filter(s -> s.type() == 4).findFirst().orElseThrow();
    Talent talent = hire.addTalent("Dora Delayed", "13800000072", "dora@example.com");
    Application app = hire.addApplication(backend.id(), talent.id(), stages.get(0).id());
    PushResult ask = await(h.sandbox.events().message(MessageSpec.group(ImState.DEMO_TEAM_CHAT).from(RECRUITER)
        .mentioningBot().text("move Dora Delayed to " + target.enName())));
    SentMessage card = await(h.sandbox.im().awaitMessage(m -> ask.messageId().equals(m.parentId()), TIMEOUT));
    JsonObject confirm = card.currentContent().findValues("value").stream()
        .filter(v -> "move.confirm".equals(v.path("action").asText())).findFirst()
        .map(v -> new JsonObject(v.toString())).orElseThrow();

    // Hire answers the move a little after the bot's 2 s answer; the answer reaches Feishu 1.5 s after it left.
    h.sandbox.faults().latency(".*/applications/.*/transfer_stage", Duration.ofMillis(2_050)).answerTransit(TRANSIT);
    PushResult click = await(h.sandbox.events().cardAction(CardActionSpec.on(card.messageId()).by(RECRUITER)
        .tag("button").value(confirm)));
    assertEquals(200, click.status(), click.body());
    assertEquals(List.of(), click.violations());
    assertEquals(target.id(), hire.application(app.id()).orElseThrow().stageId());

    if (!click.jsonBody().containsKey("card")) {
      // The bot said "Working on it…": the result must come through the click's token, and be taken.
      // An update sent before the answer arrived is refused (300030) and tried again: one must be taken.
      RecordedRequest update = await(h.sandbox.requests().await(ClickAnswer.updateWith(ClickAnswer.token(click))
          .and(q -> q.jsonResponse().getInteger("code", -1) == 0), TIMEOUT));
      RecordedRequest moved = h.sandbox.requests().matching("POST", ".*/transfer_stage").get(0);
      System.out.printf("answer after %d ms; transfer_stage received %s, delayed update received %s: HTTP %d %s%n",
          click.latency().toMillis(), moved.time(), update.time(), update.status(), update.jsonResponse());
      assertEquals(0, update.jsonResponse().getInteger("code", -1), update.jsonResponse().encode());
    }
    SentMessage shown = await(h.sandbox.im().awaitMessage(m -> m.messageId().equals(card.messageId())
        && m.currentContent().toString().contains("\"undo\""), TIMEOUT));
    assertTrue(shown.currentContent().toString().contains("Dora Delayed"), shown.currentContent().toString());
  }
}
