package io.hirebot.e2e;

import static io.hirebot.e2e.BotHarness.TIMEOUT;
import static io.hirebot.e2e.BotHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hirebot.cards.CardLimits;
import io.hirebot.sandbox.ImState;
import io.hirebot.sandbox.MessageSpec;
import io.hirebot.sandbox.PushOptions;
import io.hirebot.sandbox.PushResult;
import io.hirebot.sandbox.SentMessage;
import io.hirebot.sandbox.hire.Application;
import io.hirebot.sandbox.hire.Job;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The walking skeleton end to end: signed, encrypted Feishu pushes in, cards out, against the sandbox. */
class WalkingSkeletonTest {
  private static final String TEAM = ImState.DEMO_TEAM_CHAT;
  @RegisterExtension
  static final BotHarness h = BotHarness.encrypted();
  /**
   * The sender, new for every test: the bot allows a user a burst of 10 commands and clicks together, then 30 a
   * minute, so one shared sender would be refused ("slow down") by whichever test comes eleventh within seconds.
   */
  private String alice;

  @BeforeEach
  void clearFaults(org.junit.jupiter.api.TestInfo test) {
    h.sandbox.faults().clear();
    alice = "ou_user_alice_" + test.getTestMethod().orElseThrow().getName();
  }

  private SentMessage replyTo(PushResult push) {
    return h.replyTo(push);
  }

  private static String cardText(SentMessage m) {
    return m.currentContent().toString();
  }

  private static void assertWithinLimits(SentMessage m) {
    JsonNode card = m.currentContent();
    assertEquals(List.of(), CardLimits.violations((com.fasterxml.jackson.databind.node.ObjectNode) card, card.toString()));
  }

  @Test
  @DisplayName("url_verification, encrypted, is answered with the challenge")
  void urlVerificationEncrypted() {
    PushResult r = await(h.sandbox.events().urlVerification("chal-123"));
    assertEquals(200, r.status());
    assertEquals("chal-123", r.jsonBody().getString("challenge"));
  }

  @Test
  @DisplayName("a group message @-mentioning the bot gets a reply card naming the job's active candidates")
  void candidatesCardInGroup() {
    Job job = h.sandbox.hire().jobByCode("BE-001").orElseThrow();
    Set<String> names = h.sandbox.hire().applicationsOfJob(job.id()).stream().filter(Application::active)
        .map(a -> h.sandbox.hire().talent(a.talentId()).orElseThrow().name()).collect(Collectors.toSet());
    assertFalse(names.isEmpty());

    SentMessage reply = replyTo(await(h.sandbox.events().message(
        MessageSpec.group(TEAM).from(alice).mentioningBot().text("show candidates for job Backend Engineer"))));

    assertEquals("interactive", reply.msgType());
    JsonNode card = reply.currentContent();
    assertEquals("2.0", card.path("schema").asText());
    assertTrue(card.path("header").path("title").path("content").asText().contains("Backend Engineer"));
    String text = cardText(reply);
    long shown = names.stream().filter(text::contains).count();
    assertEquals(Math.min(io.hirebot.feature.candidates.CandidatesFeature.PAGE_SIZE, names.size()), shown,
        "names on the first page");
    assertTrue(text.contains("\"action\":\"advance\""), "advance buttons carry object values");
    assertWithinLimits(reply);
  }

  @Test
  @DisplayName("Chinese, rich-text (post) messages work too: 看看后端开发工程师的候选人")
  void chinesePost() {
    SentMessage reply = replyTo(await(h.sandbox.events().message(
        MessageSpec.group(TEAM).from(alice).mentioningBot().asPost().text("看看后端开发工程师的候选人"))));
    String title = reply.currentContent().path("header").path("title").path("content").asText();
    assertTrue(title.contains("后端开发工程师") && title.startsWith("候选人"), title);
  }

  @Test
  @DisplayName("in a group, a message that does not mention the bot gets nothing")
  void groupWithoutMention() {
    PushResult ignored = await(h.sandbox.events().message(
        MessageSpec.group(TEAM).from(alice).text("show candidates for job Backend Engineer")));
    assertEquals(200, ignored.status());
    // The next mention is answered; by then the first would have been answered too, had it been taken.
    replyTo(await(h.sandbox.events().message(MessageSpec.group(TEAM).from(alice).mentioningBot().text("help"))));
    assertEquals(List.of(), h.sandbox.im().repliesTo(ignored.messageId()));
  }

