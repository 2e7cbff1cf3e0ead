package io.hirebot.e2e;

import static io.hirebot.e2e.BotHarness.TIMEOUT;
import static io.hirebot.e2e.BotHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hirebot.feature.understanding.UnderstandingFeature;
import io.hirebot.sandbox.CardActionSpec;
import io.hirebot.sandbox.ImState;
import io.hirebot.sandbox.MessageSpec;
import io.hirebot.sandbox.PushResult;
import io.hirebot.sandbox.SentMessage;
import io.hirebot.sandbox.hire.Application;
import io.hirebot.sandbox.hire.Job;
import io.hirebot.sandbox.hire.Talent;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 17 end to end against the sandbox: questions answered directly (how many, where is), Traditional Chinese,
 * "did you mean…?" with a button per reading that runs it, and a typed write refused without any Hire write.
 */
class UnderstandingTest {
  private static final String TEAM = ImState.DEMO_TEAM_CHAT;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger SENDERS = new AtomicInteger();
  private static BotHarness h;
  private static Talent quinn;

  @BeforeAll
  static void start() {
    h = BotHarness.encrypted();
    var hire = h.sandbox.hire();
    Job backend = hire.jobByCode("BE-001").orElseThrow();
    quinn = hire.addTalent("Quinn Understanding", "13800000017", "quinn@example.com");
    hire.addApplication(backend.id(), quinn.id(), hire.stagesOf(backend.id()).get(3).id());
    hire.addJob("Jordan Fellowship", "JF-001", backend.processId(), "ou_recruiter_li", "ou_hm_zhang");
    // The lexicon loads after the first card the bot sends (nothing reads Hire at start): ask until it reads job names.
    for (int i = 0; i < 20 && !title(inGroup("Jordan").currentContent()).equals("Did you mean…?"); i++) {
      await(io.vertx.core.Future.future(p -> h.vertx.setTimer(100, t -> p.complete())));
    }
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  private static SentMessage inGroup(String text) {
    MessageSpec spec = MessageSpec.group(TEAM).from("ou_user_nlu_" + SENDERS.incrementAndGet()).mentioningBot()
        .text(text);
    PushResult push = await(h.sandbox.events().message(spec));
    assertEquals(200, push.status(), push.body());
    return await(h.sandbox.im().awaitMessage(m -> push.messageId().equals(m.parentId()), TIMEOUT));
  }

  private static JsonNode click(SentMessage on, JsonNode value) {
    PushResult r = await(h.sandbox.events().cardAction(CardActionSpec.on(on.messageId()).by("ou_user_nlu_click")
        .tag("button").value(new JsonObject(value.toString()))));
    assertEquals(200, r.status(), r.body());
    assertEquals(List.of(), r.violations());
    return JSON.valueToTree(r.jsonBody().getJsonObject("card").getJsonObject("data").getMap());
  }

  private static List<JsonNode> runButtons(JsonNode card) {
    return card.findValues("value").stream()
        .filter(v -> UnderstandingFeature.RUN.equals(v.path("action").asText())).toList();
  }

  private static String title(JsonNode card) {
    return card.path("header").path("title").path("content").asText();
  }

  /** Active candidates: active applications not yet onboarded (those are hires). */
  private static long active(String code) {
    return activeIn(code, false);
  }

  private static long hired(String code) {
    return activeIn(code, true);
  }

  private static long activeIn(String code, boolean onboarded) {
    Job job = h.sandbox.hire().jobByCode(code).orElseThrow();
    java.util.Set<String> onboardedStages = h.sandbox.hire().stagesOf(job.id()).stream()
        .filter(s -> s.type() == io.hirebot.sandbox.hire.Stage.ONBOARDED).map(io.hirebot.sandbox.hire.Stage::id)
        .collect(java.util.stream.Collectors.toSet());
    return h.sandbox.hire().applicationsOfJob(job.id()).stream().filter(Application::active)
        .filter(a -> onboardedStages.contains(a.stageId()) == onboarded).count();
  }

  @Test
  @DisplayName("how many candidates for frontend? → the count first, on the candidates card, in English and Chinese")
  void howMany() {
    String en = inGroup("how many candidates for frontend?").currentContent().toString();
    String zh = inGroup("前端有几个候选人").currentContent().toString();

    long hired = hired("FE-001");
    assertTrue(en.contains(active("FE-001") + " active candidates for Frontend Engineer"
        + (hired > 0 ? " · " + hired + " hired." : ".")), en);
    assertTrue(zh.contains("Frontend Engineer 共有 " + active("FE-001") + " 位进行中的候选人"), zh);
  }

  @Test
  @DisplayName("where is <person> → each application's stage, and a button that opens the profile (in a group, as a "
      + "reply to the answer)")
  void whereIs() {
    SentMessage reply = inGroup("where is Quinn Understanding");
    JsonNode card = reply.currentContent();

    assertEquals("Where is Quinn Understanding?", title(card));
    assertTrue(card.toString().contains("Backend Engineer: First Interview"), card.toString());
    JsonNode button = card.findValues("value").stream().filter(v -> "profile".equals(v.path("action").asText()))
        .findFirst().orElseThrow(() -> new AssertionError("no Profile button: " + card));
    PushResult r = await(h.sandbox.events().cardAction(CardActionSpec.on(reply.messageId()).by("ou_user_nlu_click")
        .tag("button").value(new JsonObject(button.toString()))));
    assertEquals(200, r.status(), r.body());
    assertEquals(null, r.jsonBody().getJsonObject("card"), "the group's answer stays: " + r.body());
    SentMessage profile = await(h.sandbox.im().awaitMessage(m -> reply.messageId().equals(m.parentId()), TIMEOUT));
    assertEquals("Quinn Understanding", title(profile.currentContent()));
    JsonNode zh = inGroup("Quinn Understanding 到哪一步了").currentContent();
    assertEquals("Quinn Understanding 到哪一步了？", title(zh));
    assertTrue(zh.toString().contains("Backend Engineer：一面"), zh.toString());
  }

  @Test
  @DisplayName("Traditional Chinese reads like Simplified: 後端開發工程師的候選人 lists that job")
  void traditional() {
    JsonNode card = inGroup("後端開發工程師的候選人").currentContent();
    assertTrue(title(card).contains("后端开发工程师"), title(card));
  }

  @Test
  @DisplayName("Jordan: the job Jordan Fellowship or a person? Asked with buttons; the job's button lists its candidates")
  void clarifies() {
    SentMessage reply = inGroup("Jordan");
    JsonNode card = reply.currentContent();

    assertEquals("Did you mean…?", title(card));
    List<JsonNode> readings = runButtons(card);
    assertEquals(2, readings.size(), card.toString());
    assertTrue(card.toString().contains("The job Jordan Fellowship (JF-001): its candidates"), card.toString());
    assertTrue(card.toString().contains("The person Jordan: their profile"), card.toString());
    JsonNode candidates = click(reply, readings.get(0));
    assertTrue(title(candidates).contains("Jordan Fellowship"), title(candidates));
  }

  @Test
  @DisplayName("a write asked about (\"should we reject <person>?\"): no write reaches Hire, the help card points at the "
      + "profile (a negated one is answered \"Nothing changed\": NegatedChangesTest)")
  void refusesTypedWrites() {
    h.sandbox.requests().reset();
    String help = inGroup("should we reject Quinn Understanding?").currentContent().toString();

    assertTrue(help.contains("candidate Quinn Understanding"), help);
    assertEquals(0, h.sandbox.requests().count("POST", ".*/(terminate|transfer_stage|recover).*"));
  }
}
