package io.hirebot.sandbox;

import static io.hirebot.sandbox.SandboxTestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lark.oapi.event.cardcallback.model.P2CardActionTrigger;
import io.hirebot.sandbox.hire.Application;
import io.hirebot.sandbox.hire.DemoTenant;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The console's API without a browser: a click becomes the signed card.action.trigger the SDK accepts, with the
 * value taken from the card; bad input answers 400 and changes nothing; nothing leaves the machine.
 */
class ConsoleRoutesTest {

  private static final String RECRUITER = DemoTenant.RECRUITER_LI;
  private static final String CARD = """
      {"schema":"2.0","header":{"title":{"tag":"plain_text","content":"t"}},"body":{"elements":[
        {"tag":"column_set","columns":[{"tag":"column","elements":[
          {"tag":"button","text":{"tag":"plain_text","content":"Go"},"behaviors":[{"type":"callback","value":{"op":"go"}}]},
          {"tag":"button","disabled":true,"text":{"tag":"plain_text","content":"No"},"behaviors":[{"type":"callback","value":{"op":"no"}}]}]}]},
        {"tag":"overflow","options":[{"text":{"tag":"plain_text","content":"A"},"value":"a"}],
         "behaviors":[{"type":"callback","value":{"op":"menu"}}]},
        {"tag":"form","name":"f","elements":[
          {"tag":"select_static","name":"reason","required":true,"options":[{"text":{"tag":"plain_text","content":"R"},"value":"r1"}]},
          {"tag":"input","name":"note","max_length":5},
          {"tag":"button","name":"submit","form_action_type":"submit","text":{"tag":"plain_text","content":"OK"},
           "behaviors":[{"type":"callback","value":{"op":"reject"}}]}]}]}}""";

  @org.junit.jupiter.api.extension.RegisterExtension
  static final SandboxFixture stubbed = SandboxFixture.start(SandboxConfig.defaults());
  private static SdkBotStub bot;
  private String cardId;

  @BeforeAll
  static void start() {
    bot = await(new SdkBotStub(stubbed.vertx, stubbed.sandbox.config()).start());
  }

  @AfterAll
  static void stop() {
    await(bot.close());
  }

  @BeforeEach
  void reset() {
    stubbed.sandbox.reset();
    stubbed.sandbox.console().enable();
    stubbed.sandbox.botUrls(bot.url("/webhook/event"), bot.url("/webhook/card"));
    bot.actions.clear();
    cardId = stubbed.sandbox.im().newMessageId();
    stubbed.sandbox.im().store(new SentMessage(cardId, ImState.DEMO_TEAM_CHAT, "interactive", JsonSupport.parse(CARD), null,
        null, null, null, Instant.now(), List.of()));
  }

  private HttpResponse<Buffer> post(String path, JsonObject body) {
    return await(stubbed.web.postAbs(stubbed.sandbox.baseUrl() + ConsoleRoutes.BASE + "/api" + path).sendJsonObject(body));
  }

  private JsonObject click(Object... path) {
    return new JsonObject().put("persona", RECRUITER).put("message_id", cardId).put("path", new JsonArray(List.of(path)));
  }

  @Test
  @DisplayName("a click is pushed as a signed card.action.trigger with the card's own value, and the toast comes back")
  void clickReachesTheBot() {
    HttpResponse<Buffer> r = post("/action", click("body", "elements", 0, "columns", 0, "elements", 0)
        .put("value", new JsonObject().put("op", "forged")));
    assertEquals(200, r.statusCode(), r.bodyAsString());
    assertEquals("done", r.bodyAsJsonObject().getJsonObject("toast").getString("content"));
    P2CardActionTrigger got = bot.actions.get(0);
    assertEquals("go", got.getEvent().getAction().getValue().get("op"), "the value is the card's, not the browser's");
    assertEquals(RECRUITER, got.getEvent().getOperator().getOpenId());
    assertEquals(ImState.DEMO_TEAM_CHAT, got.getEvent().getContext().getOpenChatId());

    r = post("/action", click("body", "elements", 2, "elements", 2)
        .put("form_value", new JsonObject().put("reason", "r1").put("note", "ok")));
    assertEquals(200, r.statusCode(), r.bodyAsString());
    assertEquals("r1", bot.actions.get(1).getEvent().getAction().getFormValue().get("reason"));
    assertEquals("submit", bot.actions.get(1).getEvent().getAction().getName());
  }