  @Test
  @DisplayName("a private message needs no mention")
  void privateChat() {
    SentMessage reply = replyTo(await(h.sandbox.events().message(
        MessageSpec.p2p(io.hirebot.sandbox.hire.DemoTenant.RECRUITER_LI).text("jobs"))));
    assertTrue(cardText(reply).contains("Backend Engineer"));
  }

  @Test
  @DisplayName("jobs names the demo's Talent Reserve (Hire stage type 8, other) by its name, not as 'Other'")
  void jobsNamePoolStages() {
    // GIVEN the demo tenant, whose campus job 2026 校招软件工程师 has one person in 人才储备 / Talent Reserve
    long inReserve = h.sandbox.hire().applications().stream().filter(Application::active)
        .filter(a -> h.sandbox.hire().stagesOf(a.jobId()).stream().anyMatch(s -> s.id().equals(a.stageId())
            && s.type() == io.hirebot.sandbox.hire.Stage.OTHER)).count();
    assertEquals(1, inReserve, "the demo tenant parks one person in its talent reserve");
    // WHEN a recruiter asks for the jobs
    String text = cardText(replyTo(await(h.sandbox.events().message(
        MessageSpec.p2p(io.hirebot.sandbox.hire.DemoTenant.RECRUITER_LI).text("jobs")))));
    // THEN the reserve is counted under its own name, in both languages
    assertTrue(text.contains("Talent Reserve **1**") && text.contains("人才储备 **1**"), text);
    assertFalse(text.contains("Other **") || text.contains("其他 **"), text);
  }

  @Test
  @DisplayName("a forged signature gets 401 and causes no IM call")
  void forgedSignature() {
    PushResult r = await(h.sandbox.events().message(
        MessageSpec.group(TEAM).from(alice).mentioningBot().text("help"), PushOptions.forged()));
    assertEquals(401, r.status());
    replyTo(await(h.sandbox.events().message(MessageSpec.group(TEAM).from(alice).mentioningBot().text("help"))));
    assertEquals(0, h.sandbox.requests().count("POST", "/open-apis/im/v1/messages/" + r.messageId() + "/reply"));
    assertEquals(List.of(), h.sandbox.im().repliesTo(r.messageId()));
  }

  @Test
  @DisplayName("a timestamp older than Feishu's retry horizon gets 401")
  void staleTimestamp() {
    PushResult r = await(h.sandbox.events().message(
        MessageSpec.group(TEAM).from(alice).mentioningBot().text("help"), PushOptions.stale()));
    assertEquals(401, r.status());
  }

  @Test
  @DisplayName("a correctly signed event with an hour-old timestamp (a re-push after an outage) is answered once; "
      + "its replay is dropped; the same with a forged signature is 401")
  void hourOldRePush() {
    PushResult r = await(h.sandbox.events().message(MessageSpec.group(TEAM).from(alice).mentioningBot().text("help"),
        new PushOptions(false, java.time.Duration.ofHours(1), true)));
    assertEquals(200, r.status(), r.toString());
    assertEquals(2, r.attempts(), "delivered and then replayed");
    replyTo(r);
    assertEquals(1, h.sandbox.im().repliesTo(r.messageId()).size(), "one reply for the delivery and its replay");
    PushResult forged = await(h.sandbox.events().message(MessageSpec.group(TEAM).from(alice).mentioningBot()
        .text("help"), new PushOptions(true, java.time.Duration.ofHours(1), false)));
    assertEquals(401, forged.status());
  }

  @Test
  @DisplayName("a malformed body gets 400, never 500")
  void malformed() {
    var client = h.web;
    try {
      var resp = await(client.postAbs(h.bot.url("/webhook/event")).sendBuffer(io.vertx.core.buffer.Buffer.buffer("{not json")));
      assertTrue(resp.statusCode() == 400 || resp.statusCode() == 401, "status " + resp.statusCode());
      assertFalse(resp.bodyAsString().contains("Exception"));
    } finally {
      client.close();
    }
  }

  @Test
  @DisplayName("the same event delivered three times gets one reply")
  void duplicates() {
    MessageSpec spec = MessageSpec.group(TEAM).from(alice).mentioningBot().text("help").messageId("om_dup_1");
    for (int i = 0; i < 3; i++) {
      assertEquals(200, await(h.sandbox.events().message(spec)).status());
    }
    await(h.sandbox.im().awaitMessage(m -> "om_dup_1".equals(m.parentId()), TIMEOUT));
    replyTo(await(h.sandbox.events().message(MessageSpec.group(TEAM).from(alice).mentioningBot().text("help"))));
    assertEquals(1, h.sandbox.im().repliesTo("om_dup_1").size());
    assertEquals(1, h.sandbox.requests().count("POST", "/open-apis/im/v1/messages/om_dup_1/reply"));
  }

