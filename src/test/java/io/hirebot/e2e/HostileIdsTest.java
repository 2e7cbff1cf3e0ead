package io.hirebot.e2e;

import static io.hirebot.e2e.BotHarness.TIMEOUT;
import static io.hirebot.e2e.BotHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hirebot.sandbox.hire.Application;
import io.hirebot.sandbox.CardActionSpec;
import io.hirebot.sandbox.ImState;
import io.hirebot.sandbox.MessageSpec;
import io.hirebot.sandbox.PushResult;
import io.hirebot.sandbox.RecordedRequest;
import io.hirebot.sandbox.SentMessage;
import io.hirebot.sandbox.hire.DemoTenant;
import io.hirebot.sandbox.hire.Job;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Signed but hostile requests (issue 12 §3): ids that are too long or shaped to walk out of their URL segment
 * get a 400 or a harmless answer, never a "retry" 503, and never make the bot call a reshaped Feishu URL.
 */
class HostileIdsTest {
  private static final String TEAM = ImState.DEMO_TEAM_CHAT;
  private static final String ADMIN = DemoTenant.ADMIN_ZHOU;
  /** Paths the bot may call with an id in them: the id segment is letters, digits, _ and - only. */
  private static final List<Pattern> SHAPED = List.of(
      Pattern.compile("/open-apis/im/v1/messages(/[A-Za-z0-9_-]+(/reply)?)?"),
      Pattern.compile("/open-apis/hire/v1/applications(/[A-Za-z0-9_-]+/(get_detail|transfer_stage|terminate|recover))?"),
      Pattern.compile("/open-apis/hire/v1/jobs(/[A-Za-z0-9_-]+/recruiter)?"),
      Pattern.compile("/open-apis/hire/v1/offers/[A-Za-z0-9_-]+"),
      Pattern.compile("/open-apis/(auth|bot|interactive)/.*"),
      Pattern.compile("/open-apis/hire/v1/[a-z_]+"));
  @RegisterExtension
  static final BotHarness h = BotHarness.encrypted();

  /** Every Feishu call the bot made since {@code from} (an index into the request log). */
  private static List<RecordedRequest> callsSince(int from) {
    List<RecordedRequest> all = h.sandbox.requests().all();
    return all.subList(Math.min(from, all.size()), all.size());
  }

  private static void assertNoReshapedCall(List<RecordedRequest> calls) {
    for (RecordedRequest r : calls) {
      assertTrue(SHAPED.stream().anyMatch(p -> p.matcher(r.path()).matches()),
          "the bot called a reshaped Feishu path: " + r.method() + " " + r.path());
    }
  }

  /** A normal mention still gets its answer: the hostile request broke nothing. */
  private static void assertStillAnswering() {
    SentMessage reply = h.ask(MessageSpec.group(TEAM).from(ADMIN).mentioningBot().text("help"));
    assertTrue(reply.currentContent().toString().length() > 0);
  }

  @Test
  @DisplayName("a signed message with a 10,000-character message_id gets 400, every time, and no reply")
  void overlongMessageId() {
    String id = "om_" + "x".repeat(9_997);
    int before = h.sandbox.requests().all().size();
    MessageSpec spec = MessageSpec.group(TEAM).from(ADMIN).mentioningBot().text("help").messageId(id);

    PushResult first = await(h.sandbox.events().message(spec));
    PushResult again = await(h.sandbox.events().message(spec));

    assertEquals(400, first.status(), first.body());
    assertEquals(400, again.status(), "a malformed event is not worth a retry: " + again.body());
    assertStillAnswering();
    assertEquals(0, callsSince(before).stream().filter(r -> r.path().contains("xxxxxxxx")).count());
  }