  @Test
  @DisplayName("a click naming the version drawn sends that version's value though the card changed since; one naming "
      + "none sends the current card's; a one-person card keeps its versions too")
  void clickOnTheVersionDrawn() {
    // GIVEN the card's first button carries another value after an update (version 1), as after a callback's answer
    String changed = CARD.replace("\"op\":\"go\"", "\"op\":\"go-again\"");
    stubbed.sandbox.im().update(cardId, new MessageUpdate(MessageUpdate.Kind.CALLBACK_RESPONSE,
        JsonSupport.parse(changed), Instant.now()));
    JsonObject button = click("body", "elements", 0, "columns", 0, "elements", 0);
    // WHEN it is clicked as drawn before the update, then with no version, then with a version it never had
    assertEquals(200, post("/action", button.copy().put("version", 0)).statusCode());
    assertEquals(200, post("/action", button).statusCode());
    assertEquals(400, post("/action", button.copy().put("version", 2)).statusCode());
    assertEquals(400, post("/action", button.copy().put("version", "latest")).statusCode());
    // THEN the first sends the value drawn, the second the current one, the others nothing
    assertEquals(List.of("go", "go-again"), bot.actions.stream()
        .map(a -> a.getEvent().getAction().getValue().get("op")).toList());

    EphemeralCard form = stubbed.sandbox.im().storeEphemeral(new EphemeralCard(stubbed.sandbox.im().newMessageId(),
        ImState.DEMO_TEAM_CHAT, RECRUITER, JsonSupport.parse(CARD), Instant.now()));
    stubbed.sandbox.im().replaceEphemeral(form.messageId(), JsonSupport.parse(changed));
    assertEquals(200, post("/action", button.copy().put("message_id", form.messageId()).put("version", 0)).statusCode());
    assertEquals("go", bot.actions.get(2).getEvent().getAction().getValue().get("op"));
  }

  @Test
  @DisplayName("clicks a Feishu client could not make answer 400 and reach nothing")
  void badClicks() {
    List<JsonObject> bad = List.of(
        click("body", "elements", 0, "columns", 0, "elements", 1),            // disabled
        click("body", "elements", 9),                                        // no such component
        click("header", "title"),                                            // not a component path
        click("body", "elements", 1).put("option", "zzz"),                   // not an option
        click("body", "elements", 2, "elements", 2).put("form_value", new JsonObject().put("note", "x")),  // required
        click("body", "elements", 2, "elements", 2)
            .put("form_value", new JsonObject().put("reason", "r1").put("extra", "x")),                     // unknown
        click("body", "elements", 2, "elements", 2)
            .put("form_value", new JsonObject().put("reason", "r1").put("note", "too long")),               // max_length
        click("body", "elements", 0).put("persona", "ou_nobody"),             // unknown persona
        click("body", "elements", 1).put("message_id", "om_missing"),
        new JsonObject().put("persona", RECRUITER).put("message_id", cardId).put("path", "body"));
    for (JsonObject body : bad) {
      assertEquals(400, post("/action", body).statusCode(), body.encode());
    }
    assertEquals(0, bot.actions.size());
    assertEquals(400, await(stubbed.web.postAbs(stubbed.sandbox.baseUrl() + ConsoleRoutes.BASE + "/api/action")
        .sendBuffer(Buffer.buffer("not json"))).statusCode());
  }

