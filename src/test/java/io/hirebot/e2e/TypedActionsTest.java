package io.hirebot.e2e;

import static io.hirebot.e2e.BotHarness.TIMEOUT;
import static io.hirebot.e2e.BotHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import io.hirebot.sandbox.hire.Job;
import io.hirebot.sandbox.hire.Stage;
import io.hirebot.sandbox.hire.Talent;
import io.hirebot.testing.ClickAnswer;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 17, actions typed in words, through the wire: the typed move arrives as a signed event, the confirmation card
 * lands in the group, and its own Confirm and Undo buttons (their values as sent) make the Hire calls the row buttons
 * make, once.
 */
class TypedActionsTest {
  private static final String RECRUITER = DemoTenant.RECRUITER_LI;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String WRITES = ".*/applications/.*/(terminate|transfer_stage|recover)";

  @RegisterExtension
  final BotHarness h = BotHarness.encrypted();

  @Test
  @DisplayName("typed move → confirmation card → Confirm: one transfer_stage (a second Confirm: none), the card turned into a "
      + "short one saying who moved whom where, with Undo; Undo moves back")
  void typedMoveConfirmedAndUndone() {
    var hire = h.sandbox.hire();
    Job backend = hire.jobByCode("BE-001").orElseThrow();
    List<Stage> stages = hire.stagesOf(backend.id());
    Stage screening = stages.get(0);
    Stage second = stages.stream().filter(s -> s.type() == 4).skip(1).findFirst().orElseThrow();
    Talent tess = hire.addTalent("Tess Typed", "13800000071", "tess@example.com");
    Application app = hire.addApplication(backend.id(), tess.id(), screening.id());
    h.sandbox.requests().reset();

    PushResult ask = await(h.sandbox.events().message(MessageSpec.group(ImState.DEMO_TEAM_CHAT).from(RECRUITER)
        .mentioningBot().text("move Tess Typed to " + second.enName())));
    SentMessage card = await(h.sandbox.im().awaitMessage(m -> ask.messageId().equals(m.parentId()), TIMEOUT));
    String shown = card.currentContent().toString();
    assertTrue(shown.contains("Move **Tess Typed** (" + backend.title() + ") from " + screening.enName() + " to **"
        + second.enName() + "**?"), shown);
    assertEquals(0, h.sandbox.requests().count("POST", WRITES), "no write before the click");

    JsonObject confirm = value(card.currentContent(), "move.confirm");
    JsonNode updated = click(card, confirm);
    click(card, confirm);

    assertEquals(1, h.sandbox.requests().count("POST", ".*/applications/" + app.id() + "/transfer_stage"));
    assertEquals(second.id(), hire.application(app.id()).orElseThrow().stageId());
    assertTrue(updated.toString().contains("✅ **Tess Typed** (" + backend.title() + ") moved to **" + second.enName()
        + "** by <person id=" + RECRUITER), updated.toString());
    assertFalse(updated.toString().contains("candidates.page"), "a short card, not the job's list: " + updated);

    click(card, value(updated, "undo"));
    assertEquals(2, h.sandbox.requests().count("POST", ".*/applications/" + app.id() + "/transfer_stage"));
    assertEquals(screening.id(), hire.application(app.id()).orElseThrow().stageId());
  }

  /**
   * What a click brought: the callback's answer (toast and card), or, when the machine is slow and the bot said
   * "Working on it…", the delayed card update carrying the click's token, once Hire's write is done.
   */
  private JsonNode click(SentMessage on, JsonObject value) {
    ClickAnswer a = await(ClickAnswer.click(h.sandbox, CardActionSpec.on(on.messageId()).by(RECRUITER).tag("button")
        .value(value), TIMEOUT));
    assertEquals(200, a.click().status(), a.click().body());
    assertEquals(List.of(), a.click().violations());
    if (!a.delayed()) {
      assertEquals("success", a.click().jsonBody().getJsonObject("toast").getString("type"), a.body());
    }
    try {
      return JSON.readTree(a.body());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static JsonObject value(JsonNode card, String action) {
    List<JsonNode> values = card.findValues("value").stream()
        .filter(v -> action.equals(v.path("action").asText())).toList();
    assertEquals(1, values.size(), action + " in " + card);
    return new JsonObject(values.get(0).toString());
  }
}