  @Test
  @DisplayName("an unknown job gets a card saying so, with the closest jobs as buttons")
  void unknownJob() {
    SentMessage reply = replyTo(await(h.sandbox.events().message(
        MessageSpec.group(TEAM).from(alice).mentioningBot().text("candidates for job Astronaut"))));
    String text = cardText(reply);
    assertTrue(text.contains("Astronaut"), text);
    assertTrue(text.contains("candidates.show"), "closest jobs offered as buttons");
  }

  @Test
  @DisplayName("garbled input gets the help card")
  void garbled() {
    SentMessage reply = replyTo(await(h.sandbox.events().message(
        MessageSpec.group(TEAM).from(alice).mentioningBot().text("qwzx blorp"))));
    assertTrue(reply.currentContent().path("header").path("title").path("content").asText().contains("hirebot"));
  }

  @Test
  @DisplayName("the next-page button replaces the card with page 2, answered within the callback budget")
  void nextPage() {
    Job big = h.sandbox.hire().jobs().stream().filter(j -> j.activeStatus() == 1)
        .max(java.util.Comparator.comparingLong(j -> h.sandbox.hire().applicationsOfJob(j.id()).stream()
            .filter(Application::active).count()))
        .orElseThrow();
    long active = h.sandbox.hire().applicationsOfJob(big.id()).stream().filter(Application::active).count();
    assertTrue(active > 10, "demo tenant has a job with more than one page: " + active);
    SentMessage first = replyTo(await(h.sandbox.events().message(
        MessageSpec.group(TEAM).from(alice).mentioningBot().text("candidates for job " + big.code()))));
    assertTrue(cardText(first).contains("candidates.page"));

    PushResult click = await(h.sandbox.events().cardAction(io.hirebot.sandbox.CardActionSpec.on(first.messageId())
        .by(alice).tag("button").value(new io.vertx.core.json.JsonObject()
            .put("action", "candidates.page").put("job_id", big.id()).put("page", 1).put("lang", "en_us"))));

    assertEquals(200, click.status(), click.body());
    assertEquals(List.of(), click.violations());
    var body = click.jsonBody();
    assertNotNull(body.getJsonObject("card"), "the click answers with a card: " + body.encode());
    assertEquals("raw", body.getJsonObject("card").getString("type"));
    String page2 = body.getJsonObject("card").getJsonObject("data").encode();
    assertTrue(page2.contains("Page 2 of"), page2);
    assertEquals("2.0", body.getJsonObject("card").getJsonObject("data").getString("schema"));
  }

  @Test
  @DisplayName("a candidates card costs one detail call per shown candidate, no more")
  void detailCallsOnlyForThePage() {
    long before = h.sandbox.requests().count("GET", "/open-apis/hire/v1/applications/[^/]+/get_detail");
    replyTo(await(h.sandbox.events().message(
        MessageSpec.group(TEAM).from(alice).mentioningBot().text("candidates for job BE-002"))));
    long calls = h.sandbox.requests().count("GET", "/open-apis/hire/v1/applications/[^/]+/get_detail") - before;
    assertTrue(calls <= io.hirebot.feature.candidates.CandidatesFeature.PAGE_SIZE, "detail calls " + calls);
  }

  @Test
  @DisplayName("a bot menu click runs its key as a command and answers in the clicker's private chat")
  void botMenu() {
    String recruiter = io.hirebot.sandbox.hire.DemoTenant.RECRUITER_LI;
    var event = new io.vertx.core.json.JsonObject()
        .put("operator", new io.vertx.core.json.JsonObject().put("operator_name", "李娜")
            .put("operator_id", new io.vertx.core.json.JsonObject().put("open_id", recruiter)))
        .put("event_key", "jobs").put("timestamp", System.currentTimeMillis());
    assertEquals(200, await(h.sandbox.events().raw("application.bot.menu_v6", event)).status());
    String chat = ImState.p2pChatId(recruiter);
    SentMessage card = await(h.sandbox.im().awaitMessage(m -> chat.equals(m.chatId()) && m.parentId() == null
        && m.currentContent().toString().contains("Backend Engineer"), TIMEOUT));
    assertEquals("interactive", card.msgType());
  }
}