  @ParameterizedTest
  @ValueSource(strings = {"om/../../reply", "om_../../reply", "om_a/b", "om_%2e%2e", "om_ünicode", "oc_team"})
  @DisplayName("a message_id not shaped om_… gets 400 and reshapes no IM call")
  void malformedMessageId(String id) {
    int before = h.sandbox.requests().all().size();
    PushResult r = await(h.sandbox.events().message(
        MessageSpec.group(TEAM).from(ADMIN).mentioningBot().text("help").messageId(id)));

    assertEquals(400, r.status(), r.body());
    assertStillAnswering();
    assertNoReshapedCall(callsSince(before));
  }

  @ParameterizedTest
  @ValueSource(strings = {"oc_team/../../x", "oc_" + "a"})
  @DisplayName("a chat_id not shaped oc_… (or a harmless one) never reshapes a call")
  void hostileChatId(String chatId) {
    int before = h.sandbox.requests().all().size();
    PushResult r = await(h.sandbox.events().message(MessageSpec.group(chatId).from(ADMIN).mentioningBot()
        .text("help")));

    assertTrue(r.status() == 400 || r.status() == 200, r.status() + " " + r.body());
    assertEquals(chatId.contains("/") ? 400 : 200, r.status());
    assertStillAnswering();
    assertNoReshapedCall(callsSince(before));
  }

  @ParameterizedTest
  @ValueSource(strings = {"../../jobs", "../../../im/v1/messages", "1/../2", ".."})
  @DisplayName("a button whose application_id walks out of its segment is refused with a toast and calls nothing reshaped")
  void hostileApplicationId(String applicationId) {
    Job job = h.sandbox.hire().jobByCode("BE-001").orElseThrow();
    Application real = h.sandbox.hire().applicationsOfJob(job.id()).get(0);
    PushResult ask = await(h.sandbox.events().message(MessageSpec.group(TEAM).from(ADMIN).mentioningBot()
        .text("candidates for job BE-001")));
    SentMessage card = await(h.sandbox.im().awaitMessage(m -> ask.messageId().equals(m.parentId()), TIMEOUT));
    int before = h.sandbox.requests().all().size();

    for (String action : List.of("advance", "profile", "undo")) {
      JsonObject value = new JsonObject().put("action", action).put("application_id", applicationId)
          .put("job_id", job.id()).put("talent_id", real.talentId()).put("stage_id", real.stageId()).put("page", 0)
          .put("lang", "en_us");
      PushResult r = await(h.sandbox.events().cardAction(CardActionSpec.on(card.messageId()).by(ADMIN)
          .tag("button").value(value)));
      assertEquals(200, r.status(), action + ": " + r.body());
      assertTrue(r.jsonBody().containsKey("toast"), action + " answers with a toast: " + r.body());
    }

    List<RecordedRequest> calls = callsSince(before);
    assertNoReshapedCall(calls);
    assertEquals(0, calls.stream().filter(c -> c.path().contains("/open-apis/hire/jobs")).count());
    assertEquals(0, calls.stream().filter(c -> c.path().matches(".*/(transfer_stage|terminate|recover)")).count(),
        "no write reached Hire");
  }

  @Test
  @DisplayName("a Hire event whose application_id is not an id gets 400")
  void hostileHireEvent() {
    int before = h.sandbox.requests().all().size();
    JsonObject event = new JsonObject().put("application_id", "../../jobs").put("origin_stage_id", "1")
        .put("target_stage_id", "2").put("update_time", System.currentTimeMillis());

    PushResult r = await(h.sandbox.events().raw("hire.application.stage_changed_v1", event));

    assertEquals(400, r.status(), r.body());
    assertNoReshapedCall(callsSince(before));
  }

  @Test
  @DisplayName("a card callback from a forged open_message_id gets 400")
  void hostileOpenMessageId() {
    JsonObject value = new JsonObject().put("action", "candidates.page").put("lang", "en_us");
    PushResult r = await(h.sandbox.events().cardAction(CardActionSpec.on("om_x/../../reply").by(ADMIN)
        .tag("button").value(value)));
    assertEquals(400, r.status(), r.body());
  }
}