  @Test
  @DisplayName("the persona's own chats only: another person's private chat is refused")
  void chatsOfThePersona() {
    JsonObject say = new JsonObject().put("persona", RECRUITER).put("text", "jobs")
        .put("chat_id", ImState.p2pChatId(DemoTenant.ADMIN_ZHOU));
    assertEquals(400, post("/say", say).statusCode());
    assertEquals(400, post("/say", say.copy().put("chat_id", ImState.DEMO_TEAM_CHAT).put("text", " ")).statusCode());
    assertEquals(0, stubbed.sandbox.im().userMessages().size());
    assertEquals(200, post("/say", say.copy().put("chat_id", ImState.p2pChatId(RECRUITER))).statusCode());
    assertEquals(1, bot.messages.size());
  }

  @Test
  @DisplayName("pushes go to a bot on 127.0.0.1 only: with another host, nothing is sent")
  void onlyLocalBots() {
    stubbed.sandbox.botUrls("http://192.0.2.10:8080/webhook/event", "http://192.0.2.10:8080/webhook/card");
    assertEquals(409, post("/say", new JsonObject().put("persona", RECRUITER).put("text", "jobs")
        .put("chat_id", ImState.DEMO_TEAM_CHAT)).statusCode());
    assertEquals(409, post("/action", click("body", "elements", 0, "columns", 0, "elements", 0)).statusCode());
    assertEquals(0, stubbed.sandbox.im().userMessages().size());
    assertEquals(0, bot.actions.size());
  }

  @Test
  @DisplayName("until enabled (sandbox mode), the console is not served")
  void notServedUntilEnabled() {
    FeishuSandbox bare = await(FeishuSandbox.start(stubbed.vertx, SandboxConfig.defaults()));
    try {
      assertEquals(404, await(stubbed.web.getAbs(bare.baseUrl() + "/sandbox").send()).statusCode());
      assertEquals(404, await(stubbed.web.getAbs(bare.baseUrl() + ConsoleRoutes.BASE + "/api/hire").send()).statusCode());
      bare.console().enable();
      assertTrue(await(stubbed.web.getAbs(bare.baseUrl() + "/sandbox").send()).bodyAsString().contains("console.js"));
    } finally {
      await(bare.close());
    }
  }

  @Test
  @DisplayName("the emulator listens on 127.0.0.1 only: this host's other addresses refuse the connection")
  void loopbackOnly() throws Exception {
    Optional<InetAddress> other = NetworkInterface.networkInterfaces().flatMap(NetworkInterface::inetAddresses)
        .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress()).findFirst();
    Assumptions.assumeTrue(other.isPresent(), "this machine has no non-loopback IPv4 address to try");
    try (Socket s = new Socket()) {
      assertThrows(ConnectException.class, () -> s.connect(new InetSocketAddress(other.get(), stubbed.sandbox.port()), 2000));
    }
  }

  @Test
  @DisplayName("Hire panel: a move to a stage outside the job's process answers 400 and moves nothing")
  void hirePanelBadInput() {
    Application a = stubbed.sandbox.hire().applications().get(0);
    assertEquals(400, post("/hire/move", new JsonObject().put("application_id", a.id()).put("stage_id", "nope"))
        .statusCode());
    assertEquals(a.stageId(), stubbed.sandbox.hire().application(a.id()).orElseThrow().stageId());
    assertEquals(400, post("/hire/offer", new JsonObject().put("offer_id", "x").put("status", 99)).statusCode());
    assertEquals(400, post("/hire/add", new JsonObject().put("job_id", a.jobId()).put("name", "")).statusCode());
    int before = stubbed.sandbox.hire().applications().size();
    assertEquals(200, post("/hire/add", new JsonObject().put("job_id", a.jobId()).put("name", "New Person")).statusCode());
    assertEquals(before + 1, stubbed.sandbox.hire().applications().size());
    assertEquals(409, post("/clock", new JsonObject().put("to", "next")).statusCode(), "no bot schedule: no clock");
  }
}
